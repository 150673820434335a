package io.trailwarden.remediate.cloudtrail;

import static io.trailwarden.remediate.RuleBench.fixes;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwarden.remediate.RuleBench;
import org.junit.jupiter.api.Test;

/**
 * Each remediation, on a snapshot that fails its rule, proposes edits that make the real rule pass;
 * every edit is idempotent, and a second plan on the fixed snapshot is empty.
 */
class TrailRemediationsPassRulesTest {
  @Test
  void makeTrailMultiRegion() {
    ObjectNode fixed = fixes(RuleBench.example(), "cloudtrail_org_trail_multi_region_enabled", false);
    assertThat(RuleBench.orgTrail(fixed).path("isMultiRegionTrail").asBoolean()).isTrue();
    assertThat(RuleBench.orgTrail(fixed).path("includeGlobalServiceEvents").asBoolean()).isTrue();
  }

  @Test
  void startLogging() {
    ObjectNode tree = RuleBench.example();
    ((ObjectNode) RuleBench.orgTrail(tree).path("status")).put("isLogging", false).put("stopLoggingTime", "2026-11-01T00:00:00Z");
    ObjectNode fixed = fixes(tree, "cloudtrail_org_trail_logging", false);
    assertThat(RuleBench.orgTrail(fixed).path("status").path("isLogging").asBoolean()).isTrue();
  }

  @Test
  void recordAllManagementEventsWithBasicSelectorsKeepsDataResources() {
    ObjectNode tree = RuleBench.example();
    ObjectNode trail = RuleBench.orgTrail(tree);
    trail.put("includeGlobalServiceEvents", false);
    ObjectNode selector = (ObjectNode) trail.path("eventSelectors").get(0);
    selector.put("readWriteType", "WriteOnly");
    selector.putArray("excludeManagementEventSources").add("kms.amazonaws.com");
    JsonNode dataResources = selector.path("dataResources").deepCopy();
    ObjectNode fixed = fixes(tree, "cloudtrail_org_trail_management_events_all", false);
    JsonNode after = RuleBench.orgTrail(fixed);
    assertThat(after.path("includeGlobalServiceEvents").asBoolean()).isTrue();
    assertThat(after.path("eventSelectors")).hasSize(1);
    assertThat(after.path("eventSelectors").get(0).path("dataResources")).isEqualTo(dataResources);
    // The data-events rule still passes: its resources were kept.
    assertThat(RuleBench.failing(RuleBench.evaluate(fixed), "cloudtrail_org_trail_data_events_sensitive")).isEmpty();
  }

  @Test
  void recordAllManagementEventsAddsAManagementSelectorWhenNoneHasThem() {
    ObjectNode tree = RuleBench.example();
    ((ObjectNode) RuleBench.orgTrail(tree).path("eventSelectors").get(0)).put("includeManagementEvents", false);
    ObjectNode fixed = fixes(tree, "cloudtrail_org_trail_management_events_all", false);
    JsonNode selectors = RuleBench.orgTrail(fixed).path("eventSelectors");
    assertThat(selectors).hasSize(2);
    assertThat(selectors.get(0).path("includeManagementEvents").asBoolean()).isFalse();
  }

  @Test
  void recordAllManagementEventsWithAdvancedSelectorsKeepsTheDataSelector() {
    ObjectNode tree = advancedTrail(RuleBench.example());
    // A management selector limited to writes and leaving out KMS: both gaps are fixed in place.
    ObjectNode management = (ObjectNode) RuleBench.orgTrail(tree).path("advancedEventSelectors").get(0);
    ((ArrayNode) management.path("fieldSelectors")).add(SelectorDocuments.field("readOnly", "equals", "false"))
        .add(SelectorDocuments.field("eventSource", "notEquals", "kms.amazonaws.com"));
    JsonNode data = RuleBench.orgTrail(tree).path("advancedEventSelectors").get(1).deepCopy();
    JsonNode tables = RuleBench.orgTrail(tree).path("advancedEventSelectors").get(2).deepCopy();
    ObjectNode fixed = fixes(tree, "cloudtrail_org_trail_management_events_all", false);
    JsonNode selectors = RuleBench.orgTrail(fixed).path("advancedEventSelectors");
    assertThat(selectors).hasSize(3);
    assertThat(selectors.get(0).path("name").asText()).isEqualTo("Management");
    assertThat(selectors.get(0).path("fieldSelectors")).hasSize(1);
    assertThat(selectors.get(1)).isEqualTo(data);
    assertThat(selectors.get(2)).isEqualTo(tables);
    assertThat(RuleBench.orgTrail(fixed).path("eventSelectors")).isEmpty();
  }

  @Test
  void addSensitiveDataEventSelectorsToBasicSelectors() {
    ObjectNode tree = RuleBench.example();
    ((ObjectNode) RuleBench.orgTrail(tree).path("eventSelectors").get(0)).putArray("dataResources");
    ObjectNode fixed = fixes(tree, "cloudtrail_org_trail_data_events_sensitive", false);
    JsonNode selectors = RuleBench.orgTrail(fixed).path("eventSelectors");
    assertThat(selectors).hasSize(1);
    assertThat(selectors.get(0).path("includeManagementEvents").asBoolean()).isTrue();
    assertThat(selectors.get(0).path("dataResources")).hasSize(2);
  }

  @Test
  void addSensitiveDataEventSelectorsToAdvancedSelectors() {
    ObjectNode tree = advancedTrail(RuleBench.example());
    ((ArrayNode) RuleBench.orgTrail(tree).path("advancedEventSelectors")).remove(1);
    JsonNode management = RuleBench.orgTrail(tree).path("advancedEventSelectors").get(0).deepCopy();
    ObjectNode fixed = fixes(tree, "cloudtrail_org_trail_data_events_sensitive", false);
    JsonNode selectors = RuleBench.orgTrail(fixed).path("advancedEventSelectors");
    assertThat(selectors).hasSize(3);
    assertThat(selectors.get(0)).isEqualTo(management);
    assertThat(RuleBench.failing(RuleBench.evaluate(fixed), "cloudtrail_org_trail_management_events_all")).isEmpty();
  }

  /** The organization trail with advanced selectors: all management events, and the two sensitive resources. */
  static ObjectNode advancedTrail(ObjectNode tree) {
    ObjectNode trail = RuleBench.orgTrail(tree);
    trail.putArray("eventSelectors");
    ArrayNode advanced = trail.putArray("advancedEventSelectors");
    advanced.add(SelectorDocuments.advanced("Management", SelectorDocuments.field("eventCategory", "equals", "Management")));
    advanced.add(SelectorDocuments.advanced("Statements", SelectorDocuments.field("eventCategory", "equals", "Data"),
        SelectorDocuments.field("resources.type", "equals", "AWS::S3::Object"),
        SelectorDocuments.field("resources.ARN", "startsWith", "arn:aws:s3:::acme-customer-statements/")));
    advanced.add(SelectorDocuments.advanced("Payments", SelectorDocuments.field("eventCategory", "equals", "Data"),
        SelectorDocuments.field("resources.type", "equals", "AWS::DynamoDB::Table"),
        SelectorDocuments.field("resources.ARN", "equals", "arn:aws:dynamodb:us-east-1:333333333333:table/payments")));
    return tree;
  }
}
