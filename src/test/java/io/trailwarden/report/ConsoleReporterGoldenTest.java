package io.trailwarden.report;

import io.trailwarden.finding.Evaluation;

class ConsoleReporterGoldenTest extends ReporterGoldenTest {
  @Override
  String render(Evaluation evaluation) {
    return new ConsoleReporter().render(evaluation);
  }

  @Override
  String extension() {
    return "txt";
  }
}
