package io.trailwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwarden.Json;
import io.trailwarden.TestFiles;
import io.trailwarden.aws.ClientFactory;
import io.trailwarden.demo.Seeder;
import io.trailwarden.emulator.ArticleOrganization;
import io.trailwarden.emulator.ArticleOrganization.Fault;
import io.trailwarden.emulator.DeniedAccounts;
import io.trailwarden.emulator.FaultProxy;
import io.trailwarden.emulator.FaultRuns;
import io.trailwarden.emulator.Moto;
import io.trailwarden.report.JunitSchemas;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code trailwarden scan} end to end against the emulator: the exact findings of each seeded organization. */
class ScanIT {
  @RegisterExtension static final Moto MOTO = new Moto();
  @TempDir Path temp;

  @AfterEach
  void allowEveryAccount() {
    System.clearProperty(DeniedAccounts.PROPERTY);
  }

  static ArticleOrganization.Seeded seed(Set<Fault> faults) {
    try (Seeder seeder = new Seeder(MOTO.endpoint())) {
      return ArticleOrganization.seed(seeder, faults);
    }
  }

  MainTest.Run scan(ArticleOrganization.Seeded seeded, String endpoint) throws Exception {
    Path config = temp.resolve("config.yaml");
    Files.writeString(config, FaultRuns.configFile(FaultRuns.articleConfig(seeded), endpoint));
    return MainTest.run("scan", "--config", config.toString(), "--output-dir", temp.resolve("reports").toString(),
        "--rules", TestFiles.rulesDir().toString());
  }

  /** "STATUS rule resource" for every finding that is not a PASS. */
  static Set<String> notPassing(Path reports) throws Exception {
    JsonNode report = Json.mapper().readTree(reports.resolve("trailwarden.json").toFile());
    Set<String> lines = new TreeSet<>();
    report.path("findings").forEach(f -> {
      if (!f.path("status").asText().equals("PASS")) {
        lines.add(f.path("status").asText() + " " + f.path("ruleId").asText() + " " + f.path("resource").asText());
      }
    });
    return lines;
  }

  @Test
  void theArticleOrganizationPasses() throws Exception {
    var seeded = seed(EnumSet.noneOf(Fault.class));
    MainTest.Run run = scan(seeded, MOTO.endpoint().toString());
    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.OK.code());
    assertThat(notPassing(temp.resolve("reports"))).isEmpty();
    assertThat(run.err()).contains("Collected 4 accounts x 2 regions: 1 trail, 1 bucket, 0 errors");
    assertThat(temp.resolve("reports/snapshot.json")).exists();
  }

  @Test
  void eachSeededFaultGivesItsFinding() throws Exception {
    var seeded = seed(EnumSet.allOf(Fault.class));
    MainTest.Run run = scan(seeded, MOTO.endpoint().toString());
    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.FAILURES.code());
    String accounts = "arn:aws:organizations::" + Seeder.MANAGEMENT_ACCOUNT + ":account/" + seeded.organizationId() + "/";
    String bucket = "arn:aws:s3:::" + ArticleOrganization.BUCKET;
    JunitSchemas.validateBoth(temp.resolve("reports/trailwarden-junit.xml"));
    assertThat(notPassing(temp.resolve("reports"))).containsExactlyInAnyOrder(
        "FAIL cloudtrail_org_trail_log_file_validation_enabled " + seeded.trailArn(),          // VALIDATION_OFF
        "FAIL cloudtrail_member_trails_no_conflict " + seeded.memberTrailArn().orElseThrow(),  // MEMBER_TRAIL_INTO_ORG_BUCKET
        "FAIL s3_log_bucket_policy_denies_object_deletion " + bucket,                          // NO_DENY_DELETE
        "FAIL s3_log_bucket_lifecycle_archives_logs " + bucket,                                // NO_LIFECYCLE
        // SCP_ON_ONE_OU_ONLY: every member account outside the Production OU is unprotected.
        "FAIL organizations_scp_protects_cloudtrail " + accounts + seeded.loggingAccount(),
        "FAIL organizations_scp_protects_cloudtrail " + accounts + seeded.developmentAccount(),
        "FAIL cloudwatch_alarm_route_table_changes " + seeded.trailArn(),                     // FILTER_NEAR_MISS
        "FAIL cloudwatch_alarm_root_usage " + seeded.trailArn(),                              // ALARM_WRONG_NAMESPACE
        "FAIL cloudwatch_alarm_iam_policy_changes " + seeded.trailArn(),                      // ALARM_ACTIONS_DISABLED
        "FAIL cloudwatch_alarm_config_changes " + seeded.trailArn(),                          // TOPIC_WITHOUT_SUBSCRIBER
        "FAIL cloudwatch_alarm_vpc_changes " + seeded.trailArn(),                             // FILTER_ON_OTHER_LOG_GROUP
        "FAIL securityhub_hub_enabled arn:aws:securityhub:eu-west-1:" + seeded.developmentAccount() + ":hub/default", // SECURITY_HUB_OFF
        "FAIL guardduty_enabled_organization_wide arn:aws:guardduty:eu-west-1:" + seeded.developmentAccount() + ":detector", // NO_DETECTOR
        "FAIL guardduty_enabled_organization_wide arn:aws:guardduty:us-east-1:" + seeded.productionAccount() + ":detector", // DETECTOR_SUSPENDED
        "FAIL guardduty_enabled_organization_wide arn:aws:guardduty:eu-west-1:" + Seeder.MANAGEMENT_ACCOUNT
            + ":organization-admin");                                                           // NO_GUARDDUTY_ADMINISTRATOR
  }

  @Test
  void aMemberAccountThatCannotBeReadMakesTheScanIncomplete() throws Exception {
    var seeded = seed(EnumSet.noneOf(Fault.class));
    System.setProperty(DeniedAccounts.PROPERTY, seeded.productionAccount());
    MainTest.Run run = scan(seeded, MOTO.endpoint().toString());
    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.INCOMPLETE.code());
    assertThat(run.err()).contains("could not read: sts AssumeRole in account " + seeded.productionAccount())
        .contains("AccessDenied").contains("--allow-partial");
    JsonNode report = Json.mapper().readTree(temp.resolve("reports/trailwarden.json").toFile());
    assertThat(report.path("collectionErrors").get(0).path("accountId").asText()).isEqualTo(seeded.productionAccount());
    String production = "arn:aws:organizations::" + Seeder.MANAGEMENT_ACCOUNT + ":account/" + seeded.organizationId() + "/"
        + seeded.productionAccount();
    // Its trails, and Security Hub and GuardDuty in each of its regions, are unknown: never "none".
    String account = seeded.productionAccount();
    assertThat(notPassing(temp.resolve("reports"))).containsExactlyInAnyOrder("UNKNOWN cloudtrail_member_trails_no_conflict " + production,
        "UNKNOWN securityhub_hub_enabled arn:aws:securityhub:eu-west-1:" + account + ":hub/default",
        "UNKNOWN securityhub_hub_enabled arn:aws:securityhub:us-east-1:" + account + ":hub/default",
        "UNKNOWN guardduty_enabled_organization_wide arn:aws:guardduty:eu-west-1:" + account + ":detector",
        "UNKNOWN guardduty_enabled_organization_wide arn:aws:guardduty:us-east-1:" + account + ":detector");
    assertThat(report.path("summary").path("incomplete").asBoolean()).isTrue();
    JunitSchemas.validateBoth(temp.resolve("reports/trailwarden-junit.xml"));
  }

  @Test
  void collectThenEvaluateGivesWhatScanGives() throws Exception {
    var seeded = seed(EnumSet.of(Fault.VALIDATION_OFF, Fault.NO_LIFECYCLE));
    assertThat(scan(seeded, MOTO.endpoint().toString()).exitCode()).isEqualTo(ExitCode.FAILURES.code());
    Set<String> fromScan = notPassing(temp.resolve("reports"));

    Path snapshot = temp.resolve("collected.json");
    MainTest.Run collect = MainTest.run("collect", "-o", snapshot.toString(), "--config", temp.resolve("config.yaml").toString());
    assertThat(collect.exitCode()).as(collect.err()).isEqualTo(ExitCode.OK.code());
    MainTest.Run evaluate = MainTest.run("evaluate", "--snapshot", snapshot.toString(), "--config", temp.resolve("config.yaml").toString(),
        "--output-dir", temp.resolve("offline").toString(), "--rules", TestFiles.rulesDir().toString());
    assertThat(evaluate.exitCode()).isEqualTo(ExitCode.FAILURES.code());
    assertThat(notPassing(temp.resolve("offline"))).isEqualTo(fromScan).hasSize(2);
  }

  @Test
  void unreachableAwsIsAnInputErrorNamingTheCall() throws Exception {
    var seeded = seed(EnumSet.noneOf(Fault.class));
    MainTest.Run run = scan(seeded, "http://127.0.0.1:9");
    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(run.err()).contains("sts GetCallerIdentity in us-east-1");
    assertThat(temp.resolve("reports/trailwarden.json")).doesNotExist();
  }

  /** Issue 13: a throttled GetCallerIdentity is a retryable failure (exit 3), not bad credentials (exit 2). */
  @Test
  void throttledCallerIdentityIsRetryableNotBadCredentials() throws Exception {
    var seeded = seed(EnumSet.noneOf(Fault.class));
    FaultProxy.Plan throttleAll = new FaultProxy.Plan(1, 1.0, java.util.List.of(FaultProxy.Kind.THROTTLE), Set.of(), Set.of());
    try (FaultProxy proxy = FaultProxy.start(MOTO.endpoint(), throttleAll, "emulator", Seeder.MANAGEMENT_ACCOUNT)) {
      MainTest.Run run = scan(seeded, proxy.endpoint().toString());
      assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.INCOMPLETE.code());
      assertThat(run.err()).contains("sts GetCallerIdentity in us-east-1 failed after " + ClientFactory.MAX_ATTEMPTS + " attempts")
          .contains("Throttling").contains("Run the scan again later").doesNotContain("credentials do not work");
      assertThat(proxy.requests()).as("every attempt reached AWS").isEqualTo(ClientFactory.MAX_ATTEMPTS);
    }
    assertThat(temp.resolve("reports/trailwarden.json")).doesNotExist();
  }
}
