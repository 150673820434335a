package io.trailwarden.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MarkdownReporterTest {
  private final String markdown = new MarkdownReporter().render(Evaluations.mixed());

  @Test
  void pipesAndLineBreaksInMessagesDoNotBreakTableRows() {
    String row = line("CloudWatchLogsLogGroupArn");

    assertThat(row).contains("CloudWatchLogsLogGroupArn \\| CloudWatchLogsRoleArn");
    assertThat(row).contains("CloudWatch Logs.<br>CloudWatchLogsLogGroupArn");
    // Five cells (severity, rule, resource, message, fix): six unescaped pipes.
    assertThat(row.replace("\\|", "").chars().filter(c -> c == '|').count()).isEqualTo(6);
  }

  @Test
  void htmlAndMarkdownCharactersAreEscaped() {
    assertThat(line("LatestDeliveryError")).contains("\\& the last delivery was \\<never\\>");
    assertThat(line("waived until 2026-12-31")).contains("new trail \\| tracked in SEC-1234 \\& approved by \\<security\\>");
  }

  @Test
  void failuresAreSortedBySeverity() {
    String failures = markdown.substring(markdown.indexOf("### Failures"), markdown.indexOf("### Evidence missing"));
    assertThat(failures.indexOf("| critical |")).isLessThan(failures.indexOf("| high |"));
    assertThat(failures.indexOf("| high |")).isLessThan(failures.indexOf("| medium |"));
    assertThat(failures.indexOf("| medium |")).isLessThan(failures.indexOf("| low |"));
  }

  @Test
  void headlineGivesTheVerdict() {
    assertThat(markdown).startsWith("## TrailWarden: FAIL\n");
    assertThat(new MarkdownReporter().render(Evaluations.allPass())).startsWith("## TrailWarden: PASS\n");
  }

  @Test
  void codeSpansFallBackToEscapedTextWhenTheyCannotHoldTheValue() {
    assertThat(MarkdownText.code("arn:aws:s3:::a|b")).isEqualTo("`arn:aws:s3:::a\\|b`");
    assertThat(MarkdownText.code("a`b")).isEqualTo("a\\`b");
  }

  private String line(String containing) {
    return Arrays.stream(markdown.split("\n")).filter(l -> l.contains(containing)).findFirst().orElseThrow();
  }

  @Test
  void aGateOnNewFailuresPassesButSaysWhatStillFails() {
    var gate = new ReportSettings(io.trailwarden.policy.Severity.LOW, true, "trailwarden");
    var sameAsBefore = Evaluations.mixed().compareWith(io.trailwarden.finding.Baseline.of("before.json", Evaluations.mixed()));
    assertThat(new MarkdownReporter(gate).render(sameAsBefore)).startsWith("## TrailWarden: INCOMPLETE (no new failures; 5 still failing)\n");
    assertThat(new MarkdownReporter(gate).render(Evaluations.mixedWithBaseline())).startsWith("## TrailWarden: FAIL\n")
        .contains("Gate: fails on new failures of severity low or above.");
  }
}
