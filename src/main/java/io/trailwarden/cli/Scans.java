package io.trailwarden.cli;

import io.trailwarden.aws.ClientFactory;
import io.trailwarden.aws.Connector;
import io.trailwarden.config.Config;
import io.trailwarden.config.OrganizationSettings;
import io.trailwarden.finding.Evaluation;
import io.trailwarden.logs.LogSources;
import io.trailwarden.logs.LogVerification;
import io.trailwarden.logs.keys.PublicKeySource;
import io.trailwarden.scan.Pipeline;
import io.trailwarden.snapshot.Snapshot;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The scan every scanning verb runs (scan, demo): collect into the output directory, evaluate, report, exit code. */
final class Scans {
  static final String SNAPSHOT_FILE = "snapshot.json";

  private Scans() {}

  /** What a scan saw and judged, and the exit code it earns. */
  record Scanned(Snapshot snapshot, Evaluation evaluation, int exitCode) {}

  /** @param category the verb's SARIF category, unless config.yaml or --sarif-category names one */
  static Scanned scan(Pipeline pipeline, Connector aws, OrganizationSettings organization, ReportOptions options,
      Config.Report report, String category, PrintWriter err) throws IOException {
    return scan(pipeline, aws, organization, options, report, category, err, Optional.empty());
  }

  /** What --verify-logs adds to a scan: the window, and the public keys when ListPublicKeys is not to be called. */
  record LogCheck(LogVerification.Request request, Optional<PublicKeySource> keys) {}

  /** A scan that also verifies the delivered logs when {@code logs} is given. */
  static Scanned scan(Pipeline pipeline, Connector aws, OrganizationSettings organization, ReportOptions options,
      Config.Report report, String category, PrintWriter err, Optional<LogCheck> logs) throws IOException {
    Path output = Path.of(report.outputDir()).resolve(SNAPSHOT_FILE);
    Snapshot snapshot = pipeline.collect(aws, organization, output);
    if (logs.isPresent()) {
      snapshot = verifyLogs(pipeline, aws, snapshot, logs.get().request(), logs.get().keys(), output);
    }
    Evaluation evaluation = options.compared(pipeline.evaluate(snapshot));
    pipeline.report(evaluation, report, category, options.all);
    return new Scanned(snapshot, evaluation, Outcome.exitCode(evaluation, report, err));
  }

  /** Verifies the logs of a collected snapshot against the bucket, with ListPublicKeys unless keys are given. */
  static Snapshot verifyLogs(Pipeline pipeline, Connector aws, Snapshot snapshot, LogVerification.Request request,
      Optional<PublicKeySource> keys, Path output) throws IOException {
    try (ClientFactory clients = aws.connect(List.of())) {
      clients.managementAccount(snapshot.scope().managementAccountId());
      String source = LogVerification.organizationTrail(snapshot).map(t -> "s3://" + t.s3BucketName()).orElse("s3");
      return pipeline.verifyLogs(snapshot, request, LogSources.s3(clients, snapshot),
          keys.orElseGet(() -> LogSources.cloudTrail(clients, snapshot)), source, output);
    }
  }
}
