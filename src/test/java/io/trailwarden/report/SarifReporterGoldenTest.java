package io.trailwarden.report;

import io.trailwarden.finding.Evaluation;

class SarifReporterGoldenTest extends ReporterGoldenTest {
  @Override
  String render(Evaluation evaluation) {
    return new SarifReporter().render(evaluation);
  }

  @Override
  String extension() {
    return "sarif";
  }
}
