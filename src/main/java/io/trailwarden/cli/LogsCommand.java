package io.trailwarden.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code logs verify|fetch}: prove the delivered logs are complete and untampered, and keep a copy that proves it later. */
@Command(name = "logs", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Verify the organization trail's delivered logs against their signed digest chains, or copy them into an evidence locker.",
    subcommands = {LogsVerifyCommand.class, LogsFetchCommand.class})
final class LogsCommand implements Runnable {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing command: verify or fetch (see --help).");
  }
}
