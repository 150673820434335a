package io.trailwarden.cli;

import io.trailwarden.aws.ClientFactory;
import io.trailwarden.aws.Connector;
import io.trailwarden.config.Config;
import io.trailwarden.config.OrganizationSettings;
import io.trailwarden.finding.Evaluation;
import io.trailwarden.investigate.LogActivityCheck;
import io.trailwarden.investigate.LogQuery;
import io.trailwarden.investigate.LogSource;
import io.trailwarden.logs.LogSources;
import io.trailwarden.logs.LogVerifier;
import io.trailwarden.snapshot.LogActivity;
import io.trailwarden.snapshot.SnapshotIo;
import io.trailwarden.logs.LogVerification;
import io.trailwarden.logs.keys.PublicKeySource;
import io.trailwarden.scan.Pipeline;
import io.trailwarden.snapshot.Snapshot;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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
    return scan(pipeline, aws, organization, options, report, category, err, logs, Optional.empty());
  }

  /**
   * What --with-logs adds: the window the logs are queried over, whether only the files the digest
   * chains proved are read (then {@code logs} verifies them first), and the download cache.
   */
  record ActivityCheck(Instant from, Instant to, boolean verifiedOnly, Path cache, int concurrency) {}

  /** A scan that also verifies the delivered logs, and queries them for activity (logActivity), when asked. */
  static Scanned scan(Pipeline pipeline, Connector aws, OrganizationSettings organization, ReportOptions options,
      Config.Report report, String category, PrintWriter err, Optional<LogCheck> logs, Optional<ActivityCheck> activity)
      throws IOException {
    Path output = Path.of(report.outputDir()).resolve(SNAPSHOT_FILE);
    Snapshot snapshot = pipeline.collect(aws, organization, output);
    Optional<Set<String>> proven = Optional.empty();
    if (logs.isPresent()) {
      LogVerification.Proven verified;
      Snapshot collected = snapshot;
      try (ClientFactory clients = aws.connect(List.of())) {
        clients.managementAccount(collected.scope().managementAccountId());
        verified = pipeline.proveLogs(collected, logs.get().request(), LogSources.s3(clients, collected),
            logs.get().keys().orElseGet(() -> LogSources.cloudTrail(clients, collected)), source(collected), output);
      }
      snapshot = verified.snapshot();
      proven = Optional.of(verified.logFiles());
    }
    if (activity.isPresent()) {
      snapshot = queryLogs(aws, snapshot, activity.get(), activity.get().verifiedOnly() ? proven : Optional.empty(), output, err);
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
      return pipeline.verifyLogs(snapshot, request, LogSources.s3(clients, snapshot),
          keys.orElseGet(() -> LogSources.cloudTrail(clients, snapshot)), source(snapshot), output);
    }
  }

  private static String source(Snapshot snapshot) {
    return LogVerification.organizationTrail(snapshot).map(t -> "s3://" + t.s3BucketName()).orElse("s3");
  }

  /**
   * Runs the tamper-attempt and root-usage investigations over the window, as logs query does, and
   * writes the snapshot with its logActivity; what stops them (no organization trail, an unreadable
   * bucket or file) becomes the section's error, so the rules say UNKNOWN.
   */
  static Snapshot queryLogs(Connector aws, Snapshot snapshot, ActivityCheck check, Optional<Set<String>> proven, Path output,
      PrintWriter err) throws IOException {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    String source = source(snapshot);
    LogActivity activity;
    try (ClientFactory clients = aws.connect(List.of())) {
      LogVerifier.Target target = LogVerification.target(snapshot, new LogVerification.Request(check.from(), check.to(), List.of(),
          List.of(), check.concurrency()));
      LogSources.BucketReader reader = LogSources.reader(clients, snapshot, target.bucket());
      LogSource logSource = LogSource.s3(reader.s3(), reader.account(), target.bucket(), check.cache(), check.concurrency());
      activity = LogActivityCheck.check(() -> LogQuery.load(logSource, target, LogQuery.context(snapshot, target), check.from(),
          check.to(), proven), target, source, proven.isPresent(), check.from(), check.to(), now);
    } catch (LogVerification.Unverifiable e) {
      activity = LogActivityCheck.failed(source, proven.isPresent(), check.from(), check.to(), now, e.code(), e.getMessage());
    }
    Snapshot queried = snapshot.withLogActivity(activity);
    new SnapshotIo().write(queried, output);
    print(activity, err, output);
    return queried;
  }

  /** One line on stderr: what was read, and what was found. */
  static void print(LogActivity activity, PrintWriter err, Path output) {
    if (activity.error().isPresent()) {
      err.printf("Logs not queried: %s %s%n", activity.error().get().code(), activity.error().get().message());
    } else {
      int attempts = activity.accounts().stream().mapToInt(LogActivity.Account::tamperAttempts).sum();
      int root = activity.accounts().stream().mapToInt(LogActivity.Account::rootCalls).sum();
      err.printf("Queried the logs of %s from %s to %s: %d log file%s, %d event%s%s; %d attempt%s to blind the audit log, "
          + "%d call%s by a root user. Snapshot: %s%n", activity.source(), activity.from(), activity.to(), activity.files(),
          plural(activity.files()), activity.events(), plural(activity.events()), activity.verifiedOnly()
              ? String.format(" (%d unverified log file%s excluded)", activity.excludedFiles(), plural(activity.excludedFiles()))
              : "", attempts, plural(attempts), root, plural(root), output);
    }
    err.flush();
  }

  private static String plural(long n) {
    return n == 1 ? "" : "s";
  }
}
