package io.trailwarden.report;

import io.trailwarden.AtomicFiles;
import io.trailwarden.finding.Evaluation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Writes the chosen report files into the output directory, each one atomically. */
public final class ReportWriter {
  private ReportWriter() {}

  /** Returns the files written, in the order of {@code formats}. */
  public static List<Path> write(Evaluation evaluation, Collection<ReportFormat> formats, Path outputDir,
      ReportSettings settings) throws IOException {
    List<Path> written = new ArrayList<>();
    for (ReportFormat format : formats.stream().distinct().toList()) {
      Path file = outputDir.resolve(format.fileName());
      Reporter reporter = Reporters.of(format, settings);
      AtomicFiles.write(file, out -> reporter.write(evaluation, out));
      written.add(file);
    }
    return written;
  }
}
