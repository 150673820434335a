package io.trailwarden.report;

import io.trailwarden.finding.Evaluation;

class HtmlReporterGoldenTest extends ReporterGoldenTest {
  @Override
  String render(Evaluation evaluation) {
    return new HtmlReporter().render(evaluation);
  }

  @Override
  String extension() {
    return "html";
  }
}
