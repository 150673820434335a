package io.trailwarden.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code logs verify|fetch|query|list|show}: prove the delivered logs are complete and untampered, and keep a copy that proves it later. */
@Command(name = "logs", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Verify the organization trail's delivered logs against their signed digest chains, copy them into an evidence locker, "
        + "or investigate them with SQL (query, list, show; athena-ddl for Amazon Athena).",
    subcommands = {LogsVerifyCommand.class, LogsFetchCommand.class, LogsQueryCommand.class,
        LogsInvestigationsCommand.ListInvestigations.class, LogsInvestigationsCommand.ShowInvestigation.class,
        LogsAthenaDdlCommand.class})
final class LogsCommand implements Runnable {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing command: verify, fetch, query, list, show or athena-ddl (see --help).");
  }
}
