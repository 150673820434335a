package io.trailwarden.scan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwarden.config.Config;
import io.trailwarden.config.ConfigLoader;
import io.trailwarden.config.RuleSelection;
import io.trailwarden.finding.Evaluation;
import io.trailwarden.finding.FindingAssembler;
import io.trailwarden.policy.Catalogue;
import io.trailwarden.policy.Frameworks;
import io.trailwarden.policy.PolicyEngine;
import io.trailwarden.policy.RuleMetadata;
import io.trailwarden.policy.RuleResult;
import io.trailwarden.snapshot.Snapshot;
import io.trailwarden.snapshot.SnapshotIo;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Snapshot in, evaluation out: selects rules, fills their parameters, runs OPA, applies waivers. */
public final class Evaluator {
  private final PolicyEngine engine;
  private final String toolVersion;
  private Catalogue catalogue;
  private Frameworks frameworks;

  public Evaluator(PolicyEngine engine, String toolVersion) {
    this.engine = engine;
    this.toolVersion = toolVersion;
  }

  /** Compiles the rules and checks the config against them, before anything slow happens. */
  public void check(ConfigLoader.Loaded config) {
    RuleSelection.select(config, catalogue());
    frameworks();
  }

  public Catalogue catalogue() {
    if (catalogue == null) {
      catalogue = engine.catalogue();
    }
    return catalogue;
  }

  /** The frameworks file of the rules, read once; a broken file is an input error before any AWS call. */
  public Frameworks frameworks() {
    if (frameworks == null) {
      frameworks = engine.frameworks();
    }
    return frameworks;
  }

  public Evaluation evaluate(Snapshot snapshot, ConfigLoader.Loaded config) {
    Catalogue catalogue = catalogue();
    List<RuleMetadata> selected = RuleSelection.select(config, catalogue);
    Map<String, JsonNode> params = new TreeMap<>();
    selected.forEach(rule -> params.put(rule.id(), params(rule, config.config())));
    List<RuleResult> results = engine.evaluate(out -> new SnapshotIo().writeJson(snapshot, out), params,
        selected.stream().map(RuleMetadata::id).toList());
    FindingAssembler assembler = new FindingAssembler(id -> catalogue.find(id).orElseThrow(),
        config.config().waivers(), snapshot.collectedAt().atZone(ZoneOffset.UTC).toLocalDate());
    var findings = assembler.assemble(results);
    return new Evaluation(toolVersion, snapshot.collectedAt(), snapshot.scope().managementAccountId(),
        snapshot.organizationId(), selected, findings, snapshot.errors(), assembler.expiredWaivers(), snapshot.unaccountedAccounts(),
        java.util.Optional.empty(), Frameworks.none(), java.util.Optional.empty())
        .within(frameworks(), snapshot.organization());
  }

  /** The rule's METADATA defaults, overridden key by key by config.yaml. */
  public static JsonNode params(RuleMetadata rule, Config config) {
    ObjectNode merged = rule.params().isObject() ? ((ObjectNode) rule.params()).deepCopy()
        : io.trailwarden.Json.mapper().createObjectNode();
    config.rules().paramsOf(rule.id()).filter(JsonNode::isObject)
        .ifPresent(overrides -> merged.setAll((ObjectNode) overrides));
    return merged;
  }
}
