package io.trailwarden.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trailwarden.InvalidInputException;
import io.trailwarden.TestFiles;
import io.trailwarden.policy.Severity;
import io.trailwarden.snapshot.SnapshotIo;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real OPA binary (OPA_PATH, set by the Maven build after scripts/opa.sh). */
class PolicyEngineTest {
  static Opa opa() {
    return Opa.locate(System.getenv(), new PrintWriter(new StringWriter()));
  }

  static PolicyEngine engine(Path rules) {
    return new PolicyEngine(opa(), RulesDirectory.resolve(Optional.of(rules), Map.of()));
  }

  static String snapshot(String example) {
    SnapshotIo io = new SnapshotIo();
    return io.toJson(io.read(TestFiles.example(example)));
  }

  @Test
  void theBinaryIsThePinnedVersion() {
    assertThat(opa().version()).isEqualTo(Opa.pinnedVersion()).startsWith("1.");
  }

  @Test
  void missingOpaSaysHowToInstallIt() {
    assertThatThrownBy(() -> Opa.locate(Map.of("PATH", "/nonexistent"), new PrintWriter(new StringWriter())))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("was not found")
        .hasMessageContaining("scripts/opa.sh");
  }

  @Test
  void catalogueReadsTheMetadata() {
    Catalogue catalogue = engine(TestFiles.rulesDir()).catalogue();
    assertThat(catalogue.ids()).contains(
        "cloudtrail_org_trail_exists",
        "cloudtrail_org_trail_multi_region_enabled",
        "cloudtrail_org_trail_logging",
        "cloudtrail_org_trail_log_file_validation_enabled",
        "s3_log_bucket_policy_allows_cloudtrail_acl_check",
        "s3_log_bucket_policy_allows_cloudtrail_write");
    RuleMetadata validation = catalogue.find("cloudtrail_org_trail_log_file_validation_enabled").orElseThrow();
    assertThat(validation.severity()).isEqualTo(Severity.HIGH);
    assertThat(validation.frameworks()).containsEntry("cis-aws-foundations-3.0", List.of("3.2"))
        .containsEntry("aws-security-hub", List.of("CloudTrail.4"));
    assertThat(validation.references()).isNotEmpty();
    assertThat(validation.file()).isEqualTo("rules/cloudtrail/cloudtrail_org_trail_log_file_validation_enabled.rego");
  }

  @Test
  void theEmbeddedRulesMatchTheSourceRules() {
    try (RulesDirectory embedded = RulesDirectory.resolve(Optional.empty(), Map.of())) {
      Catalogue fromJar = new PolicyEngine(opa(), embedded).catalogue();
      assertThat(fromJar).isEqualTo(engine(TestFiles.rulesDir()).catalogue());
      assertThat(embedded.policyFiles()).noneMatch(p -> p.toString().endsWith("_test.rego"));
    }
  }

  @Test
  void evaluatesEveryRuleInOneRun() {
    PolicyEngine engine = engine(TestFiles.rulesDir());
    List<String> ids = engine.catalogue().ids();
    List<RuleResult> results = engine.evaluate(snapshot("misconfigured-org.json"), Map.of(), ids);
    assertThat(results).extracting(RuleResult::ruleId).containsExactlyElementsOf(ids);
    assertThat(results).filteredOn(r -> !r.deny().isEmpty() && !r.ruleId().startsWith("cloudwatch_alarm_"))
        .extracting(RuleResult::ruleId).containsExactlyInAnyOrder(
        "cloudtrail_member_trails_no_conflict",
        "cloudtrail_org_trail_cloudwatch_logs_enabled",
        "cloudtrail_org_trail_log_file_validation_enabled",
        "cloudtrail_org_trail_log_integrity_verified",
        "cloudtrail_org_trail_multi_region_enabled",
        "cloudtrail_org_trail_no_tampering_attempts",
        "iam_root_user_not_used",
        "organizations_scp_protects_cloudtrail",
        "s3_log_bucket_lifecycle_archives_logs",
        "s3_log_bucket_policy_allows_cloudtrail_write",
        "s3_log_bucket_policy_denies_object_deletion",
        "securityhub_hub_enabled",
        "guardduty_enabled_organization_wide");
    assertThat(results).allSatisfy(r -> assertThat(r.subjects()).isNotEmpty());

    List<RuleResult> compliant = engine.evaluate(snapshot("compliant-org.json"), Map.of(), ids);
    assertThat(compliant).allSatisfy(r -> {
      assertThat(r.deny()).isEmpty();
      assertThat(r.unknown()).isEmpty();
    });
  }

  @Test
  void aRegoSyntaxErrorNamesFileAndLine(@TempDir Path temp) throws Exception {
    Path rules = TestFiles.copyOfRules(temp);
    Path rule = rules.resolve("cloudtrail/cloudtrail_org_trail_logging.rego");
    Files.writeString(rule, Files.readString(rule).replace("some trail in snapshot.org_trails\n\ttrail.status.isLogging != true",
        "some trail in snapshot.org_trails\n\ttrail.status.isLogging != true {"));
    assertThatThrownBy(() -> engine(rules).catalogue())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("rules/cloudtrail/cloudtrail_org_trail_logging.rego:");
  }

  @Test
  void aRegoTypeErrorInEvaluationNamesFileLineAndColumn(@TempDir Path temp) throws Exception {
    Path rules = TestFiles.copyOfRules(temp);
    Files.writeString(rules.resolve("cloudtrail/extra.rego"), "package trailwarden.lib.extra\n\nx := count(5)\n");
    assertThatThrownBy(() -> engine(rules).evaluate(snapshot("compliant-org.json"), Map.of(), List.of("cloudtrail_org_trail_exists")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("rules/cloudtrail/extra.rego:3:")
        .hasMessageContaining("rego_type_error");
  }

  @Test
  void aRulePackageWithoutMetadataIsRejected(@TempDir Path temp) throws Exception {
    Path rules = TestFiles.copyOfRules(temp);
    Files.writeString(rules.resolve("cloudtrail/cloudtrail_bare.rego"), "package trailwarden.rules.cloudtrail_bare\n\ndeny := set()\n");
    assertThatThrownBy(() -> engine(rules).catalogue())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("rules/cloudtrail/cloudtrail_bare.rego")
        .hasMessageContaining("has no # METADATA");
  }

  @Test
  void metadataMustAgreeWithPackageAndFile(@TempDir Path temp) throws Exception {
    Path rules = TestFiles.copyOfRules(temp);
    Path rule = rules.resolve("cloudtrail/cloudtrail_org_trail_logging.rego");
    Files.writeString(rule, Files.readString(rule).replace("#   id: cloudtrail_org_trail_logging", "#   id: cloudtrail_logging"));
    assertThatThrownBy(() -> engine(rules).catalogue())
        .hasMessageContaining("rules/cloudtrail/cloudtrail_org_trail_logging.rego:")
        .hasMessageContaining("custom.id cloudtrail_logging differs from the package segment cloudtrail_org_trail_logging");
  }

  @Test
  void anAbandonedEvaluationStopsOpaWhileItReadsItsInput() {
    PolicyEngine engine = engine(TestFiles.rulesDir());
    CompletableFuture<Void> abandoned = new CompletableFuture<>();
    // The input never ends on its own: only OPA's being stopped ends the writing, with a broken pipe.
    PolicyEngine.SnapshotJson endless = out -> {
      out.write("{\"schemaVersion\": 1, \"pad\": \"");
      out.flush();
      abandoned.complete(null);
      while (true) {
        out.write(" ".repeat(4096));
        out.flush();
      }
    };
    assertThatThrownBy(() -> engine.evaluate(endless, Map.of(), List.of("cloudtrail_org_trail_exists"), abandoned))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aRuleLackingASetIsReported(@TempDir Path temp) throws Exception {
    Path rules = TestFiles.copyOfRules(temp);
    Path rule = rules.resolve("cloudtrail/cloudtrail_org_trail_multi_region_enabled.rego");
    Files.writeString(rule, Files.readString(rule).replace("unknown contains snapshot.unseen_org_trail(\"whether it records every region\")", ""));
    PolicyEngine engine = engine(rules);
    assertThatThrownBy(() -> engine.evaluate(snapshot("compliant-org.json"), Map.of(), List.of("cloudtrail_org_trail_multi_region_enabled")))
        .hasMessageContaining("rule cloudtrail_org_trail_multi_region_enabled must define the sets subjects, deny and unknown");
  }

  @Test
  void paramsReachTheRulesAsData(@TempDir Path temp) throws Exception {
    Path rules = TestFiles.copyOfRules(temp);
    Files.writeString(rules.resolve("cloudtrail/cloudtrail_param_probe.rego"), """
        # METADATA
        # title: A probe of rule parameters
        # description: Reports the parameter it was given.
        # custom:
        #   id: cloudtrail_param_probe
        #   severity: low
        #   remediation: None.
        #   params: {days: 1}
        package trailwarden.rules.cloudtrail_param_probe

        subjects contains {"resource": "arn:aws:cloudtrail:us-east-1:111111111111:trail/p"}

        deny contains {"resource": "arn:aws:cloudtrail:us-east-1:111111111111:trail/p", "message": sprintf("%v", [data.trailwarden.params.cloudtrail_param_probe.days])}

        unknown := set()
        """);
    var result = engine(rules).evaluate(snapshot("compliant-org.json"),
        Map.of("cloudtrail_param_probe", io.trailwarden.Json.mapper().readTree("{\"days\": 42}")), List.of("cloudtrail_param_probe"));
    assertThat(result.get(0).deny()).singleElement().satisfies(v -> assertThat(v.message()).contains("42"));
  }
}
