package io.trailwarden.cli;

import io.trailwarden.config.Config;
import io.trailwarden.config.ConfigLoader;
import io.trailwarden.finding.Evaluation;
import io.trailwarden.policy.RulesDirectory;
import io.trailwarden.scan.Pipeline;
import io.trailwarden.InvalidInputException;
import io.trailwarden.YamlLines;
import io.trailwarden.snapshot.Snapshot;
import java.io.PrintWriter;
import java.util.List;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code evaluate}: judge a snapshot offline with the rules, print a table, write reports. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Evaluate a snapshot with the rules (offline): print a table and write the reports.")
final class EvaluateCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--snapshot", required = true, paramLabel = "FILE", description = "Snapshot JSON (from 'collect').")
  Path snapshotFile;

  @Mixin ConfigOption config;
  @Mixin ReportOptions reportOptions;
  @Mixin RulesOption rulesOption;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    ConfigLoader.Loaded loaded = config.load();
    Config.Report report = reportOptions.over(loaded.config().report());
    try (RulesDirectory rules = rulesOption.resolve()) {
      Pipeline pipeline = rulesOption.pipeline(rules, loaded, spec.commandLine().getOut(), err);
      Evaluation evaluation = reportOptions.compared(pipeline.evaluate(snapshotFile, snapshot -> sameOrganization(snapshot, loaded)));
      pipeline.report(evaluation, report, "trailwarden/evaluate", reportOptions.all);
      return Outcome.exitCode(evaluation, report, err);
    }
  }

  /** A config.yaml that names a management account is only for snapshots of that organization. */
  private void sameOrganization(Snapshot snapshot, ConfigLoader.Loaded loaded) {
    loaded.config().organization().managementAccountId()
        .filter(configured -> !configured.equals(snapshot.scope().managementAccountId()))
        .ifPresent(configured -> {
          String line = YamlLines.lineOf(loaded.text(), List.of("organization", "managementAccountId")).map(n -> ":" + n).orElse("");
          throw new InvalidInputException(snapshotFile + ": the snapshot is of management account "
              + snapshot.scope().managementAccountId() + ", but " + loaded.file() + line
              + " names management account " + configured + "; evaluate a snapshot of the configured organization");
        });
  }
}
