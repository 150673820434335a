package io.trailwarden.cli;

import io.trailwarden.aws.AwsSettings;
import io.trailwarden.aws.ClientFactory;
import io.trailwarden.config.Config;
import io.trailwarden.config.ConfigLoader;
import io.trailwarden.config.OrganizationSettings;
import io.trailwarden.finding.Evaluation;
import io.trailwarden.policy.Evaluator;
import io.trailwarden.policy.RulesDirectory;
import io.trailwarden.snapshot.Snapshot;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

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
      return collectEvaluateReport(evaluator, loaded, report, aws::clients, aws.settings(organization, System.getenv()),
          organization, spec.commandLine().getOut(), err);
    }
  }

  /** Collects into the output directory's snapshot.json, evaluates, reports; shared with demo. */
  static int collectEvaluateReport(Evaluator evaluator, ConfigLoader.Loaded loaded, Config.Report report,
      BiFunction<AwsSettings, List<ExecutionInterceptor>, ClientFactory> clients, AwsSettings settings,
      OrganizationSettings organization, PrintWriter out, PrintWriter err) throws IOException {
    Snapshot snapshot = Collection.collect(clients, settings, organization, Path.of(report.outputDir()).resolve(SNAPSHOT_FILE), err);
    Evaluation evaluation = evaluator.evaluate(snapshot, loaded);
    return EvaluateCommand.Outcome.report(evaluation, report, out, err);
  }
}
