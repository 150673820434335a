package io.trailwarden.cli;

import io.trailwarden.aws.ClientFactory;
import io.trailwarden.aws.Connector;
import io.trailwarden.config.ConfigLoader;
import io.trailwarden.logs.LogSources;
import io.trailwarden.logs.LogVerification;
import io.trailwarden.logs.LogVerifier;
import io.trailwarden.logs.fetch.LogFetcher;
import io.trailwarden.logs.keys.PublicKeySource;
import io.trailwarden.logs.keys.SavedPublicKeys;
import io.trailwarden.logs.store.Locker;
import io.trailwarden.scan.Pipeline;
import io.trailwarden.snapshot.Snapshot;
import io.trailwarden.snapshot.SnapshotIo;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code logs fetch DIR}: an evidence locker that {@code logs verify --source DIR} verifies offline, years later. */
@Command(name = "fetch", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Copy the window's digests and the log files they list into DIR in the bucket's own key layout, with each "
        + "digest's S3 metadata (its signature) in a sidecar file, the ListPublicKeys answers and the snapshot: parallel, "
        + "resumable, ETag-checked, never a half-written file.")
final class LogsFetchCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin ConfigOption config;
  @Mixin AwsOptions aws;
  @Mixin WindowOptions window;

  @Parameters(index = "0", paramLabel = "DIR", description = "The evidence locker (created if missing; a second run resumes).")
  Path dir;

  @Option(names = "--public-keys", paramLabel = "FILE", split = ",",
      description = "Saved ListPublicKeys answers to store instead of calling ListPublicKeys.")
  List<Path> publicKeys;

  @Option(names = "--snapshot", paramLabel = "FILE", description = "Use this snapshot instead of collecting one.")
  Path snapshotFile;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ConfigLoader.Loaded loaded = config.load();
    var organization = loaded.config().organization();
    Connector connector = aws.connector(organization, System.getenv());
    Instant now = Instant.now();
    Snapshot snapshot = snapshotFile != null ? new SnapshotIo().read(snapshotFile)
        : Pipeline.collect(connector, organization, Locker.file(dir, Locker.SNAPSHOT_FILE), err);
    LogVerification.Request request = window.request(now, organization.concurrency(), Optional.empty(), Optional.empty());
    LogVerifier.Target target = LogVerification.target(snapshot, request);
    Instant start = Instant.now();
    try (ClientFactory clients = connector.connect(List.of())) {
      clients.managementAccount(snapshot.scope().managementAccountId());
      PublicKeySource keys = publicKeys != null ? SavedPublicKeys.read(publicKeys) : LogSources.cloudTrail(clients, snapshot);
      LogSources.BucketReader reader = LogSources.reader(clients, snapshot, target.bucket());
      LogFetcher.Fetched fetched = new LogFetcher(reader.s3(), reader.account(), organization.concurrency()).fetch(target, request.from(), request.to(), keys, snapshot,
          LogVerification.organizationTrail(snapshot).map(t -> t.arn()), dir, now);
      out.printf("Fetched %d digest%s and %d log file%s of %d account%s x %d region%s into %s (%d copied, %d already there) in %.1f s.%n",
          fetched.digests(), plural(fetched.digests()), fetched.logFiles(), plural(fetched.logFiles()), target.accounts().size(),
          plural(target.accounts().size()), target.regions().size(), plural(target.regions().size()), dir, fetched.copied(),
          fetched.alreadyThere(), Duration.between(start, Instant.now()).toMillis() / 1000.0);
      if (!fetched.notFound().isEmpty()) {
        err.printf("warning: %d file%s named by the digests %s not in the bucket (logs verify --source %s reports them), e.g. %s%n",
            fetched.notFound().size(), plural(fetched.notFound().size()), fetched.notFound().size() == 1 ? "is" : "are", dir,
            fetched.notFound().get(0));
      }
      out.println("Verify it, offline: trailwarden logs verify --source " + dir);
    }
    return ExitCode.OK.code();
  }

  private static String plural(long n) {
    return n == 1 ? "" : "s";
  }
}
