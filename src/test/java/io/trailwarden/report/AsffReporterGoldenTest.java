package io.trailwarden.report;

import io.trailwarden.finding.Evaluation;

class AsffReporterGoldenTest extends ReporterGoldenTest {
  @Override
  String render(Evaluation evaluation) {
    return new AsffReporter().render(evaluation);
  }

  @Override
  String extension() {
    return "asff.json";
  }
}
