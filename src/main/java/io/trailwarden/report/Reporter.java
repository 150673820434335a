package io.trailwarden.report;

import io.trailwarden.finding.Evaluation;

/** One output format. Rendering is pure: same evaluation, same text, byte for byte. */
public interface Reporter {
  ReportFormat format();

  /** The whole report as text, ending with a newline (JSON Lines without a line is empty). */
  String render(Evaluation evaluation);
}
