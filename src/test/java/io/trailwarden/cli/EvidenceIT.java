package io.trailwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwarden.Json;
import io.trailwarden.TestFiles;
import io.trailwarden.demo.Seeder;
import io.trailwarden.emulator.ArticleOrganization;
import io.trailwarden.emulator.ArticleOrganization.Fault;
import io.trailwarden.emulator.FaultRuns;
import io.trailwarden.emulator.Moto;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.TransitionStorageClass;

/**
 * Issue 12, Build 3, end to end on the emulator: a lifecycle rule counts only for the log objects its
 * filter can match, and a resource AWS says is gone is evidence (FAIL), not missing evidence.
 * (moto keeps no ObjectSize filters and never deletes a KMS key: those cases are opa tests.)
 */
class EvidenceIT {
  @RegisterExtension static final Moto MOTO = new Moto();
  @TempDir Path temp;

  private record Scanned(MainTest.Run run, JsonNode report, JsonNode snapshot) {
    Set<String> notPassing() {
      Set<String> lines = new TreeSet<>();
      report.path("findings").forEach(f -> {
        if (!f.path("status").asText().equals("PASS")) {
          lines.add(f.path("status").asText() + " " + f.path("ruleId").asText() + " " + f.path("resource").asText());
        }
      });
      return lines;
    }

    String message(String ruleId) {
      for (JsonNode f : report.path("findings")) {
        if (f.path("ruleId").asText().equals(ruleId) && !f.path("status").asText().equals("PASS")) {
          return f.toString();
        }
      }
      return "";
    }
  }

  private static ArticleOrganization.Seeded seed() {
    try (Seeder seeder = new Seeder(MOTO.endpoint())) {
      return ArticleOrganization.seed(seeder, EnumSet.noneOf(Fault.class));
    }
  }

  private Scanned scan(ArticleOrganization.Seeded seeded) throws Exception {
    Path config = temp.resolve("config.yaml");
    Files.writeString(config, FaultRuns.configFile(FaultRuns.articleConfig(seeded), MOTO.endpoint().toString()));
    MainTest.Run run = MainTest.run("scan", "--config", config.toString(), "--output-dir", temp.resolve("reports").toString(),
        "--rules", TestFiles.rulesDir().toString());
    return new Scanned(run, Json.mapper().readTree(temp.resolve("reports/trailwarden.json").toFile()),
        Json.mapper().readTree(temp.resolve("reports/snapshot.json").toFile()));
  }

  private static void lifecycle(ArticleOrganization.Seeded seeded, List<LifecycleRule> rules) {
    try (Seeder seeder = new Seeder(MOTO.endpoint())) {
      seeder.s3(seeded.loggingAccount()).putBucketLifecycleConfiguration(r -> r.bucket(ArticleOrganization.BUCKET)
          .lifecycleConfiguration(c -> c.rules(rules)));
    }
  }

  private static LifecycleRule.Builder archiving(String id) {
    return LifecycleRule.builder().id(id).status(ExpirationStatus.ENABLED)
        .transitions(t -> t.days(30).storageClass(TransitionStorageClass.GLACIER));
  }

  @Test
  void tagFilteredLifecycleRulesDoNotArchiveCloudTrailsUntaggedLogs() throws Exception {
    var seeded = seed();
    lifecycle(seeded, List.of(
        archiving("by-tag").filter(f -> f.tag(t -> t.key("archive").value("yes"))).build(),
        archiving("prefix-and-tags").filter(f -> f.and(a -> a.prefix("AWSLogs/").tags(t -> t.key("class").value("logs")))).build()));
    Scanned scanned = scan(seeded);
    assertThat(scanned.run().exitCode()).as(scanned.run().err()).isEqualTo(ExitCode.FAILURES.code());
    assertThat(scanned.notPassing()).containsExactly("FAIL s3_log_bucket_lifecycle_archives_logs arn:aws:s3:::" + ArticleOrganization.BUCKET);
    assertThat(scanned.message("s3_log_bucket_lifecycle_archives_logs"))
        .contains("rule by-tag filters on tags archive, which CloudTrail does not set on log objects")
        .contains("rule prefix-and-tags filters on tags class");
    JsonNode rules = scanned.snapshot().path("buckets").path(ArticleOrganization.BUCKET).path("lifecycleRules");
    assertThat(rules.get(1).path("prefix").asText()).isEqualTo("AWSLogs/");
    assertThat(rules.get(1).path("tags").path("class").asText()).isEqualTo("logs");
  }

  @Test
  void aTagFilteredRuleThatExpiresEarlyDeletesNoLogs() throws Exception {
    var seeded = seed();
    lifecycle(seeded, List.of(
        archiving("archive-cloudtrail-logs").filter(f -> f.prefix("AWSLogs/")).build(),
        LifecycleRule.builder().id("scratch").status(ExpirationStatus.ENABLED)
            .filter(f -> f.tag(t -> t.key("scratch").value("true"))).expiration(e -> e.days(1)).build()));
    Scanned scanned = scan(seeded);
    assertThat(scanned.run().exitCode()).as(scanned.run().err()).isEqualTo(ExitCode.OK.code());
    assertThat(scanned.notPassing()).isEmpty();
  }

  @Test
  void aDeletedLogGroupFailsAndIsNoMissingEvidence() throws Exception {
    var seeded = seed();
    try (Seeder seeder = new Seeder(MOTO.endpoint())) {
      seeder.logs(Seeder.MANAGEMENT_ACCOUNT, Seeder.HOME_REGION).deleteLogGroup(r -> r.logGroupName("acme-cloudtrail"));
    }
    Scanned scanned = scan(seeded);
    assertThat(scanned.run().exitCode()).as(scanned.run().err()).isEqualTo(ExitCode.FAILURES.code());
    assertThat(scanned.run().err()).contains(", 0 errors");
    assertThat(scanned.notPassing()).contains("FAIL cloudtrail_org_trail_cloudwatch_logs_enabled " + seeded.trailArn())
        .contains("FAIL cloudwatch_alarm_root_usage " + seeded.trailArn())
        .noneMatch(line -> line.startsWith("UNKNOWN"));
    assertThat(scanned.message("cloudtrail_org_trail_cloudwatch_logs_enabled")).contains("does not exist");
    assertThat(scanned.snapshot().path("absent")).singleElement().satisfies(a -> {
      assertThat(a.path("resource").asText()).isEqualTo(seeded.logGroupArn());
      assertThat(a.path("code").asText()).isEqualTo("ResourceNotFoundException");
    });
    assertThat(scanned.report().path("summary").path("incomplete").asBoolean()).isFalse();
  }

  @Test
  void aDeletedLogBucketFailsEveryBucketRule() throws Exception {
    var seeded = seed();
    try (Seeder seeder = new Seeder(MOTO.endpoint())) {
      seeder.s3(seeded.loggingAccount()).deleteBucket(r -> r.bucket(ArticleOrganization.BUCKET));
    }
    Scanned scanned = scan(seeded);
    String bucket = "arn:aws:s3:::" + ArticleOrganization.BUCKET;
    assertThat(scanned.run().exitCode()).as(scanned.run().err()).isEqualTo(ExitCode.FAILURES.code());
    assertThat(scanned.notPassing()).contains(
        "FAIL s3_log_bucket_policy_allows_cloudtrail_write " + bucket,
        "FAIL s3_log_bucket_lifecycle_archives_logs " + bucket,
        "FAIL s3_log_bucket_versioning_enabled " + bucket,
        "FAIL cloudtrail_org_trail_bucket_in_logging_account " + seeded.trailArn())
        .noneMatch(line -> line.startsWith("UNKNOWN"));
    assertThat(scanned.message("s3_log_bucket_encrypted")).contains("does not exist").contains("NoSuchBucket");
    assertThat(scanned.snapshot().path("absent")).singleElement()
        .satisfies(a -> assertThat(a.path("resource").asText()).isEqualTo(ArticleOrganization.BUCKET));
    assertThat(scanned.snapshot().path("errors")).isEmpty();
  }
}
