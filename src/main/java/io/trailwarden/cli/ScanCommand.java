package io.trailwarden.cli;

import io.trailwarden.config.Config;
import io.trailwarden.config.ConfigLoader;
import io.trailwarden.finding.Evaluation;
import io.trailwarden.policy.Evaluator;
import io.trailwarden.policy.RulesDirectory;
import io.trailwarden.snapshot.Snapshot;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code scan}: collect, evaluate, report; the nightly and CI entry point. */
@Command(name = "scan", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Collect the organization from AWS, evaluate it and write the reports (and snapshot.json) into the output directory.")
final class ScanCommand implements Callable<Integer> {
  static final String SNAPSHOT_FILE = "snapshot.json";

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
    // Rules are checked before AWS is called, so a broken rule or config costs no API calls.
    try (RulesDirectory rules = rulesOption.resolve()) {
      Evaluator evaluator = new Evaluator(rulesOption.engine(rules, err), Version.current());
      evaluator.check(loaded);
      Snapshot snapshot = Collection.collect(aws::clients, aws.settings(organization, System.getenv()), organization,
          Path.of(report.outputDir()).resolve(SNAPSHOT_FILE), err);
      Evaluation evaluation = evaluator.evaluate(snapshot, loaded);
      return EvaluateCommand.Outcome.report(evaluation, report, spec.commandLine().getOut(), err);
    }
  }
}
