package io.trailwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwarden.TestFiles;
import io.trailwarden.report.JunitSchemas;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code trailwarden demo}: starts its own emulator, builds Northwind Capital and finds its faults. */
class DemoIT {
  @Test
  void findsTheDemoFaults(@TempDir Path temp) throws Exception {
    Path reports = temp.resolve("reports");
    MainTest.Run run = MainTest.run("demo", "--output-dir", reports.toString(), "--rules", TestFiles.rulesDir().toString());
    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.FAILURES.code());
    assertThat(run.out()).contains("Northwind Capital, 15 accounts").contains("Reports: ");
    assertThat(run.err()).contains("Collected 15 accounts x 3 regions: 2 trails, 1 bucket, 0 errors");
    String trail = "arn:aws:cloudtrail:us-east-1:123456789012:trail/northwind-org-trail";
    String bucket = "arn:aws:s3:::northwind-org-cloudtrail-logs";
    var findings = ScanIT.notPassing(reports);
    assertThat(findings).contains(
        "FAIL cloudtrail_org_trail_log_file_validation_enabled " + trail,
        "FAIL cloudtrail_org_trail_cloudwatch_logs_enabled " + trail,
        "FAIL s3_log_bucket_policy_allows_cloudtrail_write " + bucket,
        "FAIL s3_log_bucket_policy_denies_object_deletion " + bucket);
    assertThat(findings).filteredOn(f -> f.startsWith("FAIL cloudtrail_member_trails_no_conflict ")).singleElement()
        .asString().endsWith(":trail/lending-debug");
    // The SCP protecting CloudTrail is on the prod OU only: the nine member accounts outside it are unprotected.
    assertThat(findings).filteredOn(f -> f.startsWith("FAIL organizations_scp_protects_cloudtrail ")).hasSize(9);
    // A few CIS alarms are missing: each fails at the link the demo broke.
    assertThat(findings).contains(
        "FAIL cloudwatch_alarm_root_usage " + trail,
        "FAIL cloudwatch_alarm_route_table_changes " + trail,
        "FAIL cloudwatch_alarm_console_auth_failures " + trail,
        "FAIL cloudwatch_alarm_organizations_changes " + trail);
    // The security tools' gaps: Security Hub never enabled in one place, a detector missing and one suspended.
    assertThat(findings).filteredOn(f -> f.startsWith("FAIL securityhub_hub_enabled ")).singleElement().asString()
        .matches("FAIL securityhub_hub_enabled arn:aws:securityhub:us-west-2:[0-9]{12}:hub/default");
    assertThat(findings).filteredOn(f -> f.startsWith("FAIL guardduty_enabled_organization_wide ")).hasSize(2)
        .anyMatch(f -> f.matches(".*arn:aws:guardduty:us-west-2:[0-9]{12}:detector"))
        .anyMatch(f -> f.matches(".*arn:aws:guardduty:eu-west-1:[0-9]{12}:detector"));
    assertThat(findings).hasSize(21);
    assertThat(reports.resolve("snapshot.json")).exists();
    assertThat(reports.resolve("trailwarden.sarif")).exists();
    JunitSchemas.validateBoth(reports.resolve("trailwarden-junit.xml"));
    // The investigations over the delivered logs: two cross-account assumptions (not the one within
    // payments-prod) and two refused tamper attempts (not lending-dev stopping its own debug trail).
    String investigated = run.out().substring(run.out().indexOf("Investigate: "));
    assertThat(investigated).contains("trailwarden logs query cross_account_assume_role", "role/SecurityAudit",
        "role/OrganizationAccountAccessRole", "trailwarden logs query audit_log_tampering", "StopLogging",
        "PutBucketLifecycle").doesNotContain("role/ReadOnly", "lending-debug");
    assertThat(investigated.split("\\(2 rows\\)", -1)).hasSize(3);
    // Athena: the table's DDL, and the first investigation through the Athena client, labelled emulated.
    assertThat(reports.resolve("logs-verify/athena-table.sql")).content().startsWith("CREATE EXTERNAL TABLE IF NOT EXISTS "
        + "`default`.`trailwarden_events` (").contains("'storage.location.template' = 's3://northwind-org-cloudtrail-logs/AWSLogs/o-");
    String athena = investigated.substring(investigated.indexOf("Amazon Athena: "));
    assertThat(athena).contains("trailwarden logs query cross_account_assume_role --engine athena --format csv",
        "EMULATED: moto runs no SQL", "role/SecurityAudit", "role/OrganizationAccountAccessRole");
    // What scan --with-logs makes of the same logs: the refused StopLogging logged in payments-prod and the refused
    // lifecycle change logged in the logging account; lending-dev's root user making an access key.
    assertThat(run.out()).contains("Findings from the logs, as scan --with-logs judges them");
    assertThat(ScanIT.notPassing(reports.resolve("logs-activity"))).hasSize(3)
        .filteredOn(f -> f.startsWith("FAIL cloudtrail_org_trail_no_tampering_attempts ")).hasSize(2);
    assertThat(ScanIT.notPassing(reports.resolve("logs-activity")))
        .filteredOn(f -> f.startsWith("FAIL iam_root_user_not_used ")).hasSize(1);
  }

  @Test
  void fixLeavesOnlyWhatNeedsAPerson(@TempDir Path temp) throws Exception {
    Path reports = temp.resolve("reports");
    MainTest.Run run = MainTest.run("demo", "--fix", "--output-dir", reports.toString(), "--rules",
        TestFiles.rulesDir().toString());
    // The member account's trail is its team's to change, so the rescan still fails on it.
    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.FAILURES.code());
    assertThat(run.out()).contains("Remediation plan").contains("[11/11]").contains("17 of 17 finding(s) the plan fixes now pass")
        .contains("Failures: 21 before, 4 after");
    // What is left needs a person: the member account's trail, and the security tools, which TrailWarden does not enable.
    assertThat(ScanIT.notPassing(reports)).hasSize(4).filteredOn(f -> f.startsWith("FAIL cloudtrail_member_trails_no_conflict "))
        .singleElement().asString().endsWith(":trail/lending-debug");
    assertThat(ScanIT.notPassing(reports)).filteredOn(f -> f.startsWith("FAIL securityhub_hub_enabled ")
        || f.startsWith("FAIL guardduty_enabled_organization_wide ")).hasSize(3);
    JunitSchemas.validateBoth(reports.resolve("trailwarden-junit.xml"));
    var journal = io.trailwarden.remediate.Journal.read(reports.resolve("remediation-journal.jsonl"));
    assertThat(journal).extracting(io.trailwarden.remediate.Journal.Entry::event)
        .filteredOn(e -> e == io.trailwarden.remediate.Journal.Event.APPLIED).hasSize(11);
  }
}
