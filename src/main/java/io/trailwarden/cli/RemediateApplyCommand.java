package io.trailwarden.cli;

import io.trailwarden.config.ConfigLoader;
import io.trailwarden.finding.Finding;
import io.trailwarden.finding.Status;
import io.trailwarden.policy.RulesDirectory;
import io.trailwarden.remediate.Journal;
import io.trailwarden.remediate.Plan;
import io.trailwarden.remediate.PlanIo;
import io.trailwarden.remediate.Remediator;
import io.trailwarden.remediate.fix.Remediations;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code remediate apply}: execute a plan, journaled and drift-guarded, then rescan. */
@Command(name = "apply", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Apply a plan: each change only if the resource is still as planned (else it is refused as drift), "
        + "journaled before and after its AWS call; then re-collect and show which findings now pass.")
final class RemediateApplyCommand implements Callable<Integer> {
  static final String RESCAN_FILE = "snapshot-after-remediation.json";

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "PLAN", description = "The plan file from 'remediate plan'.")
  Path planFile;

  @Option(names = "--yes", description = "Apply without asking (unattended runs).")
  boolean yes;

  @Option(names = "--journal", paramLabel = "FILE", description = "Append to this journal (default: config.yaml remediation.journal).")
  Path journalFile;

  @Mixin ConfigOption config;
  @Mixin OutputDirOption outputDir;
  @Mixin RulesOption rulesOption;
  @Mixin AwsOptions aws;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ConfigLoader.Loaded loaded = config.load();
    Plan plan = PlanIo.read(planFile);
    Path dir = outputDir.resolve(loaded.config());
    if (plan.isEmpty()) {
      out.println("The plan " + plan.planId() + " has no changes; nothing to apply.");
      return ExitCode.OK.code();
    }
    if (!RemediateSupport.confirmed(yes, "apply " + plan.changes().size() + " change(s) of plan " + plan.planId(), out, err)) {
      return ExitCode.USAGE.code();
    }
    var organization = loaded.config().organization().withMemberRoleName(loaded.config().remediation().memberRoleName());
    Journal journal = new Journal(journalFile != null ? journalFile : Path.of(loaded.config().remediation().journal()));
    journal.recover().ifPresent(torn -> err.println("warning: " + torn));
    try (RulesDirectory rules = rulesOption.resolve()) {
      var pipeline = rulesOption.pipeline(rules, loaded, out, err);
      Remediator.Applied applied;
      try {
        applied = new Remediator(pipeline, Clock.systemUTC(), Remediations::find).apply(plan, planFile,
            aws.connector(organization, System.getenv()), organization, journal, dir.resolve(RESCAN_FILE));
      } catch (Remediator.Unreached e) {
        err.println("error: " + e.getMessage());
        return ExitCode.NOT_APPLIED.code();
      }
      return RemediateApplyCommand.summarize(applied, journal, out);
    }
  }

  /** Prints what happened and what the rescan shows; the exit code of an apply. */
  static int summarize(Remediator.Applied applied, Journal journal, PrintWriter out) {
    out.println("Changes (journal: " + journal.file() + "):");
    RemediateSupport.print(applied.outcomes(), out);
    out.println("After the rescan:");
    for (Finding f : applied.findingsAfter()) {
      out.printf("  %-7s %s  %s%n", f.status(), f.ruleId(), f.resource());
    }
    long passing = applied.findingsAfter().stream().filter(f -> f.status() == Status.PASS).count();
    out.printf("%d of %d finding(s) the plan fixes now pass.%n", passing, applied.findingsAfter().size());
    out.flush();
    if (!applied.allApplied()) {
      return ExitCode.NOT_APPLIED.code();
    }
    return Remediator.allPass(applied) ? ExitCode.OK.code() : ExitCode.FAILURES.code();
  }
}
