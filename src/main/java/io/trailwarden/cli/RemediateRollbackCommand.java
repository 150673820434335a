package io.trailwarden.cli;

import io.trailwarden.config.ConfigLoader;
import io.trailwarden.remediate.Applier;
import io.trailwarden.remediate.Journal;
import io.trailwarden.remediate.Remediator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code remediate rollback}: restore the before documents a journal recorded, newest first. */
@Command(name = "rollback", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Restore what a journal's applied changes replaced, newest first; a resource changed since is refused, "
        + "not overwritten.")
final class RemediateRollbackCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "JOURNAL", description = "The journal that 'remediate apply' appended to.")
  Path journalFile;

  @Option(names = "--yes", description = "Roll back without asking (unattended runs).")
  boolean yes;

  @Mixin ConfigOption config;
  @Mixin AwsOptions aws;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ConfigLoader.Loaded loaded = config.load();
    new Journal(journalFile).recover().ifPresent(torn -> err.println("warning: " + torn));
    List<Journal.Entry> entries = Journal.read(journalFile);
    if (entries.isEmpty()) {
      out.println(journalFile + " records no change; nothing to roll back.");
      return ExitCode.OK.code();
    }
    if (!RemediateSupport.confirmed(yes, "roll back the changes recorded in " + journalFile, out, err)) {
      return ExitCode.USAGE.code();
    }
    var organization = loaded.config().organization().withMemberRoleName(loaded.config().remediation().memberRoleName());
    List<Applier.Outcome> outcomes;
    try {
      outcomes = Remediator.rollback(journalFile, aws.connector(organization, System.getenv()), organization, Clock.systemUTC());
    } catch (Remediator.Unreached e) {
      err.println("error: " + e.getMessage());
      return ExitCode.NOT_APPLIED.code();
    }
    out.println("Rollback (appended to " + journalFile + "):");
    RemediateSupport.print(outcomes, out);
    boolean clean = outcomes.stream().allMatch(o -> o.event() == Journal.Event.ROLLED_BACK);
    return clean ? ExitCode.OK.code() : ExitCode.NOT_APPLIED.code();
  }
}
