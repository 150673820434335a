package io.trailwarden.finding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.trailwarden.Json;
import io.trailwarden.policy.RuleMetadata;
import io.trailwarden.policy.RuleResult;
import io.trailwarden.policy.Severity;
import io.trailwarden.policy.Verdict;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns what the rules said into one finding per (rule, resource): FAIL when any deny names it,
 * else UNKNOWN when any unknown does, else PASS. Then waivers apply, as of the snapshot's day.
 */
public final class FindingAssembler {
  private final Function<String, RuleMetadata> rules;
  private final List<Waiver> waivers;
  private final LocalDate asOf;
  private final Set<Waiver> expiredAndMatching = new LinkedHashSet<>();

  /**
   * @param rules metadata by rule id
   * @param asOf the day waivers are judged on: the snapshot's collection day, not the wall clock
   */
  public FindingAssembler(Function<String, RuleMetadata> rules, List<Waiver> waivers, LocalDate asOf) {
    this.rules = rules;
    this.waivers = List.copyOf(waivers);
    this.asOf = asOf;
  }

  /**
   * The rules are assembled side by side (at 10,000 accounts, about a second of JFR's samples on one
   * core): each rule's findings and expired waivers are its own, merged in the order of {@code results}.
   */
  public List<Finding> assemble(List<RuleResult> results) {
    List<Assembled> assembled = results.parallelStream().map(this::assemble).toList();
    List<Finding> findings = new ArrayList<>();
    for (Assembled rule : assembled) {
      findings.addAll(rule.findings());
      expiredAndMatching.addAll(rule.expiredWaivers());
    }
    findings.sort(Evaluation.ORDER);
    return List.copyOf(findings);
  }

  private record Assembled(List<Finding> findings, Set<Waiver> expiredWaivers) {}

  /** Waivers that would have matched a finding but had expired by the snapshot's day. */
  public List<Waiver> expiredWaivers() {
    return List.copyOf(expiredAndMatching);
  }

  private Assembled assemble(RuleResult result) {
    RuleMetadata rule = rules.apply(result.ruleId());
    Map<String, List<Verdict>> subjects = byResource(result.subjects());
    Map<String, List<Verdict>> denied = byResource(result.deny());
    Map<String, List<Verdict>> unknown = byResource(result.unknown());
    Set<String> resources = new TreeSet<>(subjects.keySet());
    resources.addAll(denied.keySet());
    resources.addAll(unknown.keySet());

    List<Finding> findings = new ArrayList<>();
    Set<Waiver> expired = new LinkedHashSet<>();
    for (String resource : resources) {
      List<Verdict> all = new ArrayList<>(subjects.getOrDefault(resource, List.of()));
      all.addAll(denied.getOrDefault(resource, List.of()));
      all.addAll(unknown.getOrDefault(resource, List.of()));
      if (denied.containsKey(resource)) {
        findings.add(finding(rule, resource, Status.FAIL, denied.get(resource), all, expired));
      } else if (unknown.containsKey(resource)) {
        findings.add(finding(rule, resource, Status.UNKNOWN, unknown.get(resource), all, expired));
      } else {
        findings.add(finding(rule, resource, Status.PASS, List.of(), all, expired));
      }
    }
    return new Assembled(findings, expired);
  }

  private Finding finding(RuleMetadata rule, String resource, Status status, List<Verdict> reasons, List<Verdict> all,
      Set<Waiver> expired) {
    Finding finding = new Finding(rule.id(), status, severity(rule, reasons), resource,
        place(all, Verdict::accountId), place(all, Verdict::region), message(rule, reasons), evidence(reasons),
        fix(reasons), Optional.empty(), Finding.fingerprint(rule.id(), resource));
    return status == Status.FAIL || status == Status.UNKNOWN ? waive(finding, expired) : finding;
  }

  // Loops rather than streams: a large organization has hundreds of thousands of findings, most of them
  // PASS with no reason at all.

  private static String message(RuleMetadata rule, List<Verdict> reasons) {
    if (reasons.isEmpty()) {
      return rule.title() + ".";
    }
    Set<String> messages = new LinkedHashSet<>();
    for (Verdict reason : reasons) {
      messages.add(reason.message().orElse(rule.title()));
    }
    return String.join(" ", messages);
  }

  private static Severity severity(RuleMetadata rule, List<Verdict> reasons) {
    Severity severity = null;
    for (Verdict reason : reasons) {
      Severity own = reason.severity().orElse(rule.severity());
      if (severity == null || own.compareTo(severity) < 0) {
        severity = own;
      }
    }
    return severity == null ? rule.severity() : severity;
  }

  private static Optional<String> fix(List<Verdict> reasons) {
    Set<String> fixes = new LinkedHashSet<>();
    for (Verdict reason : reasons) {
      reason.fix().ifPresent(fixes::add);
    }
    return Optional.of(String.join("\n", fixes)).filter(s -> !s.isEmpty());
  }

  /** The finding waived by the first active waiver matching it; expired ones that match go to {@code expired}. */
  private Finding waive(Finding finding, Set<Waiver> expired) {
    for (Waiver waiver : waivers) {
      if (waiver.matches(finding.ruleId(), finding.resource())) {
        if (waiver.activeOn(asOf)) {
          return new Finding(finding.ruleId(), Status.WAIVED, finding.severity(), finding.resource(),
              finding.accountId(), finding.region(), finding.message(), finding.evidence(), finding.fix(),
              Optional.of(waiver), finding.fingerprint());
        }
        expired.add(waiver);
      }
    }
    return finding;
  }

  private static JsonNode evidence(List<Verdict> reasons) {
    if (reasons.isEmpty()) {
      return NullNode.getInstance();
    }
    if (reasons.size() == 1) {
      return reasons.get(0).evidence();
    }
    ArrayNode all = Json.mapper().createArrayNode();
    reasons.forEach(v -> all.add(v.evidence()));
    return all;
  }

  /** The first non-blank account (or region) any verdict gives for the resource. */
  private static String place(List<Verdict> verdicts, Function<Verdict, String> field) {
    for (Verdict verdict : verdicts) {
      String place = field.apply(verdict);
      if (place != null && !place.isBlank()) {
        return place;
      }
    }
    return Finding.UNKNOWN_PLACE;
  }

  private static Map<String, List<Verdict>> byResource(List<Verdict> verdicts) {
    return verdicts.stream().collect(Collectors.groupingBy(Verdict::resource, TreeMap::new, Collectors.toList()));
  }
}
