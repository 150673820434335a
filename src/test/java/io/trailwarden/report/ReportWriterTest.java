package io.trailwarden.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trailwarden.finding.Evaluation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The streamed, side-by-side writing gives the files the reporters render, and fails as a write fails. */
class ReportWriterTest {
  @TempDir
  Path dir;

  @Test
  void everyFileHoldsExactlyWhatItsReporterRenders() throws IOException {
    Evaluation evaluation = Evaluations.mixedWithBaseline();
    List<ReportFormat> formats = List.of(ReportFormat.HTML, ReportFormat.SARIF, ReportFormat.JSON, ReportFormat.JUNIT,
        ReportFormat.MARKDOWN, ReportFormat.OCSF, ReportFormat.ASFF, ReportFormat.JSON);

    List<Path> written = ReportWriter.write(evaluation, formats, dir, ReportSettings.DEFAULTS);

    // In the order asked for, each once, whatever order the threads finished in.
    assertThat(written).containsExactly(formats.stream().distinct().map(f -> dir.resolve(f.fileName())).toArray(Path[]::new));
    for (ReportFormat format : formats) {
      assertThat(Files.readString(dir.resolve(format.fileName()), StandardCharsets.UTF_8))
          .as(format.id()).isEqualTo(Reporters.of(format).render(evaluation));
    }
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).as("no temporary file left")
          .allMatch(name -> !name.endsWith(".tmp"));
    }
  }

  @Test
  void aFileThatCannotBeWrittenIsTheIoErrorItWas() throws IOException {
    Path notADirectory = Files.writeString(dir.resolve("taken"), "a file, not a directory");

    assertThatThrownBy(() -> ReportWriter.write(Evaluations.mixed(), List.of(ReportFormat.JSON, ReportFormat.SARIF),
        notADirectory, ReportSettings.DEFAULTS)).isInstanceOf(IOException.class);
  }
}
