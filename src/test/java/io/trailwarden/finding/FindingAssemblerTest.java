package io.trailwarden.finding;

import io.trailwarden.policy.Severity;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.trailwarden.Json;
import io.trailwarden.policy.RuleMetadata;
import io.trailwarden.policy.RuleResult;
import io.trailwarden.policy.Verdict;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FindingAssemblerTest {
  static final String RULE = "cloudtrail_org_trail_logging";
  static final String TRAIL = "arn:aws:cloudtrail:us-east-1:111111111111:trail/org-trail";
  static final String OTHER = "arn:aws:cloudtrail:eu-west-1:111111111111:trail/other";
  static final LocalDate DAY = LocalDate.of(2026, 11, 23);

  static final RuleMetadata METADATA = new RuleMetadata(RULE, "The trail logs", "d", Severity.CRITICAL, "Start it.",
      Optional.empty(), Optional.of("why"), new java.util.TreeMap<>(), Json.mapper().createObjectNode(), List.of(), "rules/x.rego");

  static Verdict subject(String arn) {
    return new Verdict(arn, "111111111111", "us-east-1", Optional.empty(), NullNode.getInstance(), Optional.empty(), Optional.empty());
  }

  static Verdict reason(String arn, String message, Optional<Severity> severity) {
    return new Verdict(arn, "", "", Optional.of(message), TextNode.valueOf(message), Optional.of("fix " + message), severity);
  }

  List<Finding> assemble(RuleResult result, List<Waiver> waivers) {
    return new FindingAssembler(id -> METADATA, waivers, DAY).assemble(List.of(result));
  }

  @Test
  void denyMakesFailUnknownMakesUnknownElsePass() {
    var findings = assemble(new RuleResult(RULE, List.of(subject(TRAIL), subject(OTHER)),
        List.of(reason(TRAIL, "stopped", Optional.empty())), List.of(reason(OTHER, "unreadable", Optional.empty()))), List.of());
    assertThat(findings).extracting(Finding::resource, Finding::status)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(OTHER, Status.UNKNOWN), org.assertj.core.groups.Tuple.tuple(TRAIL, Status.FAIL));
    Finding fail = findings.get(1);
    assertThat(fail.message()).isEqualTo("stopped");
    assertThat(fail.fix()).contains("fix stopped");
    assertThat(fail.accountId()).isEqualTo("111111111111");
    assertThat(fail.severity()).isEqualTo(Severity.CRITICAL);
  }

  @Test
  void passCarriesTheTitleAndNoEvidence() {
    var findings = assemble(new RuleResult(RULE, List.of(subject(TRAIL)), List.of(), List.of()), List.of());
    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.status()).isEqualTo(Status.PASS);
      assertThat(f.message()).isEqualTo("The trail logs.");
      assertThat(f.evidence().isNull()).isTrue();
    });
  }

  @Test
  void failBeatsUnknownAndMessagesJoin() {
    var findings = assemble(new RuleResult(RULE, List.of(subject(TRAIL)),
        List.of(reason(TRAIL, "a.", Optional.empty()), reason(TRAIL, "b.", Optional.of(Severity.LOW))),
        List.of(reason(TRAIL, "c.", Optional.empty()))), List.of());
    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.status()).isEqualTo(Status.FAIL);
      assertThat(f.message()).isEqualTo("a. b.");
      assertThat(f.evidence().isArray()).isTrue();
      assertThat(f.severity()).as("the most severe reason wins").isEqualTo(Severity.CRITICAL);
    });
  }

  @Test
  void aDenyMayLowerItsSeverity() {
    var findings = assemble(new RuleResult(RULE, List.of(subject(TRAIL)),
        List.of(reason(TRAIL, "minor", Optional.of(Severity.LOW))), List.of()), List.of());
    assertThat(findings.get(0).severity()).isEqualTo(Severity.LOW);
  }

  @Test
  void denyOutsideSubjectsStillReportsAndLacksPlace() {
    var findings = assemble(new RuleResult(RULE, List.of(), List.of(reason(TRAIL, "x", Optional.empty())), List.of()), List.of());
    assertThat(findings).singleElement().satisfies(f -> assertThat(f.region()).isEqualTo(Finding.UNKNOWN_PLACE));
  }

  @Test
  void activeWaiverWaivesThroughItsExpiryDay() {
    Waiver waiver = new Waiver(RULE, "arn:aws:cloudtrail:*:trail/org-*", "accepted", DAY);
    var assembler = new FindingAssembler(id -> METADATA, List.of(waiver), DAY);
    var findings = assembler.assemble(List.of(new RuleResult(RULE, List.of(subject(TRAIL)),
        List.of(reason(TRAIL, "stopped", Optional.empty())), List.of())));
    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.status()).isEqualTo(Status.WAIVED);
      assertThat(f.waiver()).contains(waiver);
    });
    assertThat(assembler.expiredWaivers()).isEmpty();
  }

  @Test
  void expiredWaiverDoesNotWaiveAndIsReported() {
    Waiver waiver = new Waiver(RULE, TRAIL, "accepted", DAY.minusDays(1));
    var assembler = new FindingAssembler(id -> METADATA, List.of(waiver), DAY);
    var findings = assembler.assemble(List.of(new RuleResult(RULE, List.of(subject(TRAIL)),
        List.of(reason(TRAIL, "stopped", Optional.empty())), List.of())));
    assertThat(findings.get(0).status()).isEqualTo(Status.FAIL);
    assertThat(assembler.expiredWaivers()).containsExactly(waiver);
  }

  /** Rules are assembled side by side; what comes out must not depend on which finishes first. */
  @Test
  void manyRulesComeOutInOneOrderWithTheirExpiredWaiversInTheOrderOfTheResults() {
    List<String> ids = java.util.stream.IntStream.range(0, 64).mapToObj(i -> String.format("rule_%02d", 63 - i)).toList();
    List<Waiver> waivers = ids.stream().map(id -> new Waiver(id, TRAIL, "accepted", DAY.minusDays(1))).toList();
    var assembler = new FindingAssembler(id -> new RuleMetadata(id, "The trail logs", "d", Severity.CRITICAL, "Start it.",
        Optional.empty(), Optional.of("why"), new java.util.TreeMap<>(), Json.mapper().createObjectNode(), List.of(), "rules/x.rego"),
        waivers, DAY);
    var findings = assembler.assemble(ids.stream().map(id -> new RuleResult(id, List.of(subject(TRAIL), subject(OTHER)),
        List.of(reason(TRAIL, "stopped " + id, Optional.empty())), List.of())).toList());
    assertThat(findings).hasSize(128).isSortedAccordingTo(Evaluation.ORDER);
    assertThat(findings).filteredOn(f -> f.status() == Status.FAIL).extracting(Finding::message)
        .containsExactlyElementsOf(ids.stream().sorted().map(id -> "stopped " + id).toList());
    assertThat(assembler.expiredWaivers()).containsExactlyElementsOf(waivers);
  }

  @Test
  void waiversNeverTouchPasses() {
    Waiver waiver = new Waiver(RULE, "*", "everything", DAY);
    var findings = assemble(new RuleResult(RULE, List.of(subject(TRAIL)), List.of(), List.of()), List.of(waiver));
    assertThat(findings.get(0).status()).isEqualTo(Status.PASS);
  }

  @Test
  void fingerprintDependsOnRuleAndResourceOnly() {
    String a = Finding.fingerprint(RULE, TRAIL);
    assertThat(a).hasSize(32).isEqualTo(Finding.fingerprint(RULE, TRAIL));
    assertThat(a).isNotEqualTo(Finding.fingerprint(RULE, OTHER)).isNotEqualTo(Finding.fingerprint("other_rule", TRAIL));
  }

  @Test
  void waiverGlobsSpanSlashesAndOnlyTheirRule() {
    Waiver waiver = new Waiver(RULE, "arn:aws:s3:::legacy-*", "r", DAY);
    assertThat(waiver.matches(RULE, "arn:aws:s3:::legacy-logs")).isTrue();
    assertThat(waiver.matches(RULE, "arn:aws:s3:::legacy-logs/AWSLogs/x")).isTrue();
    assertThat(waiver.matches(RULE, "arn:aws:s3:::current-logs")).isFalse();
    assertThat(waiver.matches("another_rule", "arn:aws:s3:::legacy-logs")).isFalse();
    assertThat(new Waiver(RULE, "arn:aws:s3:::a[1]", "r", DAY).matches(RULE, "arn:aws:s3:::a[1]")).isTrue();
  }
}
