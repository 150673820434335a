package io.trailwarden.remediate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwarden.finding.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each remediation, on a snapshot that fails its rule, proposes edits that make the real rule pass;
 * every edit is idempotent, and a second plan on the fixed snapshot is empty.
 */
class RemediationsPassRulesTest {
  static final String KEY = "arn:aws:kms:us-east-1:222222222222:key/0f1e2d3c-4b5a-6978-8091-a2b3c4d5e6f7";

  /** Fixes the rule's failures and checks it then passes, with nothing left to propose. */
  static ObjectNode fixes(ObjectNode tree, String ruleId, boolean allowRootScp) {
    assertThat(RuleBench.failing(RuleBench.evaluate(tree), ruleId)).as("the rule fails before").isNotEmpty();
    List<Proposal> proposals = RuleBench.propose(tree, ruleId, allowRootScp);
    assertThat(proposals).as("proposals").isNotEmpty().allMatch(p -> p instanceof Proposal.Fix);
    for (Proposal proposal : proposals) {
      Proposal.Fix fix = (Proposal.Fix) proposal;
      JsonNode before = fix.facet().read(RuleBench.snapshot(tree), fix.target());
      JsonNode once = fix.edit().apply(before);
      assertThat(fix.edit().apply(once)).as("idempotent: " + fix.summary()).isEqualTo(once);
      assertThat(fix.facet().problem(once)).as("AWS would accept " + fix.summary()).isEmpty();
    }
    ObjectNode fixed = RuleBench.apply(tree, proposals);
    var evaluation = RuleBench.evaluate(fixed);
    assertThat(evaluation.findingsOf(ruleId)).as("findings after the fix").isNotEmpty()
        .allMatch(f -> f.status() == Status.PASS);
    assertThat(RuleBench.propose(fixed, ruleId, allowRootScp)).as("second plan").isEmpty();
    return fixed;
  }

  @Test
  void makeTrailMultiRegion() {
    ObjectNode fixed = fixes(RuleBench.example(), "cloudtrail_org_trail_multi_region_enabled", false);
    assertThat(RuleBench.orgTrail(fixed).path("isMultiRegionTrail").asBoolean()).isTrue();
    assertThat(RuleBench.orgTrail(fixed).path("includeGlobalServiceEvents").asBoolean()).isTrue();
  }

  @Test
  void raiseLogGroupRetentionFrom30To365Days() {
    ObjectNode fixed = fixes(RuleBench.example(), "cloudtrail_org_trail_cloudwatch_logs_enabled", false);
    assertThat(fixed.path("logGroups").elements().next().path("retentionInDays").asInt()).isEqualTo(365);
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

  @Test
  void enableKmsKeyRotation() {
    ObjectNode tree = RuleBench.example();
    ((ObjectNode) tree.path("kmsKeys").path(KEY)).put("rotationEnabled", false);
    ObjectNode fixed = fixes(tree, "cloudtrail_org_trail_kms_encryption_enabled", false);
    assertThat(fixed.path("kmsKeys").path(KEY).path("rotationEnabled").asBoolean()).isTrue();
  }

  @Test
  void enableCloudTrailTrustedAccess() {
    ObjectNode tree = RuleBench.example();
    ((ObjectNode) tree.path("organization")).putArray("serviceAccess").add("config.amazonaws.com");
    ObjectNode fixed = fixes(tree, "organizations_cloudtrail_trusted_access_enabled", false);
    assertThat(fixed.path("organization").path("serviceAccess").toString()).contains("cloudtrail.amazonaws.com");
  }

  @Test
  void attachCloudTrailProtectionScpAtTheRootOnceForEveryAccount() {
    ObjectNode tree = RuleBench.example();
    List<Proposal> proposals = RuleBench.propose(tree, "organizations_scp_protects_cloudtrail", true);
    assertThat(proposals).hasSize(2);
    ObjectNode fixed = fixes(tree, "organizations_scp_protects_cloudtrail", true);
    JsonNode scp = scp(fixed, AttachCloudTrailProtectionScp.NAME);
    assertThat(scp.path("targets").toString()).isEqualTo("[\"r-ab12\"]");
    // The user's own SCP is untouched.
    assertThat(scp(fixed, "protect-cloudtrail")).isEqualTo(scp(tree, "protect-cloudtrail"));
  }

  @Test
  void attachLogBucketProtectionScpExemptsOnlyNamedSecurityRoles() {
    ObjectNode tree = RuleBench.example();
    ArrayNode scps = (ArrayNode) tree.path("scps");
    for (int i = scps.size() - 1; i >= 0; i--) {
      if (scps.get(i).path("name").asText().equals("protect-log-archive")) {
        scps.remove(i);
      }
    }
    ObjectNode fixed = fixes(tree, "organizations_scp_protects_log_bucket", true);
    JsonNode statement = scp(fixed, AttachLogBucketProtectionScp.NAME).path("document").path("Statement").get(0);
    assertThat(statement.path("Resource").toString()).isEqualTo("[\"arn:aws:s3:::acme-org-cloudtrail-logs\"]");
    assertThat(statement.path("Condition").path("ArnNotLike").path("aws:PrincipalArn")).hasSize(3);
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

  static JsonNode scp(JsonNode tree, String name) {
    for (JsonNode scp : tree.path("scps")) {
      if (scp.path("name").asText().equals(name)) {
        return scp;
      }
    }
    throw new AssertionError("no SCP " + name);
  }
}
