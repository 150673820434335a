package io.trailwarden.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code remediate plan|apply|rollback}: fix what the rules found, safely and only when asked. */
@Command(name = "remediate", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Plan fixes for failing findings, apply a plan, or roll back what a journal recorded.",
    subcommands = {RemediatePlanCommand.class, RemediateApplyCommand.class, RemediateRollbackCommand.class})
final class RemediateCommand implements Runnable {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing command: plan, apply or rollback (see --help).");
  }
}
