package io.trailwarden.cli;

import io.trailwarden.aws.Connector;
import io.trailwarden.config.Config;
import io.trailwarden.config.ConfigLoader;
import io.trailwarden.finding.Evaluation;
import io.trailwarden.logs.fetch.LockerManifest;
import io.trailwarden.logs.keys.PublicKeySource;
import io.trailwarden.logs.keys.SavedPublicKeys;
import io.trailwarden.logs.store.Locker;
import io.trailwarden.logs.store.LockerStore;
import io.trailwarden.policy.RulesDirectory;
import io.trailwarden.scan.Pipeline;
import io.trailwarden.snapshot.Snapshot;
import io.trailwarden.snapshot.SnapshotIo;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code logs verify}: the digest chain of every account and region, organization-wide, as findings of one rule. */
@Command(name = "verify", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Verify the organization trail's delivered logs in a window: every account x region's signed digest "
        + "chain and every log file it lists, in parallel, from the bucket or from an evidence locker (--source), and report "
        + "them as the findings of rule " + LogsVerifyCommand.RULE + ".")
final class LogsVerifyCommand implements Callable<Integer> {
  static final String RULE = "cloudtrail_org_trail_log_integrity_verified";
  static final String CATEGORY = "trailwarden/logs-verify";

  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin ConfigOption config;
  @Mixin ReportOptions reportOptions;
  @Mixin RulesOption rulesOption;
  @Mixin AwsOptions aws;
  @Mixin WindowOptions window;

  @Option(names = "--source", paramLabel = "DIR",
      description = "Verify an evidence locker that logs fetch wrote, offline: no AWS access.")
  Path source;

  @Option(names = "--public-keys", paramLabel = "FILE", split = ",",
      description = "Saved ListPublicKeys answers (aws cloudtrail list-public-keys output; files or directories) instead of "
          + "calling ListPublicKeys; default with --source: the locker's.")
  List<Path> publicKeys;

  @Option(names = "--snapshot", paramLabel = "FILE", description = "Use this snapshot for the trail and accounts instead of "
      + "collecting one (with --source: instead of the locker's).")
  Path snapshotFile;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    ConfigLoader.Loaded loaded = onlyTheIntegrityRule(config.load());
    Config.Report report = reportOptions.over(loaded.config().report());
    var organization = loaded.config().organization();
    Path output = Path.of(report.outputDir()).resolve(Scans.SNAPSHOT_FILE);
    Instant now = Instant.now();
    try (RulesDirectory rules = rulesOption.resolve()) {
      Pipeline pipeline = rulesOption.pipeline(rules, loaded, spec.commandLine().getOut(), err);
      Snapshot verified;
      if (source != null) {
        Snapshot snapshot = new SnapshotIo().read(snapshotFile != null ? snapshotFile : Locker.file(source, Locker.SNAPSHOT_FILE));
        Optional<LockerManifest> manifest = LockerManifest.read(source);
        PublicKeySource keys = SavedPublicKeys.read(publicKeys != null ? publicKeys
            : List.of(Locker.file(source, Locker.PUBLIC_KEYS_FOLDER)));
        var request = window.request(now, organization.concurrency(), manifest.map(LockerManifest::from),
            manifest.map(LockerManifest::to));
        LockerStore store = new LockerStore(source);
        verified = pipeline.verifyLogs(snapshot, request, bucket -> store, keys, source.toString(), output);
      } else {
        Connector connector = aws.connector(organization, System.getenv());
        Snapshot snapshot = snapshotFile != null ? new SnapshotIo().read(snapshotFile) : pipeline.collect(connector, organization, output);
        verified = Scans.verifyLogs(pipeline, connector, snapshot, window.request(now, organization.concurrency(), Optional.empty(),
            Optional.empty()), Optional.ofNullable(publicKeys).map(SavedPublicKeys::read), output);
      }
      Evaluation evaluation = reportOptions.compared(pipeline.evaluate(verified));
      pipeline.report(evaluation, report, CATEGORY, reportOptions.all);
      return Outcome.exitCode(evaluation, report, err);
    }
  }

  /** logs verify judges the logs only; config.yaml's other rule choices do not apply to it. */
  static ConfigLoader.Loaded onlyTheIntegrityRule(ConfigLoader.Loaded loaded) {
    Config c = loaded.config();
    Config.Rules rules = new Config.Rules(List.of(RULE), List.of(), c.rules().params());
    return new ConfigLoader.Loaded(new Config(c.version(), c.organization(), c.report(), rules, c.waivers(), c.remediation(), c.athena()),
        loaded.file(), loaded.text());
  }
}
