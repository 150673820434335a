package io.trailwarden.cli;

import io.trailwarden.config.Config;
import io.trailwarden.config.ConfigLoader;
import io.trailwarden.policy.RulesDirectory;
import io.trailwarden.scan.Pipeline;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    ConfigLoader.Loaded loaded = config.load();
    Config.Report report = reportOptions.over(loaded.config().report());
    var organization = loaded.config().organization();
    try (RulesDirectory rules = rulesOption.resolve()) {
      Pipeline pipeline = rulesOption.pipeline(rules, loaded, spec.commandLine().getOut(), err);
      return Scans.scan(pipeline, aws.connector(organization, System.getenv()), organization, reportOptions, report,
          "trailwarden/scan", err).exitCode();
    }
  }
}
