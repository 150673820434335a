package io.trailwarden.report;

import io.trailwarden.finding.Evaluation;

class JunitReporterGoldenTest extends ReporterGoldenTest {
  @Override
  String render(Evaluation evaluation) {
    return new JunitReporter().render(evaluation);
  }

  @Override
  String extension() {
    return "junit.xml";
  }
}
