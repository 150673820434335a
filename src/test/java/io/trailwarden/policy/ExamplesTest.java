package io.trailwarden.policy;

import io.trailwarden.scan.Evaluator;
import static org.assertj.core.api.Assertions.assertThat;

import io.trailwarden.TestFiles;
import io.trailwarden.config.Config;
import io.trailwarden.config.ConfigLoader;
import io.trailwarden.finding.Evaluation;
import io.trailwarden.finding.Finding;
import io.trailwarden.finding.Status;
import io.trailwarden.policy.Severity;
import io.trailwarden.snapshot.SnapshotIo;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The examples are the product's demonstration: every fault of misconfigured-org.json gives exactly its
 * finding and nothing else fails or is unknown, and compliant-org.json passes every rule. Real OPA, every
 * rule, the default configuration.
 */
class ExamplesTest {
  static final String TRAIL = "arn:aws:cloudtrail:us-east-1:111111111111:trail/acme-org-trail";
  static final String BUCKET = "arn:aws:s3:::acme-org-cloudtrail-logs";
  static final String DEV_TRAIL = "arn:aws:cloudtrail:eu-west-1:444444444444:trail/dev-debug-trail";
  static final String ACCOUNT = "arn:aws:organizations::111111111111:account/o-a1b2c3d4e5/";

  static Evaluation evaluate(String example) {
    try (RulesDirectory rules = RulesDirectory.resolve(Optional.of(TestFiles.rulesDir()), Map.of())) {
      Evaluator evaluator = new Evaluator(new PolicyEngine(PolicyEngineTest.opa(), rules), "test");
      return evaluator.evaluate(new SnapshotIo().read(TestFiles.example(example)),
          new ConfigLoader.Loaded(Config.defaults(), Path.of("config.yaml"), ""));
    }
  }

  static String integrity(String account) {
    return "cloudtrail_org_trail_log_integrity_verified | " + BUCKET + "/AWSLogs/o-a1b2c3d4e5/" + account
        + "/CloudTrail-Digest/us-east-1/ | FAIL";
  }

  /** "rule | resource | STATUS" for every finding that is not a PASS. */
  static Set<String> notPassing(Evaluation evaluation) {
    return evaluation.findings().stream().filter(f -> f.status() != Status.PASS)
        .map(f -> f.ruleId() + " | " + f.resource() + " | " + f.status())
        .collect(Collectors.toCollection(java.util.TreeSet::new));
  }

  @Test
  void eachFaultOfTheMisconfiguredOrganizationGivesExactlyItsFinding() {
    Evaluation evaluation = evaluate("misconfigured-org.json");
    assertThat(notPassing(evaluation)).filteredOn(f -> !f.startsWith("cloudwatch_alarm_")).containsExactlyInAnyOrder(
        "cloudtrail_member_trails_no_conflict | " + DEV_TRAIL + " | FAIL",
        "cloudtrail_org_trail_cloudwatch_logs_enabled | " + TRAIL + " | FAIL",
        "cloudtrail_org_trail_log_file_validation_enabled | " + TRAIL + " | FAIL",
        "cloudtrail_org_trail_multi_region_enabled | " + TRAIL + " | FAIL",
        "organizations_scp_protects_cloudtrail | " + ACCOUNT + "222222222222 | FAIL",
        "organizations_scp_protects_cloudtrail | " + ACCOUNT + "444444444444 | FAIL",
        "s3_log_bucket_lifecycle_archives_logs | " + BUCKET + " | FAIL",
        "s3_log_bucket_policy_allows_cloudtrail_write | " + BUCKET + " | FAIL",
        "s3_log_bucket_policy_denies_object_deletion | " + BUCKET + " | FAIL",
        // The security tools: Security Hub off in one place, a suspended detector, a region without an administrator.
        "securityhub_hub_enabled | arn:aws:securityhub:us-west-2:444444444444:hub/default | FAIL",
        "guardduty_enabled_organization_wide | arn:aws:guardduty:eu-west-1:444444444444:detector | FAIL",
        "guardduty_enabled_organization_wide | arn:aws:guardduty:us-west-2:111111111111:organization-admin | FAIL",
        // What scan --with-logs found: a refused StopLogging from development, root's own call in production.
        "cloudtrail_org_trail_no_tampering_attempts | " + ACCOUNT + "444444444444 | FAIL",
        "iam_root_user_not_used | " + ACCOUNT + "333333333333 | FAIL",
        // No validation, so no digests: every account's us-east-1 chain is empty.
        integrity("111111111111"), integrity("222222222222"), integrity("333333333333"), integrity("444444444444"));
    // ... plus every CIS monitoring control: a trail of one Region breaks the first link of each chain.
    assertThat(evaluation.findings()).filteredOn(f -> f.ruleId().startsWith("cloudwatch_alarm_"))
        .hasSize(15).allSatisfy(f -> {
          assertThat(f.status()).isEqualTo(Status.FAIL);
          assertThat(f.resource()).isEqualTo(TRAIL);
          assertThat(f.message()).isEqualTo("Organization trail acme-org-trail is not multi-Region, so events of other Regions never reach its log group.");
        });
    // The production account is covered by the SCP on its OU; it is judged, and passes.
    assertThat(evaluation.findings()).filteredOn(f -> f.resource().equals(ACCOUNT + "333333333333")
        && f.ruleId().equals("organizations_scp_protects_cloudtrail")).extracting(Finding::status).containsExactly(Status.PASS);
  }

  @Test
  void theExamplesHoldWhatTheParserMakesOfTheirPatterns() {
    for (String example : new String[] {"compliant-org.json", "misconfigured-org.json"}) {
      var snapshot = new SnapshotIo().read(TestFiles.example(example));
      snapshot.logGroups().values().forEach(group -> group.metricFilters().forEach(filter ->
          assertThat(filter.parsed()).as(example + " " + filter.name())
              .isEqualTo(io.trailwarden.collect.FilterPatternParser.parse(filter.pattern()))));
    }
  }

  @Test
  void theMisconfiguredFindingsSayWhatIsWrong() {
    Evaluation evaluation = evaluate("misconfigured-org.json");
    Finding retention = evaluation.findingsOf("cloudtrail_org_trail_cloudwatch_logs_enabled").get(0);
    assertThat(retention.message()).contains("keeps events 30 days, less than 365");
    assertThat(retention.fix()).hasValueSatisfying(fix -> assertThat(fix).startsWith("aws logs put-retention-policy"));

    Finding scp = evaluation.findingsOf("organizations_scp_protects_cloudtrail").stream()
        .filter(f -> f.resource().endsWith("444444444444")).findFirst().orElseThrow();
    assertThat(scp.message()).contains("cloudtrail:StopLogging").contains("OU Development (ou-ab12-d3v3l0p1)");

    Finding member = evaluation.findingsOf("cloudtrail_member_trails_no_conflict").stream()
        .filter(f -> f.status() == Status.FAIL).findFirst().orElseThrow();
    assertThat(member.severity()).isEqualTo(Severity.HIGH);
    assertThat(member.message()).contains("writes into the organization's log bucket acme-org-cloudtrail-logs");

    Finding attempt = evaluation.findingsOf("cloudtrail_org_trail_no_tampering_attempts").stream()
        .filter(f -> f.status() == Status.FAIL).findFirst().orElseThrow();
    assertThat(attempt.message()).contains("StopLogging of arn:aws:cloudtrail:us-east-1:111111111111:trail/acme-org-trail")
        .contains("by arn:aws:sts::444444444444:assumed-role/Developer/jdoe from 198.51.100.23 at 2026-11-22T14:07:31Z")
        .contains("refused (AccessDenied)");
  }

  @Test
  void theCompliantOrganizationPassesEveryRule() {
    Evaluation evaluation = evaluate("compliant-org.json");
    assertThat(notPassing(evaluation)).isEmpty();
    assertThat(evaluation.findings()).isNotEmpty().allSatisfy(f -> assertThat(f.status()).isEqualTo(Status.PASS));
    Set<String> judged = evaluation.findings().stream().map(Finding::ruleId).collect(Collectors.toSet());
    // Every rule but the member-trail rule (the compliant organization has no member trails) has a subject.
    assertThat(judged).hasSize(evaluation.rules().size() - 1).doesNotContain("cloudtrail_member_trails_no_conflict");
  }
}
