package io.trailwarden.cli;

import io.trailwarden.InvalidInputException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code trailwarden} command: verbs only, each in its own class; no business logic here. */
@Command(
    name = "trailwarden",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Proves that an AWS Organization's CloudTrail organization trail is set up as auditors expect.",
    subcommands = {ScanCommand.class, CollectCommand.class, EvaluateCommand.class, DemoCommand.class, RemediateCommand.class, RulesCommand.class,
        ExportCommand.class, LogsCommand.class})
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    System.exit(run(out, err, args));
  }

  /** Runs a command line with the given streams; the entry point for tests. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new Main())
        .setOut(out)
        .setErr(err)
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setExecutionExceptionHandler((e, commandLine, parseResult) -> {
          if (e instanceof InvalidInputException) {
            err.println("error: " + e.getMessage());
            return ExitCode.USAGE.code();
          }
          if (e instanceof io.trailwarden.aws.AwsUnavailableException) {
            err.println("error: " + e.getMessage());
            return ExitCode.INCOMPLETE.code();
          }
          err.println("internal error: " + e);
          if (System.getenv("TRAILWARDEN_DEBUG") != null) {
            e.printStackTrace(err);
          } else {
            err.println("(set TRAILWARDEN_DEBUG=1 for the stack trace)");
          }
          return ExitCode.INTERNAL_ERROR.code();
        });
    listExitCodes(cli);
    int code = cli.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /** Every command's help ends with the exit codes, made from {@link ExitCode}. */
  private static void listExitCodes(CommandLine command) {
    command.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(ExitCode.helpTable());
    command.getSubcommands().values().forEach(Main::listExitCodes);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: scan, collect, evaluate, demo, remediate, rules, export or logs (see --help).");
  }
}
