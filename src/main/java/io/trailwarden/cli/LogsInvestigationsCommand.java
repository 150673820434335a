package io.trailwarden.cli;

import io.trailwarden.investigate.Engine;
import io.trailwarden.investigate.Investigation;
import io.trailwarden.investigate.Investigations;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code logs list} and {@code logs show ID}: the saved investigations. */
final class LogsInvestigationsCommand {
  private LogsInvestigationsCommand() {}

  @Command(name = "list", mixinStandardHelpOptions = true, versionProvider = Version.class,
      description = "List the saved investigations that logs query runs.")
  static final class ListInvestigations implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      var all = Investigations.builtIn();
      int width = all.stream().mapToInt(i -> i.id().length()).max().orElse(0);
      for (Investigation i : all) {
        out.printf("%-" + width + "s  %-4s  %s%n", i.id(), window(i.window()), i.title());
      }
      return ExitCode.OK.code();
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true, versionProvider = Version.class,
      description = "Show a saved investigation: what it finds, its parameters and defaults, its columns and its SQL.")
  static final class ShowInvestigation implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID")
    String id;

    @picocli.CommandLine.Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "duckdb",
        description = "Show the SQL of this engine's form: duckdb (default) or athena.")
    Engine engine;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      Investigation i = Investigations.get(id, engine);
      out.println(i.id() + ": " + i.title());
      out.println();
      out.println(i.description());
      out.println();
      out.println("Window:  " + window(i.window()) + " before --to (override with --from/--to)");
      out.println("Columns: " + String.join(", ", i.columns()));
      if (!i.params().isEmpty()) {
        out.println("Parameters (--param NAME=VALUE):");
        for (Investigation.Param p : i.params()) {
          out.printf("  %s (%s, default %s): %s%n", p.name(), p.type().name().toLowerCase(java.util.Locale.ROOT),
              p.defaultValue().startsWith("@") ? "the organization's " + p.defaultValue().substring(1) : p.defaultValue(),
              p.description());
        }
      }
      out.println();
      out.println("SQL (" + engine + ", " + i.source() + "):");
      out.println(i.sql());
      return ExitCode.OK.code();
    }
  }

  static String window(Duration window) {
    return window.toHours() % 24 == 0 && window.toHours() > 24 ? window.toDays() + "d" : window.toHours() + "h";
  }
}
