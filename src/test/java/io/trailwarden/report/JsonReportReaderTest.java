package io.trailwarden.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trailwarden.InvalidInputException;
import io.trailwarden.finding.Evaluation;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JsonReportReaderTest {
  @TempDir Path dir;

  static java.util.stream.Stream<String> cases() {
    return Evaluations.CASES.keySet().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void aReportReadBackGivesTheSameFindingsAndSecurityFindings(String name) throws Exception {
    Evaluation original = Evaluations.CASES.get(name).get();
    Path file = dir.resolve("trailwarden.json");
    Files.writeString(file, new JsonReporter().render(original));
    Evaluation read = JsonReportReader.read(file);
    assertThat(read.findings()).isEqualTo(original.findings());
    assertThat(read.collectedAt()).isEqualTo(original.collectedAt());
    assertThat(new AsffReporter().render(read)).isEqualTo(new AsffReporter().render(original));
    assertThat(new OcsfReporter().render(read)).isEqualTo(new OcsfReporter().render(original));
  }

  @Test
  void aTruncatedReportIsAnInputErrorNamingTheFile() throws Exception {
    Path file = dir.resolve("trailwarden.json");
    String text = new JsonReporter().render(Evaluations.mixed());
    Files.writeString(file, text.substring(0, text.length() / 3));
    assertThatThrownBy(() -> JsonReportReader.read(file)).isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith(file.toString()).hasMessageContaining("truncated");
  }

  @Test
  void anotherJsonDocumentIsAnInputErrorNamingThePath() throws Exception {
    Path file = dir.resolve("snapshot.json");
    Files.writeString(file, "{\"formatVersion\": 1, \"tool\": {\"name\": \"TrailWarden\"}, \"rules\": [], \"findings\": {}}");
    assertThatThrownBy(() -> JsonReportReader.read(file)).isInstanceOf(InvalidInputException.class)
        .hasMessage(file + ": not a TrailWarden JSON report: /findings must be an array");
  }

  @Test
  void aMissingFileIsAnInputError() {
    assertThatThrownBy(() -> JsonReportReader.read(dir.resolve("nope.json"))).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("nope.json");
  }
}
