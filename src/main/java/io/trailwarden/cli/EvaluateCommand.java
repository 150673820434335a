package io.trailwarden.cli;

import io.trailwarden.config.Config;
import io.trailwarden.config.ConfigLoader;
import io.trailwarden.finding.Evaluation;
import io.trailwarden.policy.Evaluator;
import io.trailwarden.policy.RulesDirectory;
import io.trailwarden.report.ConsoleReporter;
import io.trailwarden.report.ReportWriter;
import io.trailwarden.snapshot.Snapshot;
import io.trailwarden.snapshot.SnapshotIo;
import java.io.PrintWriter;
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
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ConfigLoader.Loaded loaded = config.load();
    Config.Report report = reportOptions.over(loaded.config().report());
    Snapshot snapshot = new SnapshotIo().read(snapshotFile);
    Evaluation evaluation;
    try (RulesDirectory rules = rulesOption.resolve()) {
      evaluation = new Evaluator(rulesOption.engine(rules, err), Version.current()).evaluate(snapshot, loaded);
    }
    return Outcome.report(evaluation, report, out, err);
  }

  /** Prints, writes and decides the exit code; shared with the verbs that evaluate after collecting. */
  static final class Outcome {
    private Outcome() {}

    static int report(Evaluation evaluation, Config.Report report, PrintWriter out, PrintWriter err) throws java.io.IOException {
      out.print(new ConsoleReporter().render(evaluation));
      var written = ReportWriter.write(evaluation, report.formats(), Path.of(report.outputDir()));
      if (!written.isEmpty()) {
        out.println("Reports: " + String.join(", ", written.stream().map(Path::toString).toList()));
      }
      evaluation.expiredWaivers().forEach(w -> err.println("warning: the waiver for " + w.rule() + " on " + w.resource()
          + " expired on " + w.expires() + " and no longer waives anything."));
      if (evaluation.failsAt(report.failOn())) {
        return ExitCode.FAILURES;
      }
      if (evaluation.isIncomplete() && !report.allowPartial()) {
        err.println("Evidence is missing (see UNKNOWN findings and collection errors): exit " + ExitCode.INCOMPLETE
            + ". Use --allow-partial to accept a partial result.");
        return ExitCode.INCOMPLETE;
      }
      out.flush();
      return ExitCode.OK;
    }
  }
}
