package io.trailwarden.cli;

import io.trailwarden.config.Config;
import io.trailwarden.policy.Severity;
import io.trailwarden.report.ReportFormat;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** Report and gate options; each overrides config.yaml's {@code report} section when given. */
final class ReportOptions {
  @Option(names = "--format", split = ",", paramLabel = "FORMAT",
      description = "Report files to write: ${COMPLETION-CANDIDATES} (default: sarif, junit, json, markdown, or config.yaml report.formats).")
  List<ReportFormat> formats;

  @Option(names = "--output-dir", paramLabel = "DIR", description = "Directory for report files (default: reports).")
  Path outputDir;

  @Option(names = "--fail-on", paramLabel = "SEVERITY",
      description = "Exit 1 when a failure is at or above this severity: ${COMPLETION-CANDIDATES} (default: low).")
  Severity failOn;

  @Option(names = "--allow-partial", description = "Do not exit 3 when evidence is missing (UNKNOWN findings).")
  Boolean allowPartial;

  Config.Report over(Config.Report fromConfig) {
    return new Config.Report(
        formats != null ? formats : fromConfig.formats(),
        outputDir != null ? outputDir.toString() : fromConfig.outputDir(),
        failOn != null ? failOn : fromConfig.failOn(),
        allowPartial != null ? allowPartial : fromConfig.allowPartial());
  }
}
