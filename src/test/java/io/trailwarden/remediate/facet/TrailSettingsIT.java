package io.trailwarden.remediate.facet;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwarden.demo.Seeder;
import io.trailwarden.emulator.ArticleOrganization;
import io.trailwarden.emulator.ArticleOrganization.Fault;
import io.trailwarden.emulator.Moto;
import io.trailwarden.remediate.FacetRoundTrip;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TrailSettingsIT {
  @RegisterExtension static final Moto MOTO = new Moto();

  @Test
  void updatesFlagsAndRollsBack() {
    ArticleOrganization.Seeded seeded;
    try (Seeder seeder = new Seeder(MOTO.endpoint())) {
      seeded = ArticleOrganization.seed(seeder, EnumSet.of(Fault.VALIDATION_OFF));
    }
    Target trail = new Target(Target.Kind.TRAIL, Seeder.MANAGEMENT_ACCOUNT, Seeder.HOME_REGION, seeded.trailArn(),
        ArticleOrganization.TRAIL);
    try (FacetRoundTrip roundTrip = new FacetRoundTrip(MOTO.endpoint())) {
      assertThat(roundTrip.read(TrailSettings.FACET, trail).path("logFileValidationEnabled").asBoolean()).isFalse();
      var after = roundTrip.check(TrailSettings.FACET, trail, doc -> Documents.with(doc, "logFileValidationEnabled", true));
      assertThat(after.path("logFileValidationEnabled").asBoolean()).isTrue();
    }
  }

  @Test
  void createsATrailFromNothingAndDeletesItOnRollback() {
    try (Seeder seeder = new Seeder(MOTO.endpoint())) {
      seeder.bucket(Seeder.MANAGEMENT_ACCOUNT, "fresh-trail-bucket", java.util.Optional.empty());
    }
    String arn = "arn:aws:cloudtrail:us-east-1:" + Seeder.MANAGEMENT_ACCOUNT + ":trail/fresh";
    Target trail = new Target(Target.Kind.TRAIL, Seeder.MANAGEMENT_ACCOUNT, Seeder.HOME_REGION, arn, "fresh");
    try (FacetRoundTrip roundTrip = new FacetRoundTrip(MOTO.endpoint())) {
      var doc = Documents.object().put("name", "fresh").put("s3BucketName", "fresh-trail-bucket").putNull("s3KeyPrefix")
          .put("isOrganizationTrail", false).put("isMultiRegionTrail", true).put("includeGlobalServiceEvents", true)
          .put("logFileValidationEnabled", true).putNull("kmsKeyId").putNull("cloudWatchLogsLogGroupArn")
          .putNull("cloudWatchLogsRoleArn");
      roundTrip.check(TrailSettings.FACET, trail, none -> doc);
    }
  }
}
