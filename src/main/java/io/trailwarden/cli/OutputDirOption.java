package io.trailwarden.cli;

import io.trailwarden.config.Config;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** --output-dir for the verbs that write a snapshot and files but no reports (remediate plan and apply). */
final class OutputDirOption {
  @Option(names = "--output-dir", paramLabel = "DIR",
      description = "Where the snapshot (and the plan) are written (default: config.yaml report.outputDir).")
  Path dir;

  Path resolve(Config config) {
    return dir != null ? dir : Path.of(config.report().outputDir());
  }
}
