package io.trailwarden.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwarden.finding.Evaluation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class OcsfReporterGoldenTest extends ReporterGoldenTest {
  @Override
  String render(Evaluation evaluation) {
    return new OcsfReporter().render(evaluation);
  }

  @Override
  String extension() {
    return "ocsf.jsonl";
  }

  /** JSON Lines: every line ends with a newline, and no findings is an empty file (no blank line). */
  @Override
  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void endsWithOneNewlineAndUsesNoCarriageReturns(String name) {
    String text = render(Evaluations.CASES.get(name).get());
    assertThat(text).doesNotContain("\r").doesNotContain("\n\n").doesNotStartWith("\n");
    if (!text.isEmpty()) {
      assertThat(text).endsWith("\n");
    }
  }
}
