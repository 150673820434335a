package io.trailwarden.remediate.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwarden.demo.Seeder;
import io.trailwarden.emulator.ArticleOrganization;
import io.trailwarden.emulator.Moto;
import io.trailwarden.remediate.FacetRoundTrip;
import io.trailwarden.remediate.facet.Documents;
import io.trailwarden.remediate.facet.Target;
import io.trailwarden.remediate.facet.TrailEventSelectors;
import io.trailwarden.remediate.facet.TrailLogging;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudtrail.model.AdvancedEventSelector;
import software.amazon.awssdk.services.cloudtrail.model.AdvancedFieldSelector;

/**
 * The facet contract on the emulator for every facet the CloudTrail remediations edit: the change is
 * re-read exactly as written, and the rollback restores what was there.
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
}
