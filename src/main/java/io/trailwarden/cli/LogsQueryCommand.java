package io.trailwarden.cli;

import io.trailwarden.InvalidInputException;
import io.trailwarden.aws.ClientFactory;
import io.trailwarden.aws.Connector;
import io.trailwarden.config.ConfigLoader;
import io.trailwarden.investigate.AthenaEngine;
import io.trailwarden.investigate.AthenaTable;
import io.trailwarden.investigate.DuckDbEngine;
import io.trailwarden.investigate.Engine;
import io.trailwarden.investigate.Investigation;
import io.trailwarden.investigate.Investigations;
import io.trailwarden.investigate.LogQuery;
import io.trailwarden.investigate.LogSource;
import io.trailwarden.investigate.ResultFormat;
import io.trailwarden.logs.LogSources;
import io.trailwarden.logs.LogVerification;
import io.trailwarden.logs.LogVerifier;
import io.trailwarden.logs.fetch.LockerManifest;
import io.trailwarden.logs.keys.SavedPublicKeys;
import io.trailwarden.logs.store.Locker;
import io.trailwarden.logs.store.LockerStore;
import io.trailwarden.scan.Pipeline;
import io.trailwarden.snapshot.Snapshot;
import io.trailwarden.snapshot.SnapshotIo;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code logs query ID|--sql FILE}: a saved investigation over the organization's delivered logs, on the embedded engine
 * or on Amazon Athena.
 */
@Command(name = "query", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Run a saved investigation (logs list) or your own SQL over the organization trail's log files of a window: "
        + "listed per account x region x day, downloaded in parallel into a cache keyed by ETag (or read from an evidence "
        + "locker with --source), and queried on the embedded DuckDB engine as the table events; or, with --engine athena, "
        + "on Amazon Athena over the table logs athena-ddl defines.")
final class LogsQueryCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin ConfigOption config;
  @Mixin AwsOptions aws;
  @Mixin WindowOptions window;

  static final class Which {
    @Parameters(index = "0", paramLabel = "ID", description = "A saved investigation's id (logs list).")
    String id;

    @Option(names = "--sql", paramLabel = "FILE", description = "An investigation file of your own, in the same format.")
    Path sql;
  }

  @ArgGroup(exclusive = true, multiplicity = "1") Which which;

  @Option(names = "--param", paramLabel = "NAME=VALUE", description = "A parameter of the investigation (logs show ID lists them).")
  Map<String, String> params = new LinkedHashMap<>();

  @Option(names = "--source", paramLabel = "DIR", description = "Read an evidence locker that logs fetch wrote, offline, instead of S3.")
  Path source;

  @Option(names = "--snapshot", paramLabel = "FILE", description = "Use this snapshot for the trail and accounts instead of "
      + "collecting one (with --source: instead of the locker's).")
  Path snapshotFile;

  @Option(names = "--cache", paramLabel = "DIR", description = "The download cache (default: $XDG_CACHE_HOME/trailwarden/logs, "
      + "else ~/.cache/trailwarden/logs).")
  Path cache;

  @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "duckdb",
      description = "duckdb (embedded, the default) or athena (config.yaml athena: workgroup, database, table, outputLocation).")
  Engine engine;

  @Option(names = "--verified-only", description = "Read only the log files whose signed digest chain verifies, as logs verify "
      + "proves them (from S3 with ListPublicKeys; with --source, the locker's public keys); the others are left out, and "
      + "counted and named on standard error.")
  boolean verifiedOnly;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
      description = "table, csv or json (default: table).")
  ResultFormat format;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Investigation investigation = which.sql != null ? Investigations.file(which.sql) : Investigations.get(which.id, engine);
    LogQuery.checkParams(investigation, params);
    ConfigLoader.Loaded loaded = config.load();
    var organization = loaded.config().organization();
    Instant now = Instant.now();
    if (engine == Engine.ATHENA) {
      if (source != null || cache != null || verifiedOnly) {
        throw new InvalidInputException((source != null ? "--source" : cache != null ? "--cache" : "--verified-only")
            + " is for the embedded engine: Athena reads the log bucket itself, every file of the window");
      }
      Connector connector = aws.connector(organization, System.getenv());
      Snapshot snapshot = snapshotFile != null ? new SnapshotIo().read(snapshotFile) : collect(connector, organization, err);
      var request = request(investigation, now, organization.concurrency(), Optional.empty());
      return athena(investigation, connector, loaded.config().athena(), organization.homeRegion(), snapshot,
          target(snapshot, request), request, out, err);
    }
    if (source != null) {
      if (!Files.isDirectory(source)) {
        throw new InvalidInputException("--source " + source + ": no such directory");
      }
      Snapshot snapshot = new SnapshotIo().read(snapshotFile != null ? snapshotFile : Locker.file(source, Locker.SNAPSHOT_FILE));
      Optional<LockerManifest> manifest = LockerManifest.read(source);
      var request = request(investigation, now, organization.concurrency(), manifest.map(LockerManifest::to));
      LogVerifier.Target target = target(snapshot, request);
      Optional<Set<String>> proven = Optional.empty();
      if (verifiedOnly) {
        LockerStore store = new LockerStore(source);
        proven = Optional.of(LogVerification.prove(snapshot, verification(request, now), bucket -> store,
            SavedPublicKeys.read(List.of(Locker.file(source, Locker.PUBLIC_KEYS_FOLDER))), source.toString(), now).logFiles());
      }
      return run(investigation, LogSource.locker(source, organization.concurrency()), target, snapshot, request, proven, out, err);
    }
    Connector connector = aws.connector(organization, System.getenv());
    Snapshot snapshot = snapshotFile != null ? new SnapshotIo().read(snapshotFile) : collect(connector, organization, err);
    var request = request(investigation, now, organization.concurrency(), Optional.empty());
    LogVerifier.Target target = target(snapshot, request);
    try (ClientFactory clients = connector.connect(List.of())) {
      Optional<Set<String>> proven = Optional.empty();
      if (verifiedOnly) {
        clients.managementAccount(snapshot.scope().managementAccountId());
        proven = Optional.of(LogVerification.prove(snapshot, verification(request, now), LogSources.s3(clients, snapshot),
            LogSources.cloudTrail(clients, snapshot), "s3://" + target.bucket(), now).logFiles());
      }
      LogSources.BucketReader reader = LogSources.reader(clients, snapshot, target.bucket());
      Path dir = cache != null ? cache : LogSource.defaultCache(System.getenv());
      return run(investigation, LogSource.s3(reader.s3(), reader.account(), target.bucket(), dir, organization.concurrency()),
          target, snapshot, request, proven, out, err);
    }
  }

  /**
   * The verification --verified-only needs: the window's digests up to an hour past its end (the files
   * it reads may be delivered that late), never past now. A file no verified digest lists is excluded.
   */
  private static LogVerification.Request verification(LogVerification.Request query, Instant now) {
    Instant end = query.to().plus(Duration.ofHours(1));
    return new LogVerification.Request(query.from(), end.isAfter(now) && now.isAfter(query.from()) ? now : end, query.accounts(),
        query.regions(), query.concurrency());
  }

  /** The window: --from/--to, else the investigation's own window ending now (or at a locker's end). */
  private LogVerification.Request request(Investigation investigation, Instant now, int concurrency, Optional<Instant> end) {
    Instant to = window.to != null ? WindowOptions.time(window.to, now, "--to") : end.orElse(now);
    return window.request(now, concurrency, Optional.of(to.minus(investigation.window())), Optional.of(to));
  }

  private static LogVerifier.Target target(Snapshot snapshot, LogVerification.Request request) {
    try {
      return LogVerification.target(snapshot, request);
    } catch (RuntimeException e) {
      if (e instanceof InvalidInputException) {
        throw e;
      }
      throw new InvalidInputException("cannot tell where the logs are: " + e.getMessage());
    }
  }

  private static Snapshot collect(Connector connector, io.trailwarden.config.OrganizationSettings organization, PrintWriter err)
      throws Exception {
    Path file = Files.createTempFile("trailwarden-query-", ".json");
    try {
      return Pipeline.collect(connector, organization, file, err);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private int run(Investigation investigation, LogSource logSource, LogVerifier.Target target, Snapshot snapshot,
      LogVerification.Request request, Optional<Set<String>> proven, PrintWriter out, PrintWriter err) {
    Instant start = Instant.now();
    try (LogQuery query = LogQuery.load(logSource, target, LogQuery.context(snapshot, target), request.from(), request.to(),
        proven)) {
      DuckDbEngine.Result result = query.run(investigation, params);
      out.print(format.render(result));
      out.flush();
      if (proven.isPresent()) {
        // Always said, terminal or not: the rows are of the verified files only.
        err.printf("--verified-only: read %d log file%s whose digest chain verifies; %d unverified excluded%s%n",
            query.files().size(), plural(query.files().size()), query.excluded().size(), query.excluded().isEmpty() ? ""
                : ": " + String.join(", ", query.excluded().stream().limit(5).map(io.trailwarden.investigate.LogFile::shown).toList())
                + (query.excluded().size() > 5 ? ", ..." : ""));
        err.flush();
      }
      if (System.console() != null) {
        LogSource.Fetched fetched = query.fetched();
        err.printf("%s: %d log file%s in %d day folder%s (%d downloaded, %.1f MB; %d from the cache), %d event%s from %s to %s, "
            + "%d row%s in %.1f s%n", investigation.id(), fetched.files().size(), plural(fetched.files().size()), fetched.folders(),
            plural(fetched.folders()), fetched.downloaded(), fetched.bytesDownloaded() / 1e6, fetched.cached(), query.events(),
            plural(query.events()), request.from(), request.to(), result.rows().size(), plural(result.rows().size()),
            Duration.between(start, Instant.now()).toMillis() / 1000.0);
      }
    }
    return ExitCode.OK.code();
  }

  private int athena(Investigation investigation, Connector connector, io.trailwarden.config.Config.Athena settings,
      String homeRegion, Snapshot snapshot, LogVerifier.Target target, LogVerification.Request request, PrintWriter out,
      PrintWriter err) {
    Instant start = Instant.now();
    try (ClientFactory clients = connector.connect(List.of())) {
      String management = snapshot.scope().managementAccountId();
      clients.managementAccount(management);
      AthenaEngine athena = new AthenaEngine(clients.athena(settings.accountId().orElse(management),
          settings.region().orElse(homeRegion)), settings(settings));
      AthenaEngine.Run run = athena.run(investigation, params, LogQuery.context(snapshot, target), target, request.from(),
          request.to());
      out.print(format.render(run.result()));
      out.flush();
      if (System.console() != null) {
        err.printf("%s: Athena query %s, %.1f MB scanned, from %s to %s, %d row%s in %.1f s%n", investigation.id(),
            run.queryExecutionId(), run.bytesScanned() / 1e6, request.from(), request.to(), run.result().rows().size(),
            plural(run.result().rows().size()), Duration.between(start, Instant.now()).toMillis() / 1000.0);
      }
    }
    return ExitCode.OK.code();
  }

  static AthenaEngine.Settings settings(io.trailwarden.config.Config.Athena athena) {
    return new AthenaEngine.Settings(athena.workgroup(), new AthenaTable.Name(athena.database(), athena.table()),
        athena.outputLocation());
  }

  private static String plural(long n) {
    return n == 1 ? "" : "s";
  }
}
