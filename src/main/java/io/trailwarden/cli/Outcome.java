package io.trailwarden.cli;

import io.trailwarden.config.Config;
import io.trailwarden.finding.Evaluation;
import java.io.PrintWriter;

/** The exit code of a run that evaluated: failures first, then missing evidence (architecture.md §5). */
final class Outcome {
  private Outcome() {}

  static int exitCode(Evaluation evaluation, Config.Report report, PrintWriter err) {
    if (evaluation.failsAt(report.failOn(), report.failOnNew())) {
      return ExitCode.FAILURES.code();
    }
    if (evaluation.isIncomplete() && !report.allowPartial()) {
      err.println("Evidence is missing (see UNKNOWN findings and collection errors): exit " + ExitCode.INCOMPLETE.code()
          + ". Use --allow-partial to accept a partial result.");
      return ExitCode.INCOMPLETE.code();
    }
    return ExitCode.OK.code();
  }
}
