package io.trailwarden.report;

import io.trailwarden.finding.Evaluation;

/** One output format. Rendering is pure: same evaluation, same text, byte for byte. */
public interface Reporter {
  ReportFormat format();

  /** The whole report as text, ending with a newline. */
  String render(Evaluation evaluation);
}
