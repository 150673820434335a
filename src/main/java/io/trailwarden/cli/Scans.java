package io.trailwarden.cli;

import io.trailwarden.aws.Connector;
import io.trailwarden.config.Config;
import io.trailwarden.config.OrganizationSettings;
import io.trailwarden.finding.Evaluation;
import io.trailwarden.scan.Pipeline;
import io.trailwarden.snapshot.Snapshot;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/** The scan every scanning verb runs (scan, demo): collect into the output directory, evaluate, report, exit code. */
final class Scans {
  static final String SNAPSHOT_FILE = "snapshot.json";

  private Scans() {}

  /** What a scan saw and judged, and the exit code it earns. */
  record Scanned(Snapshot snapshot, Evaluation evaluation, int exitCode) {}

  /** @param category the verb's SARIF category, unless config.yaml or --sarif-category names one */
  static Scanned scan(Pipeline pipeline, Connector aws, OrganizationSettings organization, ReportOptions options,
      Config.Report report, String category, PrintWriter err) throws IOException {
    Snapshot snapshot = pipeline.collect(aws, organization, Path.of(report.outputDir()).resolve(SNAPSHOT_FILE));
    Evaluation evaluation = options.compared(pipeline.evaluate(snapshot));
    pipeline.report(evaluation, report, category);
    return new Scanned(snapshot, evaluation, Outcome.exitCode(evaluation, report, err));
  }
}
