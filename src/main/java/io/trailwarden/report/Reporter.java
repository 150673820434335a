package io.trailwarden.report;

import io.trailwarden.finding.Evaluation;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;

/** One output format. Rendering is pure: same evaluation, same text, byte for byte. */
public interface Reporter {
  ReportFormat format();

  /**
   * Writes the whole report to {@code out}, ending with a newline (JSON Lines without a line is empty),
   * a piece at a time: the report of a large organization is never held whole in memory.
   */
  void write(Evaluation evaluation, Writer out) throws IOException;

  /** The whole report as text: what {@link #write} writes. */
  default String render(Evaluation evaluation) {
    StringWriter out = new StringWriter();
    try {
      write(evaluation, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return out.toString();
  }
}
