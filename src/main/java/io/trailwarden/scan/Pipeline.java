package io.trailwarden.scan;

import io.trailwarden.aws.ApiCallCounter;
import io.trailwarden.aws.ClientFactory;
import io.trailwarden.aws.Connector;
import io.trailwarden.collect.Progress;
import io.trailwarden.collect.SnapshotCollector;
import io.trailwarden.config.Config;
import io.trailwarden.config.ConfigLoader;
import io.trailwarden.config.OrganizationSettings;
import io.trailwarden.finding.Evaluation;
import io.trailwarden.logs.LogVerification;
import io.trailwarden.logs.keys.PublicKeySource;
import io.trailwarden.logs.store.LogStore;
import io.trailwarden.snapshot.LogIntegrity;
import io.trailwarden.policy.PolicyEngine;
import io.trailwarden.report.ConsoleReporter;
import io.trailwarden.report.ReportWriter;
import io.trailwarden.report.SarifReporter;
import io.trailwarden.snapshot.Snapshot;
import io.trailwarden.snapshot.SnapshotIo;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * The product's one pipeline: collect, evaluate, report. Every verb (scan, collect, evaluate, demo,
 * remediate) calls these steps; none calls another verb. Choosing the exit code is the CLI's job.
 */
public final class Pipeline {
  private final Evaluator evaluator;
  private final ConfigLoader.Loaded config;
  private final PrintWriter out;
  private final PrintWriter err;

  /** Compiles the rules and checks the config against them first, so a broken rule or config costs no AWS call. */
  public Pipeline(PolicyEngine engine, String toolVersion, ConfigLoader.Loaded config, PrintWriter out, PrintWriter err) {
    this.evaluator = new Evaluator(engine, toolVersion);
    this.config = config;
    this.out = out;
    this.err = err;
    evaluator.check(config);
  }

  public ConfigLoader.Loaded config() {
    return config;
  }

  /** The rules' metadata, read once. */
  public io.trailwarden.policy.Catalogue catalogue() {
    return evaluator.catalogue();
  }

  /**
   * Collects a snapshot (read-only AWS calls), writes it to {@code output}, and says on stderr what was
   * read. Needs no rules, so {@code collect} runs without OPA.
   */
  public static Snapshot collect(Connector aws, OrganizationSettings organization, Path output, PrintWriter err)
      throws IOException {
    ApiCallCounter counter = new ApiCallCounter();
    Instant start = Instant.now();
    Snapshot snapshot;
    try (ClientFactory clients = aws.connect(List.of(counter))) {
      snapshot = new SnapshotCollector(clients, organization, Clock.systemUTC(), Progress.forTerminal(err, System.getenv())).collect();
    }
    new SnapshotIo().write(snapshot, output);
    long accounts = snapshot.organization().map(o -> o.accounts().size()).orElse(1);
    int regions = snapshot.scope().regions().size();
    err.printf("Collected %d account%s x %d region%s: %d trail%s, %d bucket%s, %d error%s; %d API calls in %.1f s. Snapshot: %s%n",
        accounts, plural(accounts), regions, plural(regions), snapshot.trails().size(), plural(snapshot.trails().size()),
        snapshot.buckets().size(), plural(snapshot.buckets().size()), snapshot.errors().size(), plural(snapshot.errors().size()),
        counter.calls(), Duration.between(start, Instant.now()).toMillis() / 1000.0, output);
    snapshot.errors().forEach(e -> err.printf("  could not read: %s %s in account %s, region %s%s: %s %s%n", e.service(),
        e.operation(), e.accountId(), e.region(), e.resource().map(r -> " (" + r + ")").orElse(""), e.code(), e.message()));
    err.flush();
    return snapshot;
  }

  /**
   * Verifies the organization trail's delivered logs (architecture.md §11), writes the snapshot with
   * its {@code logIntegrity} to {@code output}, and says on stderr what was verified.
   */
  public Snapshot verifyLogs(Snapshot snapshot, LogVerification.Request request, Function<String, LogStore> stores,
      PublicKeySource keys, String source, Path output) throws IOException {
    return proveLogs(snapshot, request, stores, keys, source, output).snapshot();
  }

  /** As {@link #verifyLogs}, keeping the keys of the log files the chains proved (scan --with-logs --verified-only). */
  public LogVerification.Proven proveLogs(Snapshot snapshot, LogVerification.Request request, Function<String, LogStore> stores,
      PublicKeySource keys, String source, Path output) throws IOException {
    Instant start = Instant.now();
    LogVerification.Proven proven = LogVerification.prove(snapshot, request, stores, keys, source,
        start.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    Snapshot verified = proven.snapshot();
    new SnapshotIo().write(verified, output);
    LogIntegrity integrity = verified.logIntegrity().orElseThrow();
    integrity.error().ifPresent(e -> err.printf("Logs not verified: %s %s%n", e.code(), e.message()));
    if (integrity.error().isEmpty()) {
      List<LogIntegrity.Chain> chains = integrity.chains();
      err.printf("Verified the logs of %s from %s to %s: %d chain%s (account x region), %d digest%s, %d log file%s, %d hour%s "
          + "covered; %d chain%s with problems, %d unreadable; %.1f s. Snapshot: %s%n", source, integrity.from(), integrity.to(),
          chains.size(), plural(chains.size()), sum(chains, c -> c.digests() + c.backfillDigests()),
          plural(sum(chains, c -> c.digests() + c.backfillDigests())), sum(chains, LogIntegrity.Chain::logFiles),
          plural(sum(chains, LogIntegrity.Chain::logFiles)), sum(chains, LogIntegrity.Chain::hoursCovered),
          plural(sum(chains, LogIntegrity.Chain::hoursCovered)),
          chains.stream().filter(c -> c.problemCount() > 0).count(), plural(chains.stream().filter(c -> c.problemCount() > 0).count()),
          chains.stream().filter(c -> c.error().isPresent()).count(), Duration.between(start, Instant.now()).toMillis() / 1000.0, output);
    }
    err.flush();
    return proven;
  }

  private static long sum(List<LogIntegrity.Chain> chains, java.util.function.ToIntFunction<LogIntegrity.Chain> count) {
    return chains.stream().mapToLong(count::applyAsInt).sum();
  }

  /** Offline and deterministic: the same snapshot and rules give the same evaluation. */
  public Evaluation evaluate(Snapshot snapshot) {
    return evaluator.evaluate(snapshot, config);
  }

  /**
   * Evaluates the snapshot in {@code file}, which {@code check} accepts once it is read, while OPA is
   * already at work on it ({@link Evaluator#evaluate(Path, ConfigLoader.Loaded, java.util.function.Consumer)}).
   */
  public Evaluation evaluate(Path file, java.util.function.Consumer<Snapshot> check) {
    return evaluator.evaluate(file, config, check);
  }

  /**
   * Prints the console table, writes the report files, and warns of expired waivers and of a SARIF
   * file that cannot hold every failure.
   *
   * @param verbCategory the SARIF category when config.yaml and the command line name none
   */
  public List<Path> report(Evaluation evaluation, Config.Report report, String verbCategory) throws IOException {
    return report(evaluation, report, verbCategory, false);
  }

  /** @param everyRow the console prints every finding that needs a person, not a summary beyond one screen */
  public List<Path> report(Evaluation evaluation, Config.Report report, String verbCategory, boolean everyRow) throws IOException {
    out.print(new ConsoleReporter(everyRow).render(evaluation));
    List<Path> written = ReportWriter.write(evaluation, report.formats(), Path.of(report.outputDir()),
        report.settings(verbCategory));
    long failures = evaluation.count(io.trailwarden.finding.Status.FAIL);
    if (report.formats().contains(io.trailwarden.report.ReportFormat.SARIF) && failures > SarifReporter.MAX_RESULTS) {
      err.println("warning: GitHub code scanning takes at most " + SarifReporter.MAX_RESULTS + " results: the SARIF file "
          + "keeps the most severe of " + failures + " failures; the JSON report has them all.");
    }
    if (!written.isEmpty()) {
      out.println("Reports: " + String.join(", ", written.stream().map(Path::toString).toList()));
    }
    out.flush();
    evaluation.expiredWaivers().forEach(w -> err.println("warning: the waiver for " + w.rule() + " on " + w.resource()
        + " expired on " + w.expires() + " and no longer waives anything."));
    return written;
  }

  /** Collects as {@link #collect(Connector, OrganizationSettings, Path, PrintWriter)} does, on this pipeline's stderr. */
  public Snapshot collect(Connector aws, OrganizationSettings organization, Path output) throws IOException {
    return collect(aws, organization, output, err);
  }

  private static String plural(long n) {
    return n == 1 ? "" : "s";
  }
}
