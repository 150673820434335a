package io.trailwarden.remediate;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwarden.config.Config;
import io.trailwarden.config.RuleSelection;
import io.trailwarden.finding.Baseline;
import io.trailwarden.finding.Evaluation;
import io.trailwarden.finding.Finding;
import io.trailwarden.finding.Status;
import io.trailwarden.policy.RuleMetadata;
import io.trailwarden.remediate.facet.Facet;
import io.trailwarden.remediate.facet.Target;
import io.trailwarden.snapshot.Snapshot;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Turns an evaluation's failures into a plan. Side-effect free: it reads the snapshot and the findings
 * only. Every allowed remediation's edits of the same facet of the same target are folded into one
 * change, so a bucket policy gets one before and one after however many statements are added. It
 * knows the fixes only through the lookup it is given, by the id a rule's METADATA names.
 */
final class Planner {
  private final Config config;
  private final RemediationContext context;
  private final Function<String, Optional<Remediation>> remediations;

  public Planner(Config config, RemediationContext context, Function<String, Optional<Remediation>> remediations) {
    this.config = config;
    this.context = context;
    this.remediations = remediations;
  }

  public Plan plan(Snapshot snapshot, Evaluation evaluation, Instant now) {
    Map<String, Group> groups = new LinkedHashMap<>();
    List<Plan.Note> notes = new ArrayList<>();
    for (Finding finding : evaluation.withStatus(Status.FAIL)) {
      RuleMetadata rule = evaluation.rule(finding.ruleId());
      if (rule.remediationId().isEmpty()) {
        notes.add(note(finding, Plan.Note.Kind.MANUAL, rule.remediation() + " Not automated: "
            + rule.remediationNone().orElse("no remediation is registered for this rule.")));
        continue;
      }
      if (!RuleSelection.remediationAllowed(config, rule)) {
        notes.add(note(finding, Plan.Note.Kind.NOT_ALLOWED, rule.remediationId().get()
            + " is not in config.yaml remediation.allow"));
        continue;
      }
      Remediation remediation = remediations.apply(rule.remediationId().get()).orElseThrow(() -> new IllegalStateException(
          "rule " + rule.id() + " names remediation " + rule.remediationId().get() + ", which does not exist"));
      for (Proposal proposal : remediation.propose(finding, snapshot, context)) {
        switch (proposal) {
          case Proposal.Manual manual -> notes.add(note(finding, Plan.Note.Kind.MANUAL, manual.reason()));
          case Proposal.Fix fix -> groups.computeIfAbsent(fix.facet().id() + " " + fix.target().key(),
              k -> new Group(fix.facet(), fix.target())).add(fix, remediation, finding);
        }
      }
    }
    List<Plan.Change> changes = new ArrayList<>();
    List<Group> ordered = groups.values().stream()
        .sorted(Comparator.comparingInt((Group g) -> g.facet.order()).thenComparing(g -> g.target.resource())
            .thenComparing(g -> g.target.name()).thenComparing(g -> g.facet.id()))
        .toList();
    for (Group group : ordered) {
      JsonNode before = group.facet.read(snapshot, group.target);
      JsonNode after = before;
      for (Proposal.Fix fix : group.fixes) {
        after = fix.edit().apply(after);
      }
      if (after.equals(before)) {
        continue;
      }
      var problem = group.facet.problem(after);
      if (problem.isPresent()) {
        group.findings.forEach(f -> notes.add(note(f, Plan.Note.Kind.REFUSED, problem.get())));
        continue;
      }
      changes.add(change(group, before, after, changes, evaluation));
    }
    notes.sort(Comparator.comparing(Plan.Note::ruleId).thenComparing(Plan.Note::resource).thenComparing(Plan.Note::reason));
    Plan draft = new Plan(Plan.FORMAT_VERSION, "", now, evaluation.toolVersion(), snapshot.scope().managementAccountId(),
        snapshot.organizationId(), changes, notes.stream().distinct().toList());
    return PlanIo.sealed(draft);
  }

  private static Plan.Change change(Group group, JsonNode before, JsonNode after, List<Plan.Change> earlier,
      Evaluation evaluation) {
    Set<String> required = new TreeSet<>();
    group.fixes.forEach(fix -> fix.requires().forEach(t -> required.add(t.key())));
    // A change waits for the changes of the targets it requires, and for the creation of its own target.
    List<String> dependsOn = earlier.stream()
        .filter(c -> required.contains(c.target().key())
            || (c.target().key().equals(group.target.key()) && c.before().isNull()))
        .map(Plan.Change::id).toList();
    Set<String> iamActions = new TreeSet<>();
    var calls = group.facet.calls(before, after);
    calls.forEach(c -> iamActions.add(c.iamAction()));
    return new Plan.Change(changeId(group.facet, group.target), group.facet.id(), group.target,
        List.copyOf(group.remediations), List.copyOf(group.rules), List.copyOf(group.fingerprints),
        group.findings.stream().filter(f -> evaluation.baselineState(f).orElse(null) == Baseline.State.NEW)
            .map(Finding::fingerprint).distinct().toList(),
        List.copyOf(group.summaries), calls, List.copyOf(iamActions), before, after, dependsOn);
  }

  /** Stable across plans: the same facet of the same target always has the same id. */
  static String changeId(Facet facet, Target target) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest((facet.id() + "\n" + target.key()).getBytes(StandardCharsets.UTF_8));
      return facet.id() + "-" + HexFormat.of().formatHex(digest, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always present in the JDK", e);
    }
  }

  private static Plan.Note note(Finding finding, Plan.Note.Kind kind, String reason) {
    return new Plan.Note(finding.ruleId(), finding.resource(), kind, reason.strip());
  }

  /** The fixes of one facet of one target, with the rules and findings they come from. */
  private static final class Group {
    final Facet facet;
    final Target target;
    final List<Proposal.Fix> fixes = new ArrayList<>();
    final Set<String> remediations = new LinkedHashSet<>();
    final Set<String> rules = new LinkedHashSet<>();
    final Set<String> fingerprints = new LinkedHashSet<>();
    final Set<String> summaries = new LinkedHashSet<>();
    final List<Finding> findings = new ArrayList<>();

    Group(Facet facet, Target target) {
      this.facet = facet;
      this.target = target;
    }

    void add(Proposal.Fix fix, Remediation remediation, Finding finding) {
      fixes.add(fix);
      remediations.add(remediation.id());
      rules.add(finding.ruleId());
      fingerprints.add(finding.fingerprint());
      summaries.add(fix.summary());
      findings.add(finding);
    }
  }
}
