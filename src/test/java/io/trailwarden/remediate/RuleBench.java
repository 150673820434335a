package io.trailwarden.remediate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwarden.Json;
import io.trailwarden.TestFiles;
import io.trailwarden.config.Config;
import io.trailwarden.config.ConfigLoader;
import io.trailwarden.config.OrganizationSettings;
import io.trailwarden.finding.Evaluation;
import io.trailwarden.finding.Finding;
import io.trailwarden.finding.Status;
import io.trailwarden.policy.Opa;
import io.trailwarden.policy.PolicyEngine;
import io.trailwarden.policy.RulesDirectory;
import io.trailwarden.policy.Severity;
import io.trailwarden.remediate.facet.Documents;
import io.trailwarden.remediate.facet.Facet;
import io.trailwarden.remediate.facet.Target;
import io.trailwarden.remediate.fix.Remediations;
import io.trailwarden.scan.Evaluator;
import io.trailwarden.snapshot.Snapshot;
import io.trailwarden.snapshot.SnapshotIo;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs remediations the way the planner does, on snapshot JSON instead of AWS: evaluate the real rules
 * (OPA), ask the rule's remediation for proposals on each failing finding, apply each Fix's edit to the
 * facet document read from the snapshot, and write the edited document back into the snapshot JSON,
 * so the rules can judge the result. Shared by the fixes' tests of every area.
 */
public final class RuleBench {
  private RuleBench() {}

  public static ObjectNode example() {
    try {
      return (ObjectNode) Json.mapper().readTree(Files.readString(TestFiles.example("misconfigured-org.json")));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  public static Snapshot snapshot(JsonNode tree) {
    return new SnapshotIo().parse(tree.toString(), "test snapshot");
  }

  public static Evaluation evaluate(JsonNode tree) {
    try (RulesDirectory rules = RulesDirectory.resolve(Optional.of(TestFiles.rulesDir()), Map.of())) {
      Evaluator evaluator = new Evaluator(new PolicyEngine(Opa.locate(System.getenv(), new PrintWriter(new StringWriter())),
          rules), "test");
      return evaluator.evaluate(snapshot(tree), new ConfigLoader.Loaded(Config.defaults(), Path.of("config.yaml"), ""));
    }
  }

  public static List<Finding> failing(Evaluation evaluation, String ruleId) {
    return evaluation.findingsOf(ruleId).stream().filter(f -> f.status() == Status.FAIL).toList();
  }

  public static RemediationContext context(Evaluation evaluation, boolean allowRootScp) {
    return new RemediationContext(new Config.Remediation(List.of(Config.Remediation.ALL), allowRootScp, null, null, null, null),
        OrganizationSettings.defaults(), id -> evaluation.rule(id).params());
  }

  /** A failing finding of the rule on the resource, as the evaluation would make it. */
  public static Finding failing(String ruleId, String resource) {
    return new Finding(ruleId, Status.FAIL, Severity.HIGH, resource, "111111111111", "us-east-1", "fails",
        Json.mapper().createObjectNode(), Optional.empty(), Optional.empty(), "fingerprint");
  }

  /** What the remediation proposes for a failing finding of its rule on the resource, in the snapshot JSON. */
  public static List<Proposal> propose(Remediation remediation, ObjectNode tree, String resource, boolean allowRootScp) {
    var evaluation = evaluate(tree);
    return remediation.propose(failing(remediation.ruleId(), resource), snapshot(tree),
        context(evaluation, allowRootScp));
  }

  /** The reason of the one proposal, which must be left to people. */
  public static String reason(List<Proposal> proposals) {
    assertThat(proposals).hasSize(1).first().isInstanceOf(Proposal.Manual.class);
    return ((Proposal.Manual) proposals.get(0)).reason();
  }

  /** Fixes the rule's failures and checks it then passes, with nothing left to propose. */
  public static ObjectNode fixes(ObjectNode tree, String ruleId, boolean allowRootScp) {
    assertThat(failing(evaluate(tree), ruleId)).as("the rule fails before").isNotEmpty();
    List<Proposal> proposals = propose(tree, ruleId, allowRootScp);
    assertThat(proposals).as("proposals").isNotEmpty().allMatch(p -> p instanceof Proposal.Fix);
    for (Proposal proposal : proposals) {
      Proposal.Fix fix = (Proposal.Fix) proposal;
      JsonNode before = fix.facet().read(snapshot(tree), fix.target());
      JsonNode once = fix.edit().apply(before);
      assertThat(fix.edit().apply(once)).as("idempotent: " + fix.summary()).isEqualTo(once);
      assertThat(fix.facet().problem(once)).as("AWS would accept " + fix.summary()).isEmpty();
    }
    ObjectNode fixed = apply(tree, proposals);
    var evaluation = evaluate(fixed);
    assertThat(evaluation.findingsOf(ruleId)).as("findings after the fix").isNotEmpty()
        .allMatch(f -> f.status() == Status.PASS);
    assertThat(propose(fixed, ruleId, allowRootScp)).as("second plan").isEmpty();
    return fixed;
  }

  /** The proposals of the rule's remediation (named in its METADATA) for each failing finding. */
  public static List<Proposal> propose(JsonNode tree, String ruleId, boolean allowRootScp) {
    Evaluation evaluation = evaluate(tree);
    String remediationId = evaluation.rule(ruleId).remediationId().orElseThrow();
    Remediation remediation = Remediations.find(remediationId).orElseThrow();
    Snapshot snapshot = snapshot(tree);
    List<Proposal> proposals = new ArrayList<>();
    for (Finding finding : failing(evaluation, ruleId)) {
      proposals.addAll(remediation.propose(finding, snapshot, context(evaluation, allowRootScp)));
    }
    return proposals;
  }

  /** Applies every Fix (folding edits of the same facet, as the planner does) and returns the new snapshot JSON. */
  public static ObjectNode apply(ObjectNode tree, List<Proposal> proposals) {
    ObjectNode current = tree.deepCopy();
    for (Proposal proposal : proposals) {
      if (proposal instanceof Proposal.Fix fix) {
        JsonNode before = fix.facet().read(snapshot(current), fix.target());
        JsonNode after = fix.edit().apply(before);
        current = patch(current, fix.facet(), fix.target(), after);
      }
    }
    return current;
  }

  /** Writes a facet document into the snapshot JSON, where the collectors would have put it. */
  public static ObjectNode patch(ObjectNode tree, Facet facet, Target target, JsonNode doc) {
    ObjectNode copy = tree.deepCopy();
    switch (facet.id()) {
      case "trail-settings" -> doc.fields().forEachRemaining(e -> trail(copy, target).set(e.getKey(), e.getValue()));
      case "trail-logging" -> ((ObjectNode) trail(copy, target).path("status")).set("isLogging", doc.path("isLogging"));
      case "trail-event-selectors" -> {
        trail(copy, target).set("eventSelectors", doc.path("eventSelectors"));
        trail(copy, target).set("advancedEventSelectors", doc.path("advancedEventSelectors"));
      }
      case "kms-key-rotation" -> ((ObjectNode) copy.path("kmsKeys").path(target.resource()))
          .set("rotationEnabled", doc.path("rotationEnabled"));
      case "log-group-retention" -> ((ObjectNode) copy.path("logGroups").path(target.resource()))
          .set("retentionInDays", doc.path("retentionInDays"));
      case "organization-service-access" -> {
        ArrayNode access = (ArrayNode) copy.path("organization").path("serviceAccess");
        if (doc.path("enabled").asBoolean()) {
          access.add(target.name());
        }
      }
      case "scp" -> {
        ArrayNode scps = (ArrayNode) copy.path("scps");
        for (int i = scps.size() - 1; i >= 0; i--) {
          if (scps.get(i).path("name").asText().equals(target.name())) {
            scps.remove(i);
          }
        }
        if (!Documents.absent(doc)) {
          scps.addObject().put("id", "p-trailwarden" + scps.size()).put("name", doc.path("name").asText())
              .put("awsManaged", false).<ObjectNode>set("document", doc.path("content"))
              .set("targets", doc.path("targets"));
        }
      }
      default -> throw new IllegalArgumentException("no patch for facet " + facet.id());
    }
    return copy;
  }

  public static ObjectNode trail(ObjectNode tree, Target target) {
    for (JsonNode t : tree.path("trails")) {
      if (t.path("arn").asText().equals(target.resource())) {
        return (ObjectNode) t;
      }
    }
    throw new IllegalArgumentException("no trail " + target.resource());
  }

  public static ObjectNode orgTrail(ObjectNode tree) {
    return (ObjectNode) tree.path("trails").get(0);
  }
}
