package io.trailwarden.report;

import io.trailwarden.finding.Evaluation;

class JsonReporterGoldenTest extends ReporterGoldenTest {
  @Override
  String render(Evaluation evaluation) {
    return new JsonReporter().render(evaluation);
  }

  @Override
  String extension() {
    return "json";
  }
}
