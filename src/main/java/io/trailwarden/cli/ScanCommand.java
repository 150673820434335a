package io.trailwarden.cli;

import io.trailwarden.config.Config;
import io.trailwarden.config.ConfigLoader;
import io.trailwarden.policy.RulesDirectory;
import io.trailwarden.scan.Pipeline;
import io.trailwarden.logs.LogVerification;
import io.trailwarden.InvalidInputException;
import io.trailwarden.investigate.LogSource;
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

/** {@code scan}: collect, evaluate, report; the nightly and CI entry point. */
@Command(name = "scan", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Collect the organization from AWS, evaluate it and write the reports (and snapshot.json) into the output directory.")
final class ScanCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin ConfigOption config;
  @Mixin ReportOptions reportOptions;
  @Mixin RulesOption rulesOption;
  @Mixin AwsOptions aws;

  @Option(names = "--verify-logs", description = "Also verify the delivered logs' digest chains (every account x region) "
      + "over the last --since, as rule " + LogsVerifyCommand.RULE + "; needs s3:GetObject and s3:ListBucket on the log bucket "
      + "and cloudtrail:ListPublicKeys (docs/iam/trailwarden-logs-verify-policy.json).")
  boolean verifyLogs;

  @Option(names = "--with-logs", description = "Also query the delivered logs of the last --since, as logs query does, for "
      + "attempts to blind the audit log and calls by a root user (the investigations audit_log_tampering and root_activity): "
      + "counted per account in the snapshot's logActivity and judged by rules cloudtrail_org_trail_no_tampering_attempts and "
      + "iam_root_user_not_used; needs s3:GetObject and s3:ListBucket on the log bucket.")
  boolean withLogs;

  @Option(names = "--verified-only", description = "With --with-logs: read only the log files whose digest chain verifies "
      + "(so it verifies them, as --verify-logs); the others are left out and counted, and an account with any left out and "
      + "nothing found is UNKNOWN.")
  boolean verifiedOnly;

  @Option(names = "--cache", paramLabel = "DIR", description = "With --with-logs: the download cache, as for logs query "
      + "(default: $XDG_CACHE_HOME/trailwarden/logs, else ~/.cache/trailwarden/logs).")
  Path cache;

  @Option(names = "--since", paramLabel = "DURATION", defaultValue = "24h",
      description = "With --verify-logs or --with-logs: how far back, such as 90m, 24h or 7d (default: ${DEFAULT-VALUE}).")
  String since;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    ConfigLoader.Loaded loaded = config.load();
    Config.Report report = reportOptions.over(loaded.config().report());
    var organization = loaded.config().organization();
    try (RulesDirectory rules = rulesOption.resolve()) {
      Pipeline pipeline = rulesOption.pipeline(rules, loaded, spec.commandLine().getOut(), err);
      if (verifiedOnly && !withLogs) {
        throw new InvalidInputException("--verified-only chooses the log files --with-logs reads; give --with-logs too");
      }
      Instant now = Instant.now();
      Instant from = now.minus(WindowOptions.duration(since, "--since"));
      Optional<Scans.LogCheck> logs = Optional.empty();
      if (verifyLogs || verifiedOnly) {
        logs = Optional.of(new Scans.LogCheck(new LogVerification.Request(from, now, List.of(), List.of(),
            organization.concurrency()), Optional.empty()));
      }
      Optional<Scans.ActivityCheck> activity = withLogs ? Optional.of(new Scans.ActivityCheck(from, now, verifiedOnly,
          cache != null ? cache : LogSource.defaultCache(System.getenv()), organization.concurrency())) : Optional.empty();
      return Scans.scan(pipeline, aws.connector(organization, System.getenv()), organization, reportOptions, report,
          "trailwarden/scan", err, logs, activity).exitCode();
    }
  }
}
