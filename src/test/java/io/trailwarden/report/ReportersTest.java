package io.trailwarden.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ReportersTest {
  @ParameterizedTest
  @EnumSource(ReportFormat.class)
  void everyFormatHasItsReporter(ReportFormat format) {
    assertThat(Reporters.of(format).format()).isEqualTo(format);
  }

  @Test
  void allListsOneReporterPerFormatInOrder() {
    assertThat(Reporters.all()).extracting(Reporter::format).containsExactly(ReportFormat.values());
  }
}
