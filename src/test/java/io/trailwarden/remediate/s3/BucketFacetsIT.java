package io.trailwarden.remediate.s3;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwarden.demo.Seeder;
import io.trailwarden.emulator.Moto;
import io.trailwarden.remediate.FacetRoundTrip;
import io.trailwarden.remediate.facet.BucketEncryption;
import io.trailwarden.remediate.facet.BucketExistence;
import io.trailwarden.remediate.facet.BucketLifecycle;
import io.trailwarden.remediate.facet.BucketLogging;
import io.trailwarden.remediate.facet.BucketPolicy;
import io.trailwarden.remediate.facet.BucketPublicAccessBlock;
import io.trailwarden.remediate.facet.BucketVersioning;
import io.trailwarden.remediate.facet.Documents;
import io.trailwarden.remediate.facet.Target;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.LifecycleRule;

/** Every bucket facet keeps the round-trip contract on the emulator; the lifecycle facet keeps what its document cannot show. */
class BucketFacetsIT {
  @RegisterExtension static final Moto MOTO = new Moto();

  static final String ACCOUNT = Seeder.MANAGEMENT_ACCOUNT;
  static final String ORG = "o-abc123";
  static final String TRAIL = "arn:aws:cloudtrail:us-east-1:" + ACCOUNT + ":trail/org";

  static Target target(String name) {
    return Target.bucket(ACCOUNT, Seeder.HOME_REGION, name);
  }

  /** A bare bucket: no policy, no block, never versioned. */
  static S3Client bare(FacetRoundTrip roundTrip, String name) {
    S3Client s3 = roundTrip.clients().s3(ACCOUNT, Seeder.HOME_REGION);
    s3.createBucket(r -> r.bucket(name));
    return s3;
  }

  @Test
  void createsABucketFromNothingAndDeletesItOnRollback() {
    try (FacetRoundTrip roundTrip = new FacetRoundTrip(MOTO.endpoint())) {
      assertThat(roundTrip.read(BucketExistence.FACET, target("fresh-logs")).isNull()).isTrue();
      roundTrip.check(BucketExistence.FACET, target("fresh-logs"), none -> BucketExistence.document("fresh-logs", "us-east-1"));
      Target west = Target.bucket(ACCOUNT, "eu-west-1", "fresh-logs-west");
      roundTrip.check(BucketExistence.FACET, west, none -> BucketExistence.document("fresh-logs-west", "eu-west-1"));
    }
  }

  @Test
  void policyFromNothingThenMergedIntoAnExistingOne() {
    try (FacetRoundTrip roundTrip = new FacetRoundTrip(MOTO.endpoint())) {
      bare(roundTrip, "policy-logs");
      JsonNode whole = roundTrip.check(BucketPolicy.FACET, target("policy-logs"),
          p -> CloudTrailBucketStatements.withCloudTrailStatements(p, "policy-logs", ACCOUNT, ORG, List.of(TRAIL)));
      assertThat(PolicyMatch.statements(whole)).hasSize(4);
      // From an existing policy: the rollback puts the old policy back, exactly.
      String existing = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Auditors\",\"Effect\":\"Allow\","
          + "\"Principal\":{\"AWS\":\"arn:aws:iam::" + ACCOUNT + ":root\"},\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::policy-logs/*\"}]}";
      roundTrip.clients().s3(ACCOUNT, Seeder.HOME_REGION).putBucketPolicy(r -> r.bucket("policy-logs").policy(existing));
      JsonNode merged = roundTrip.check(BucketPolicy.FACET, target("policy-logs"), p -> CloudTrailBucketStatements.withDenyInsecureTransport(
          p, "policy-logs", PolicyMatch.ordinary(ACCOUNT, "us-east-1", ORG, true)));
      assertThat(PolicyMatch.statements(merged).get(0).path("Sid").asText()).isEqualTo("Auditors");
    }
  }

  @Test
  void publicAccessBlockVersioningEncryption() {
    try (FacetRoundTrip roundTrip = new FacetRoundTrip(MOTO.endpoint())) {
      bare(roundTrip, "settings-logs");
      Target t = target("settings-logs");
      assertThat(roundTrip.read(BucketPublicAccessBlock.FACET, t).isNull()).isTrue();
      roundTrip.check(BucketPublicAccessBlock.FACET, t, BlockPublicAccess::blockAll);
      roundTrip.check(BucketPublicAccessBlock.FACET, t, doc -> BucketPublicAccessBlock.blocked().put("blockPublicAcls", false));

      assertThat(roundTrip.read(BucketVersioning.FACET, t).path("status").asText()).isEqualTo("Suspended");
      roundTrip.check(BucketVersioning.FACET, t, doc -> Documents.with(doc, "status", "Enabled"));
      assertThat(roundTrip.read(BucketVersioning.FACET, t).path("status").asText()).isEqualTo("Suspended");

      JsonNode kms = Documents.object().set("rules", Documents.object().arrayNode().add(
          BucketEncryption.rule("aws:kms", "arn:aws:kms:us-east-1:" + ACCOUNT + ":key/1234abcd-12ab-34cd-56ef-1234567890ab", true)));
      roundTrip.check(BucketEncryption.FACET, t, doc -> kms);
      var none = roundTrip.read(BucketEncryption.FACET, t);
      if (!none.isNull()) {
        // The emulator, like S3 since 2023, may encrypt new buckets with SSE-S3: then also remove it and put it back.
        roundTrip.check(BucketEncryption.FACET, t, doc -> Documents.none());
      }
    }
  }

  @Test
  void accessLoggingIntoABucketThatLetsS3Deliver() {
    try (FacetRoundTrip roundTrip = new FacetRoundTrip(MOTO.endpoint())) {
      bare(roundTrip, "logged-logs");
      S3Client s3 = bare(roundTrip, "access-logs");
      s3.putBucketAcl(r -> r.bucket("access-logs").acl("log-delivery-write"));
      Target t = target("logged-logs");
      assertThat(roundTrip.read(BucketLogging.FACET, t).isNull()).isTrue();
      JsonNode after = roundTrip.check(BucketLogging.FACET, t, doc -> BucketLogging.document("access-logs", "logged-logs/"));
      assertThat(after.path("targetBucket").asText()).isEqualTo("access-logs");
    }
  }

  @Test
  void lifecycleMergeKeepsWhatTheDocumentCannotShow() {
    try (FacetRoundTrip roundTrip = new FacetRoundTrip(MOTO.endpoint())) {
      S3Client s3 = bare(roundTrip, "lifecycle-logs");
      Target t = target("lifecycle-logs");
      assertThat(roundTrip.read(BucketLifecycle.FACET, t).isNull()).isTrue();
      // From nothing: the archive rule alone, and the rollback deletes the configuration.
      roundTrip.check(BucketLifecycle.FACET, t, doc -> AddArchiveLifecycleRule.edit(doc, List.of("AWSLogs/"), 90, 2190,
          List.of("GLACIER")));

      LifecycleRule tagged = LifecycleRule.builder().id("tagged-scratch").status("Enabled")
          .filter(f -> f.and(a -> a.prefix("scratch/").tags(software.amazon.awssdk.services.s3.model.Tag.builder().key("team").value("ops").build())))
          .expiration(e -> e.days(7)).abortIncompleteMultipartUpload(a -> a.daysAfterInitiation(3)).build();
      LifecycleRule shortLogs = LifecycleRule.builder().id("short-logs").status("Enabled").filter(f -> f.prefix("AWSLogs/"))
          .expiration(e -> e.days(30)).abortIncompleteMultipartUpload(a -> a.daysAfterInitiation(1))
          .noncurrentVersionExpiration(n -> n.noncurrentDays(10).newerNoncurrentVersions(2)).build();
      s3.putBucketLifecycleConfiguration(r -> r.bucket("lifecycle-logs").lifecycleConfiguration(c -> c.rules(tagged, shortLogs)));
      List<LifecycleRule> rawBefore = raw(s3);

      JsonNode before = roundTrip.read(BucketLifecycle.FACET, t);
      JsonNode after = AddArchiveLifecycleRule.edit(before, List.of("AWSLogs/"), 90, 2190, List.of("GLACIER"));
      BucketLifecycle.FACET.write(roundTrip.clients(), t, before, after);
      assertThat(roundTrip.read(BucketLifecycle.FACET, t)).isEqualTo(after);
      List<LifecycleRule> rawAfter = raw(s3);
      assertThat(rawAfter).hasSize(3);
      assertThat(rawAfter.get(0)).as("the tagged rule, kept exactly").isEqualTo(rawBefore.get(0));
      assertThat(rawAfter.get(0).filter().and().tags()).hasSize(1);
      assertThat(rawAfter.get(0).abortIncompleteMultipartUpload().daysAfterInitiation()).isEqualTo(3);
      assertThat(rawAfter.get(1)).as("only the expirations change").isEqualTo(rawBefore.get(1).toBuilder()
          .expiration(e -> e.days(2190))
          .noncurrentVersionExpiration(rawBefore.get(1).noncurrentVersionExpiration().toBuilder().noncurrentDays(2190).build()).build());
      assertThat(rawAfter.get(2).id()).isEqualTo(AddArchiveLifecycleRule.RULE_ID);
      assertThat(rawAfter.get(2).expiration()).isNull();

      BucketLifecycle.FACET.write(roundTrip.clients(), t, after, before);
      assertThat(roundTrip.read(BucketLifecycle.FACET, t)).isEqualTo(before);
      assertThat(raw(s3)).as("the rollback restores the raw rules exactly").isEqualTo(rawBefore);
    }
  }

  private static List<LifecycleRule> raw(S3Client s3) {
    return s3.getBucketLifecycleConfiguration(r -> r.bucket("lifecycle-logs")).rules();
  }

}
