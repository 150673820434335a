package io.trailwarden.report;

import io.trailwarden.finding.Evaluation;

class MarkdownReporterGoldenTest extends ReporterGoldenTest {
  @Override
  String render(Evaluation evaluation) {
    return new MarkdownReporter().render(evaluation);
  }

  @Override
  String extension() {
    return "md";
  }
}
