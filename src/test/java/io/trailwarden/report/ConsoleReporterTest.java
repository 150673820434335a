package io.trailwarden.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.NullNode;
import io.trailwarden.finding.Evaluation;
import io.trailwarden.finding.Finding;
import io.trailwarden.policy.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConsoleReporterTest {
  private final ConsoleReporter console = new ConsoleReporter();

  @Test
  void endsWithTheSummaryLine() {
    assertThat(console.render(Evaluations.mixed())).endsWith(
        "\n7 rules, 4 resources checked: 2 passed, 5 failed (1 critical, 2 high, 1 medium, 1 low), 1 unknown, 1 waived.\n");
  }

  /** Issue 13: accounts the collection could not place (or count) are said in the summary, never silently left out. */
  @Test
  void theSummarySaysHowManyAccountsAreUnaccountedFor() {
    Evaluation mixed = Evaluations.mixed();
    Evaluation unplaced = new Evaluation(mixed.toolVersion(), mixed.collectedAt(), mixed.managementAccountId(), mixed.organizationId(),
        mixed.rules(), mixed.findings(), mixed.collectionErrors(), mixed.expiredWaivers(), Optional.of(2), Optional.empty(), mixed.frameworks(), mixed.organization());
    assertThat(console.render(unplaced)).endsWith(" 1 waived. 2 accounts unaccounted for: not placed in the organization's tree, "
        + "so the SCPs reaching them are unknown.\n");
    Evaluation uncounted = new Evaluation(mixed.toolVersion(), mixed.collectedAt(), mixed.managementAccountId(), mixed.organizationId(),
        mixed.rules(), mixed.findings(), mixed.collectionErrors(), mixed.expiredWaivers(), Optional.empty(), Optional.empty(), mixed.frameworks(), mixed.organization());
    assertThat(console.render(uncounted)).endsWith(" 1 waived. How many accounts are unaccounted for is unknown: "
        + "the organization's accounts could not be listed.\n");
    assertThat(new JsonReporter().render(uncounted)).contains("\"unaccountedAccounts\" : null");
  }

  @Test
  void printsOnlyAsciiAndTruncatesLongMessages() {
    Finding finding = Evaluations.fail(Evaluations.BUCKET_WRITE, Severity.HIGH, "arn:aws:s3:::bücket", "1", "us-east-1",
        "Zugriff verweigert \u2013 " + "x".repeat(200), Optional.empty(), NullNode.getInstance());
    Evaluation evaluation = new Evaluation("0.1.0", Instant.parse("2026-11-23T06:00:00Z"), "1", Optional.empty(),
        Evaluations.rules(), List.of(finding), List.of(), List.of());

    String text = console.render(evaluation);

    assertThat(text.chars()).allMatch(c -> c == '\n' || (c >= 0x20 && c < 0x7F));
    assertThat(text).contains("arn:aws:s3:::b?cket", "Zugriff verweigert ? xxx", "xxx...\n");
  }

  @Test
  void columnsAlign() {
    List<String> lines = console.render(Evaluations.mixed()).lines().takeWhile(l -> !l.isEmpty()).toList();
    int messageColumn = lines.get(0).indexOf("MESSAGE");
    assertThat(lines).hasSize(8).allSatisfy(l -> assertThat(l.charAt(messageColumn - 1)).isEqualTo(' '));
    assertThat(lines.get(1)).startsWith("FAIL     critical  cloudtrail_org_trail_logging ");
  }

  /** Issue 17: beyond one screen the table becomes counts per rule and severity and the most severe rows. */
  @Test
  void beyondOneScreenSummarizesUnlessEveryRowIsAsked() {
    List<Finding> findings = new java.util.ArrayList<>();
    for (int i = 0; i < ConsoleReporter.SCREEN_ROWS; i++) {
      findings.add(Evaluations.fail(Evaluations.BUCKET_WRITE, Severity.LOW, "arn:aws:s3:::low-" + i, "1", "us-east-1",
          "low " + i, Optional.empty(), NullNode.getInstance()));
    }
    findings.add(Evaluations.fail(Evaluations.BUCKET_WRITE, Severity.CRITICAL, "arn:aws:s3:::worst", "1", "us-east-1",
        "the worst", Optional.empty(), NullNode.getInstance()));
    Evaluation evaluation = new Evaluation("0.1.0", Instant.parse("2026-11-23T06:00:00Z"), "1", Optional.empty(),
        Evaluations.rules(), findings, List.of(), List.of());

    String summarized = console.render(evaluation);
    List<String> lines = summarized.lines().toList();
    assertThat(lines.get(0)).isEqualTo("Findings that need a person, by severity and rule:");
    assertThat(lines.get(1)).matches("SEVERITY +RULE +FAIL +UNKNOWN +WAIVED");
    assertThat(lines.get(2)).matches("critical +" + Evaluations.BUCKET_WRITE + " +1 +0 +0");
    assertThat(lines.get(3)).matches("low +" + Evaluations.BUCKET_WRITE + " +40 +0 +0");
    assertThat(lines.get(5)).isEqualTo("The 20 most severe of 41:");
    assertThat(lines.get(7)).contains("arn:aws:s3:::worst");
    assertThat(lines.stream().filter(l -> l.startsWith("FAIL ")).count()).isEqualTo(ConsoleReporter.MOST_SEVERE);
    assertThat(summarized).contains("... and 21 more: --all prints every row; the report files hold every finding.\n")
        .endsWith(" 41 failed (1 critical, 40 low), 0 unknown, 0 waived.\n");

    String everyRow = new ConsoleReporter(true).render(evaluation);
    assertThat(everyRow.lines().filter(l -> l.startsWith("FAIL ")).count()).isEqualTo(41);
    assertThat(everyRow).doesNotContain("most severe");
  }

  @Test
  void allPassPrintsOnlyTheSummary() {
    assertThat(console.render(Evaluations.allPass()))
        .isEqualTo("7 rules, 3 resources checked: 7 passed, 0 failed, 0 unknown, 0 waived.\n");
  }
}
