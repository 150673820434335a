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
import io.trailwarden.InputFiles;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

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
    List<RuleMetadata> selected = RuleSelection.select(config, catalogue());
    List<RuleResult> results = engine.evaluate(out -> new SnapshotIo().writeJson(snapshot, out), params(selected, config),
        ids(selected));
    return assemble(snapshot, config, selected, results);
  }

  /**
   * Evaluates the snapshot in {@code file}: OPA is given the file's text at once and evaluates while
   * the snapshot is checked against its schema and bound here (a large snapshot's check takes seconds
   * that OPA need not wait for), and then by {@code check}. When either throws, OPA is stopped and its
   * answer never used. The rules see what the file says, which for a snapshot that {@code collect} or
   * {@code scan} wrote is the canonical text they would otherwise be given.
   */
  public Evaluation evaluate(Path file, ConfigLoader.Loaded config, Consumer<Snapshot> check) {
    String text = InputFiles.read(file, "snapshot");
    List<RuleMetadata> selected = RuleSelection.select(config, catalogue());
    Map<String, JsonNode> params = params(selected, config);
    CompletableFuture<Void> abandoned = new CompletableFuture<>();
    CompletableFuture<List<RuleResult>> results = CompletableFuture.supplyAsync(
        () -> engine.evaluate(out -> out.write(text), params, ids(selected), abandoned),
        task -> Thread.ofPlatform().name("opa-eval").daemon().start(task));
    Snapshot snapshot;
    try {
      snapshot = new SnapshotIo().parse(text, file.toString());
      check.accept(snapshot);
    } catch (RuntimeException e) {
      abandoned.complete(null);
      results.handle((r, x) -> null).join(); // OPA stopped and its parameters file deleted before the error is told
      throw e;
    }
    try {
      return assemble(snapshot, config, selected, results.join());
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }

  private Evaluation assemble(Snapshot snapshot, ConfigLoader.Loaded config, List<RuleMetadata> selected, List<RuleResult> results) {
    Catalogue catalogue = catalogue();
    FindingAssembler assembler = new FindingAssembler(id -> catalogue.find(id).orElseThrow(),
        config.config().waivers(), snapshot.collectedAt().atZone(ZoneOffset.UTC).toLocalDate());
    var findings = assembler.assemble(results);
    return new Evaluation(toolVersion, snapshot.collectedAt(), snapshot.scope().managementAccountId(),
        snapshot.organizationId(), selected, findings, snapshot.errors(), assembler.expiredWaivers(), snapshot.unaccountedAccounts(),
        java.util.Optional.empty(), Frameworks.none(), java.util.Optional.empty())
        .within(frameworks(), snapshot.organization());
  }

  private static Map<String, JsonNode> params(List<RuleMetadata> selected, ConfigLoader.Loaded config) {
    Map<String, JsonNode> params = new TreeMap<>();
    selected.forEach(rule -> params.put(rule.id(), params(rule, config.config())));
    return params;
  }

  private static List<String> ids(List<RuleMetadata> selected) {
    return selected.stream().map(RuleMetadata::id).toList();
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
