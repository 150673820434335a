package io.trailwarden.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trailwarden.InvalidInputException;
import io.trailwarden.finding.Baseline;
import io.trailwarden.finding.Evaluation;
import io.trailwarden.finding.Finding;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A previous JSON report read as a baseline, and everything that must not be mistaken for one. */
class JsonReportBaselineTest {
  @TempDir Path temp;

  Path report(String text) throws Exception {
    Path file = temp.resolve("trailwarden.json");
    Files.writeString(file, text);
    return file;
  }

  @Test
  void readsTheFailuresOfAReportAndComparesByFingerprint() throws Exception {
    Evaluation mixed = Evaluations.mixed();
    Baseline baseline = JsonReportReader.baseline(report(new JsonReporter().render(mixed)));
    assertThat(baseline.failures()).hasSize((int) mixed.findings().stream().filter(Finding::isActiveFailure).count());
    Evaluation compared = mixed.compareWith(baseline);
    assertThat(compared.baseline().orElseThrow().count(Baseline.State.EXISTING)).isEqualTo(baseline.failures().size());
    assertThat(compared.baseline().orElseThrow().count(Baseline.State.NEW)).isZero();
    assertThat(compared.baseline().orElseThrow().fixed()).isEmpty();
    assertThat(compared.failsAt(io.trailwarden.policy.Severity.LOW, true)).isFalse();
    assertThat(compared.failsAt(io.trailwarden.policy.Severity.LOW, false)).isTrue();
  }

  @Test
  void aTruncatedReportIsRefusedNamingTheFile() throws Exception {
    String text = new JsonReporter().render(Evaluations.mixed());
    Path file = report(text.substring(0, text.length() / 2));
    assertThatThrownBy(() -> JsonReportReader.baseline(file)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(file.toString()).hasMessageContaining("truncated");
  }

  @Test
  void anotherFormatVersionOrNoVersionIsRefused() throws Exception {
    String text = new JsonReporter().render(Evaluations.mixed());
    Path other = report(text.replace("\"formatVersion\" : 1", "\"formatVersion\" : 2"));
    assertThatThrownBy(() -> JsonReportReader.baseline(other)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("formatVersion is 2");
    Path none = report(text.replace("\"formatVersion\" : 1,", ""));
    assertThatThrownBy(() -> JsonReportReader.baseline(none)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("formatVersion is missing");
    Path notOurs = report("{\"runs\": []}");
    assertThatThrownBy(() -> JsonReportReader.baseline(notOurs)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("not a TrailWarden JSON report");
  }

  @Test
  void aBaselineOfAnotherOrganizationIsRefused() throws Exception {
    Path file = report(new JsonReporter().render(Evaluations.mixed()).replace("o-a1b2c3d4e5", "o-zzzzzzzzzz"));
    Baseline baseline = JsonReportReader.baseline(file);
    assertThatThrownBy(() -> Evaluations.mixed().compareWith(baseline)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(file.toString()).hasMessageContaining("o-zzzzzzzzzz");
  }
}
