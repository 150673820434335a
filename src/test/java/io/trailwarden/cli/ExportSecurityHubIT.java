package io.trailwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.NullNode;
import io.trailwarden.Json;
import io.trailwarden.emulator.Moto;
import io.trailwarden.finding.Evaluation;
import io.trailwarden.finding.Finding;
import io.trailwarden.finding.Status;
import io.trailwarden.policy.RuleMetadata;
import io.trailwarden.policy.Severity;
import io.trailwarden.report.AsffFindings;
import io.trailwarden.report.JsonReporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.securityhub.SecurityHubClient;
import software.amazon.awssdk.services.securityhub.model.AwsSecurityFinding;
import software.amazon.awssdk.services.securityhub.model.RecordState;

/**
 * {@code trailwarden export securityhub} against the emulator: import, re-import (updated, not
 * duplicated), and archive what a later report fixed or no longer has.
 *
 * <p>moto 5.2.5 stores findings by Id and returns all of them from GetFindings: it ignores Filters and
 * SortCriteria (so the export re-checks ProductArn and the Id prefix itself), does not need the hub
 * enabled, validates only that Resources is non-empty, has no BatchUpdateFindings, and enforces no
 * 100-finding batch limit — the batch size is checked here by counting calls instead.
 */
class ExportSecurityHubIT {
  @RegisterExtension static final Moto MOTO = new Moto();
  static final String ACCOUNT = "123456789012";
  static final String REGION = "eu-west-1";
  static final String RULE = "cloudtrail_org_trail_log_file_validation_enabled";
  static final Instant FIRST = Instant.parse("2026-11-23T06:00:00Z");

  @TempDir Path temp;
  SecurityHubClient hub;

  @BeforeEach
  void enableSecurityHub() {
    hub = SecurityHubClient.builder().endpointOverride(MOTO.endpoint()).region(Region.of(REGION))
        .credentialsProvider(DefaultCredentialsProvider.builder().build()).build();
    hub.enableSecurityHub(r -> r.enableDefaultStandards(false));
  }

  @AfterEach
  void close() {
    hub.close();
  }

  /** 150 trails of one organization: trail-000..049 fail, the rest pass (so two import calls). */
  static List<Finding> findings(int count, int failing) {
    List<Finding> findings = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String arn = "arn:aws:cloudtrail:eu-west-1:" + ACCOUNT + ":trail/trail-%03d".formatted(i);
      Status status = i < failing ? Status.FAIL : Status.PASS;
      findings.add(new Finding(RULE, status, Severity.HIGH, arn, ACCOUNT, "eu-west-1",
          status == Status.FAIL ? "Trail trail-%03d does not validate log files.".formatted(i) : "",
          NullNode.getInstance(), Optional.empty(), Optional.empty(), Finding.fingerprint(RULE, arn)));
    }
    return findings;
  }

  Path report(String name, Instant collectedAt, List<Finding> findings) throws Exception {
    RuleMetadata rule = new RuleMetadata(RULE, "The organization trail validates log file integrity", "Digest files.",
        Severity.HIGH, "Enable log file integrity validation.", Optional.of("EnableLogFileValidation"), Optional.empty(),
        new TreeMap<>(Map.of("cis-aws-foundations-3.0", List.of("3.2"), "aws-security-hub", List.of("CloudTrail.4"))),
        Json.mapper().createObjectNode(), List.of(), "rules/cloudtrail/" + RULE + ".rego");
    Evaluation evaluation = new Evaluation("0.1.0", collectedAt, ACCOUNT, Optional.of("o-a1b2c3d4e5"), List.of(rule),
        findings, List.of(), List.of());
    Path file = temp.resolve(name);
    Files.writeString(file, new JsonReporter().render(evaluation));
    return file;
  }

  MainTest.Run export(Path report) {
    return MainTest.run("export", "securityhub", report.toString(), "--endpoint", MOTO.endpoint().toString(),
        "--region", REGION, "--config", writeConfig().toString());
  }

  Path writeConfig() {
    Path config = temp.resolve("config.yaml");
    try {
      Files.writeString(config, "version: 1\norganization:\n  homeRegion: us-east-1\n");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return config;
  }

  List<AwsSecurityFinding> all() {
    return hub.getFindingsPaginator(r -> r.maxResults(100)).findings().stream().toList();
  }

  static long count(List<AwsSecurityFinding> findings, Predicate<AwsSecurityFinding> test) {
    return findings.stream().filter(test).count();
  }

  @Test
  void importsUpdatesAndArchives() throws Exception {
    String productArn = AsffFindings.productArn("aws", REGION, ACCOUNT);
    MainTest.Run first = export(report("first.json", FIRST, findings(150, 50)));
    assertThat(first.exitCode()).as(first.out() + first.err()).isEqualTo(ExitCode.OK.code());
    assertThat(first.err()).contains("150 findings imported, 0 archived, 2 BatchImportFindings calls, 0 failed");

    List<AwsSecurityFinding> afterFirst = all();
    assertThat(afterFirst).hasSize(150);
    assertThat(afterFirst).allSatisfy(f -> {
      assertThat(f.productArn()).isEqualTo(productArn);
      assertThat(f.id()).startsWith(AsffFindings.idPrefix(productArn, ACCOUNT));
      assertThat(f.generatorId()).isEqualTo(RULE);
    });
    assertThat(count(afterFirst, f -> f.recordState() == RecordState.ACTIVE)).isEqualTo(50);
    assertThat(count(afterFirst, f -> f.recordState() == RecordState.ARCHIVED)).isEqualTo(100);
    assertThat(count(afterFirst, f -> "FAILED".equals(f.compliance().statusAsString()))).isEqualTo(50);

    // The same report again: updated in place, nothing new, nothing archived.
    MainTest.Run second = export(report("second.json", FIRST.plusSeconds(3600), findings(150, 50)));
    assertThat(second.exitCode()).as(second.out() + second.err()).isEqualTo(ExitCode.OK.code());
    assertThat(second.err()).contains("150 findings imported, 0 archived");
    List<AwsSecurityFinding> afterSecond = all();
    assertThat(afterSecond).hasSize(150);
    assertThat(afterSecond).allSatisfy(f -> {
      assertThat(f.updatedAt()).isEqualTo(FIRST.plusSeconds(3600).toString());
      assertThat(f.createdAt()).as("first seen is kept").isEqualTo(FIRST.toString());
    });

    // trail-000 is fixed (now PASS) and trail-001 is gone from the report (deleted trail): both archived.
    List<Finding> third = new ArrayList<>(findings(150, 50));
    Finding fixed = findings(150, 0).get(0);
    third.set(0, fixed);
    Finding gone = third.remove(1);
    MainTest.Run run = export(report("third.json", FIRST.plusSeconds(7200), third));
    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.OK.code());
    assertThat(run.err()).contains("149 findings imported, 1 archived");
    List<AwsSecurityFinding> afterThird = all();
    assertThat(afterThird).hasSize(150);
    assertThat(count(afterThird, f -> f.recordState() == RecordState.ACTIVE)).isEqualTo(48);
    AwsSecurityFinding fixedInHub = byFingerprint(afterThird, fixed.fingerprint());
    assertThat(fixedInHub.recordState()).isEqualTo(RecordState.ARCHIVED);
    assertThat(fixedInHub.compliance().statusAsString()).isEqualTo("PASSED");
    AwsSecurityFinding goneInHub = byFingerprint(afterThird, gone.fingerprint());
    assertThat(goneInHub.recordState()).isEqualTo(RecordState.ARCHIVED);
    assertThat(goneInHub.updatedAt()).isEqualTo(FIRST.plusSeconds(7200).toString());
  }

  @Test
  void findingsOfOtherProductsAndOrganizationsAreLeftAlone() throws Exception {
    // Another tool's finding in the same hub (moto returns it from GetFindings whatever the filter).
    hub.batchImportFindings(r -> r.findings(AwsSecurityFinding.builder().schemaVersion("2018-10-08").id("other-1")
        .productArn("arn:aws:securityhub:eu-west-1::product/aws/guardduty").generatorId("x").awsAccountId(ACCOUNT)
        .types("Software and Configuration Checks").createdAt(FIRST.toString()).updatedAt(FIRST.toString())
        .severity(s -> s.label("LOW")).title("t").description("d").recordState(RecordState.ACTIVE)
        .resources(res -> res.type("Other").id("x")).build()));
    MainTest.Run run = export(report("first.json", FIRST, findings(3, 3)));
    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.OK.code());
    assertThat(run.err()).contains("3 findings imported, 0 archived");
    assertThat(all()).filteredOn(f -> f.id().equals("other-1")).singleElement()
        .satisfies(f -> assertThat(f.recordState()).isEqualTo(RecordState.ACTIVE));
  }

  @Test
  void aTruncatedReportIsAnInputErrorNamingTheFile() throws Exception {
    Path good = report("good.json", FIRST, findings(3, 1));
    Path truncated = temp.resolve("truncated.json");
    String text = Files.readString(good);
    Files.writeString(truncated, text.substring(0, text.length() / 2));
    MainTest.Run run = export(truncated);
    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(run.err()).contains(truncated.toString()).contains("truncated");
    assertThat(all()).isEmpty();
  }

  static AwsSecurityFinding byFingerprint(List<AwsSecurityFinding> findings, String fingerprint) {
    return findings.stream().filter(f -> f.id().endsWith("/" + fingerprint)).findFirst().orElseThrow();
  }
}
