package io.trailwarden.remediate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwarden.Json;
import io.trailwarden.collect.ResourceReader;
import io.trailwarden.config.Config;
import io.trailwarden.config.OrganizationSettings;
import io.trailwarden.demo.Seeder;
import io.trailwarden.emulator.ArticleOrganization;
import io.trailwarden.emulator.Moto;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudtrail.model.AdvancedEventSelector;
import software.amazon.awssdk.services.cloudtrail.model.AdvancedFieldSelector;

/**
 * The facet contract on the emulator for every facet the CloudTrail and Organizations remediations
 * edit: the change is re-read exactly as written, and the rollback restores what was there.
 */
class TrailRemediationFacetsIT {
  @RegisterExtension static final Moto MOTO = new Moto();

  static final String STATEMENTS = "arn:aws:s3:::acme-customer-statements/";
  static final String PAYMENTS = "arn:aws:dynamodb:us-east-1:" + Seeder.MANAGEMENT_ACCOUNT + ":table/payments";

  static ArticleOrganization.Seeded seed() {
    try (Seeder seeder = new Seeder(MOTO.endpoint())) {
      return ArticleOrganization.seed(seeder, EnumSet.noneOf(ArticleOrganization.Fault.class));
    }
  }

  static Target trail(ArticleOrganization.Seeded seeded) {
    return new Target(Target.Kind.TRAIL, Seeder.MANAGEMENT_ACCOUNT, Seeder.HOME_REGION, seeded.trailArn(),
        ArticleOrganization.TRAIL);
  }

  @Test
  void stopsAndRestartsLogging() {
    var seeded = seed();
    try (FacetRoundTrip roundTrip = new FacetRoundTrip(MOTO.endpoint())) {
      assertThat(roundTrip.read(TrailLogging.FACET, trail(seeded)).path("isLogging").asBoolean()).isTrue();
      roundTrip.check(TrailLogging.FACET, trail(seeded), doc -> Documents.with(doc, "isLogging", false));
      // And the other way round: StartLogging's own edit, from a stopped trail.
      roundTrip.clients().cloudTrail(Seeder.MANAGEMENT_ACCOUNT, Seeder.HOME_REGION).stopLogging(r -> r.name(seeded.trailArn()));
      var after = roundTrip.check(TrailLogging.FACET, trail(seeded), doc -> Documents.with(doc, "isLogging", true));
      assertThat(after.path("isLogging").asBoolean()).isTrue();
    }
  }

  @Test
  void mergesManagementAndDataEventsIntoBasicSelectors() {
    var seeded = seed();
    var bucket = new AddSensitiveDataEventSelectors.Resource(AddSensitiveDataEventSelectors.S3_OBJECT, STATEMENTS,
        "startsWith", "Sensitive S3 objects");
    try (FacetRoundTrip roundTrip = new FacetRoundTrip(MOTO.endpoint())) {
      var after = roundTrip.check(TrailEventSelectors.FACET, trail(seeded),
          doc -> RecordAllManagementEvents.edit(AddSensitiveDataEventSelectors.edit(doc, bucket)));
      assertThat(after.path("eventSelectors").get(0).path("dataResources").get(0).path("values").get(0).asText())
          .isEqualTo(STATEMENTS);
      // A management selector limited to writes is widened, and its data resources stay.
      var writes = Documents.with(after, "eventSelectors", List.of());
      ((com.fasterxml.jackson.databind.node.ArrayNode) writes.path("eventSelectors")).add(
          ((com.fasterxml.jackson.databind.node.ObjectNode) after.path("eventSelectors").get(0).deepCopy())
              .put("readWriteType", "WriteOnly"));
      TrailEventSelectors.FACET.write(roundTrip.clients(), trail(seeded), roundTrip.read(TrailEventSelectors.FACET, trail(seeded)), writes);
      roundTrip.check(TrailEventSelectors.FACET, trail(seeded), RecordAllManagementEvents::edit);
    }
  }

  @Test
  void addsADataSelectorToAdvancedSelectors() {
    var seeded = seed();
    // The trail uses advanced selectors (moto keeps them when basic ones are put, so the trail starts advanced).
    try (FacetRoundTrip roundTrip = new FacetRoundTrip(MOTO.endpoint())) {
      roundTrip.clients().cloudTrail(Seeder.MANAGEMENT_ACCOUNT, Seeder.HOME_REGION).putEventSelectors(r -> r
          .trailName(seeded.trailArn()).advancedEventSelectors(AdvancedEventSelector.builder().name("Management")
              .fieldSelectors(AdvancedFieldSelector.builder().field("eventCategory").equalsValue("Management").build()).build()));
      var table = new AddSensitiveDataEventSelectors.Resource(AddSensitiveDataEventSelectors.DYNAMODB_TABLE, PAYMENTS,
          "equals", "Sensitive DynamoDB tables");
      var after = roundTrip.check(TrailEventSelectors.FACET, trail(seeded), doc -> AddSensitiveDataEventSelectors.edit(doc, table));
      assertThat(after.path("advancedEventSelectors")).hasSize(2);
      assertThat(after.path("eventSelectors")).isEmpty();
    }
  }

  @Test
  void togglesKeyRotation() {
    var seeded = seed();
    Target key = KmsKeyRotation.target(seeded.kmsKeyArn());
    assertThat(key.accountId()).isEqualTo(seeded.loggingAccount());
    try (FacetRoundTrip roundTrip = new FacetRoundTrip(MOTO.endpoint())) {
      assertThat(roundTrip.read(KmsKeyRotation.FACET, key).path("rotationEnabled").asBoolean()).isTrue();
      roundTrip.check(KmsKeyRotation.FACET, key, doc -> Documents.with(doc, "rotationEnabled", false));
      roundTrip.clients().kms(key.accountId(), key.region()).disableKeyRotation(r -> r.keyId(seeded.kmsKeyArn()));
      roundTrip.check(KmsKeyRotation.FACET, key, doc -> Documents.with(doc, "rotationEnabled", true));
    }
  }

  @Test
  void raisesAndRemovesLogGroupRetention() {
    var seeded = seed();
    Target group = LogGroupRetention.target(seeded.logGroupArn());
    assertThat(group.name()).isEqualTo("acme-cloudtrail");
    try (FacetRoundTrip roundTrip = new FacetRoundTrip(MOTO.endpoint())) {
      var after = roundTrip.check(LogGroupRetention.FACET, group, doc -> RaiseLogGroupRetention.raise(doc, 700));
      assertThat(after.path("retentionInDays").asInt()).isEqualTo(731);
      var forever = roundTrip.check(LogGroupRetention.FACET, group, doc -> RaiseLogGroupRetention.raise(doc, 5000));
      assertThat(forever.path("retentionInDays").isNull()).isTrue();
      assertThat(roundTrip.read(LogGroupRetention.FACET, group).path("retentionInDays").asInt()).isEqualTo(400);
    }
  }

  @Test
  void togglesTrustedServiceAccess() {
    seed();
    try (FacetRoundTrip roundTrip = new FacetRoundTrip(MOTO.endpoint())) {
      var snapshot = reader(roundTrip).organization();
      var org = snapshot.organization().orElseThrow();
      Target cloudTrail = OrganizationServiceAccess.target(snapshot, org, EnableCloudTrailTrustedAccess.CLOUDTRAIL);
      roundTrip.check(OrganizationServiceAccess.FACET, cloudTrail, doc -> Documents.with(doc, "enabled", false));
      Target config = OrganizationServiceAccess.target(snapshot, org, "config.amazonaws.com");
      roundTrip.check(OrganizationServiceAccess.FACET, config, doc -> Documents.with(doc, "enabled", true));
    }
  }

  @Test
  void createsAndAttachesTheScpsAtTheRootAndRemovesThemOnRollback() {
    var seeded = seed();
    try (FacetRoundTrip roundTrip = new FacetRoundTrip(MOTO.endpoint())) {
      var snapshot = reader(roundTrip).organization();
      var context = new RemediationContext(new Config.Remediation(null, true, null, null, null, null),
          OrganizationSettings.defaults(), id -> Json.mapper().createObjectNode()
              .<com.fasterxml.jackson.databind.node.ObjectNode>set("actions", Json.mapper().valueToTree(
                  id.equals(AttachCloudTrailProtectionScp.RULE)
                      ? List.of("cloudtrail:StopLogging", "cloudtrail:DeleteTrail", "cloudtrail:UpdateTrail")
                      : List.of("s3:DeleteBucket", "s3:PutBucketPolicy")))
              .set("exempt_role_patterns", Json.mapper().valueToTree(List.of("arn:aws:iam::*:role/*security*"))));
      for (Remediation remediation : List.<Remediation>of(new AttachCloudTrailProtectionScp(), new AttachLogBucketProtectionScp())) {
        String resource = remediation instanceof AttachLogBucketProtectionScp
            ? "arn:aws:s3:::" + ArticleOrganization.BUCKET
            : "arn:aws:organizations::" + Seeder.MANAGEMENT_ACCOUNT + ":account/" + seeded.organizationId() + "/" + seeded.productionAccount();
        var proposals = remediation.propose(RemediationEditsTest.failing(remediation.ruleId(), resource), snapshot, context);
        assertThat(proposals).singleElement().isInstanceOf(Proposal.Fix.class);
        var fix = (Proposal.Fix) proposals.get(0);
        JsonNode created = roundTrip.check(fix.facet(), fix.target(), fix.edit());
        assertThat(created.path("targets").toString()).isEqualTo("[\"" + seeded.rootId() + "\"]");
        assertThat(ServiceControlPolicy.FACET.calls(Documents.none(), created)).extracting(ApiCall::iamAction)
            .containsExactly("organizations:CreatePolicy", "organizations:AttachPolicy");
        assertThat(roundTrip.read(fix.facet(), fix.target())).as("deleted on rollback").isEqualTo(Documents.none());
      }
    }
  }

  static ResourceReader reader(FacetRoundTrip roundTrip) {
    return new ResourceReader(roundTrip.clients(), Seeder.MANAGEMENT_ACCOUNT, Seeder.HOME_REGION, Clock.systemUTC());
  }
}
