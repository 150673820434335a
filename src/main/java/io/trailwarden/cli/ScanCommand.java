package io.trailwarden.cli;

import io.trailwarden.config.Config;
import io.trailwarden.config.ConfigLoader;
import io.trailwarden.policy.RulesDirectory;
import io.trailwarden.scan.Pipeline;
import io.trailwarden.logs.LogVerification;
import java.io.PrintWriter;
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

  @Option(names = "--since", paramLabel = "DURATION", defaultValue = "24h",
      description = "With --verify-logs: how far back, such as 90m, 24h or 7d (default: ${DEFAULT-VALUE}).")
  String since;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    ConfigLoader.Loaded loaded = config.load();
    Config.Report report = reportOptions.over(loaded.config().report());
    var organization = loaded.config().organization();
    try (RulesDirectory rules = rulesOption.resolve()) {
      Pipeline pipeline = rulesOption.pipeline(rules, loaded, spec.commandLine().getOut(), err);
      Optional<Scans.LogCheck> logs = Optional.empty();
      if (verifyLogs) {
        Instant now = Instant.now();
        logs = Optional.of(new Scans.LogCheck(new LogVerification.Request(now.minus(WindowOptions.duration(since, "--since")), now,
            List.of(), List.of(), organization.concurrency()), Optional.empty()));
      }
      return Scans.scan(pipeline, aws.connector(organization, System.getenv()), organization, reportOptions, report,
          "trailwarden/scan", err, logs).exitCode();
    }
  }
}
