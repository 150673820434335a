package io.trailwarden.cli;

import io.trailwarden.config.ConfigLoader;
import io.trailwarden.finding.Evaluation;
import io.trailwarden.finding.Finding;
import io.trailwarden.policy.RulesDirectory;
import io.trailwarden.remediate.Plan;
import io.trailwarden.report.JsonReportReader;
import io.trailwarden.remediate.PlanIo;
import io.trailwarden.remediate.PlanPrinter;
import io.trailwarden.remediate.Remediator;
import io.trailwarden.remediate.fix.Remediations;
import io.trailwarden.scan.Pipeline;
import io.trailwarden.snapshot.Snapshot;
import io.trailwarden.snapshot.SnapshotIo;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code remediate plan}: what would be changed, shown and written; nothing is changed. */
@Command(name = "plan", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Collect (or read a snapshot), evaluate, and write a plan of the fixes config.yaml remediation.allow "
        + "permits, with exact before and after documents. Changes nothing. Exit 0 when the plan is empty, 1 when it has changes.")
final class RemediatePlanCommand implements Callable<Integer> {
  static final String PLAN_FILE = "remediation-plan.json";

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--snapshot", paramLabel = "FILE", description = "Plan from this snapshot instead of collecting.")
  Path snapshotFile;

  @Option(names = "--only", split = ",", paramLabel = "RULE",
      description = "Plan only these rules (ids or framework ids); --rules names the rules directory, as in every verb.")
  List<String> only;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Where to write the plan (default: <output-dir>/"
      + PLAN_FILE + ").")
  Path output;

  @Option(names = "--baseline", paramLabel = "FILE",
      description = "A previous run's JSON report: the plan marks which of the failures it fixes are new.")
  Path baseline;

  @Mixin ConfigOption config;
  @Mixin OutputDirOption outputDir;
  @Mixin RulesOption rulesOption;
  @Mixin AwsOptions aws;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ConfigLoader.Loaded loaded = RemediateSupport.only(config.load(), only);
    Path dir = outputDir.resolve(loaded.config());
    var organization = loaded.config().organization();
    try (RulesDirectory rules = rulesOption.resolve()) {
      Pipeline pipeline = rulesOption.pipeline(rules, loaded, out, err);
      Snapshot snapshot = snapshotFile != null ? new SnapshotIo().read(snapshotFile)
          : pipeline.collect(aws.connector(organization, System.getenv()), organization,
              dir.resolve(Scans.SNAPSHOT_FILE));
      Evaluation evaluation = pipeline.evaluate(snapshot);
      if (baseline != null) {
        evaluation = evaluation.compareWith(JsonReportReader.baseline(baseline));
      }
      Plan plan = new Remediator(pipeline, Clock.systemUTC(), Remediations::find).plan(snapshot, evaluation);
      Path file = output != null ? output : dir.resolve(PLAN_FILE);
      PlanIo.write(plan, file);
      out.print(new PlanPrinter(RemediateSupport.colour()).render(plan));
      out.println();
      out.println("Plan written to " + file + (plan.isEmpty() ? "; nothing to apply."
          : ". Apply it with: trailwarden remediate apply " + file));
      long unknown = evaluation.findings().stream().filter(f -> f.status() == io.trailwarden.finding.Status.UNKNOWN)
          .map(Finding::ruleId).distinct().count();
      if (unknown > 0) {
        err.println("warning: " + unknown + " rule(s) could not judge some resources (UNKNOWN); nothing is planned for them.");
      }
      return plan.isEmpty() ? ExitCode.OK.code() : ExitCode.FAILURES.code();
    }
  }
}
