package io.trailwarden.cli;

import io.trailwarden.config.ConfigLoader;
import io.trailwarden.policy.InspectionCache;
import io.trailwarden.policy.Opa;
import io.trailwarden.policy.PolicyEngine;
import io.trailwarden.policy.RulesDirectory;
import java.io.PrintWriter;
import java.nio.file.Path;
import io.trailwarden.scan.Pipeline;
import java.util.Optional;
import picocli.CommandLine.Option;

/** --rules: where the Rego rules are; the copy in the jar by default. */
final class RulesOption {
  @Option(names = "--rules", paramLabel = "DIR",
      description = "Rules directory (default: $TRAILWARDEN_RULES, else the rules built into TrailWarden).")
  Path dir;

  RulesDirectory resolve() {
    return RulesDirectory.resolve(Optional.ofNullable(dir), System.getenv());
  }

  PolicyEngine engine(RulesDirectory rules, PrintWriter err) {
    return new PolicyEngine(Opa.locate(System.getenv(), err), rules, Optional.of(InspectionCache.standard(System.getenv())));
  }

  /** The pipeline on these rules; checks the rules and the config first. */
  Pipeline pipeline(RulesDirectory rules, ConfigLoader.Loaded config, PrintWriter out, PrintWriter err) {
    return new Pipeline(engine(rules, err), Version.current(), config, out, err);
  }
}
