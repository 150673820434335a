package io.trailwarden.cli;

import io.trailwarden.config.Config;
import io.trailwarden.finding.Evaluation;
import io.trailwarden.report.JsonReportReader;
import io.trailwarden.policy.Severity;
import io.trailwarden.report.ReportFormat;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** Report and gate options; each overrides config.yaml's {@code report} section when given. */
final class ReportOptions {
  @Option(names = "--format", split = ",", paramLabel = "FORMAT",
      description = "Report files to write: ${COMPLETION-CANDIDATES} (default: sarif, junit, json, markdown, html, or config.yaml report.formats).")
  List<ReportFormat> formats;

  @Option(names = "--output-dir", paramLabel = "DIR", description = "Directory for report files (default: reports).")
  Path outputDir;

  @Option(names = "--fail-on", paramLabel = "SEVERITY",
      description = "Exit 1 when a failure is at or above this severity: ${COMPLETION-CANDIDATES} (default: low).")
  Severity failOn;

  @Option(names = "--allow-partial", description = "Do not exit 3 when evidence is missing (UNKNOWN findings).")
  Boolean allowPartial;

  @Option(names = "--fail-on-new", description = "Exit 1 only for failures the --baseline report did not have.")
  Boolean failOnNew;

  @Option(names = "--sarif-category", paramLabel = "ID",
      description = "SARIF automationDetails category, to keep runs apart in GitHub code scanning (default: trailwarden/<verb>).")
  String sarifCategory;

  @Option(names = "--baseline", paramLabel = "FILE",
      description = "A previous run's JSON report: mark failures new or existing, and list the fixed ones.")
  Path baseline;

  @Option(names = "--all", description = "Print every finding that needs a person in the console table; beyond one screen"
      + " it otherwise shows counts per rule and severity and the most severe rows.")
  boolean all;

  Config.Report over(Config.Report fromConfig) {
    return new Config.Report(
        formats != null ? formats : fromConfig.formats(),
        outputDir != null ? outputDir.toString() : fromConfig.outputDir(),
        failOn != null ? failOn : fromConfig.failOn(),
        allowPartial != null ? allowPartial : fromConfig.allowPartial(),
        failOnNew != null ? failOnNew : fromConfig.failOnNew(),
        sarifCategory != null ? java.util.Optional.of(sarifCategory) : fromConfig.sarifCategory());
  }

  /** The evaluation compared with --baseline, when given. */
  Evaluation compared(Evaluation evaluation) {
    return baseline == null ? evaluation : evaluation.compareWith(JsonReportReader.baseline(baseline));
  }
}
