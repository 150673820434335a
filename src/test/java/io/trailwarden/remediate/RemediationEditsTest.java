package io.trailwarden.remediate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwarden.Json;
import io.trailwarden.finding.Finding;
import io.trailwarden.finding.Status;
import io.trailwarden.policy.Severity;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The edits on small documents (copy, never mutate; only their own fields) and the cases left to people. */
class RemediationEditsTest {
  static final String TRAIL = "arn:aws:cloudtrail:us-east-1:111111111111:trail/acme-org-trail";
  static final String KEY = RemediationsPassRulesTest.KEY;

  static Finding failing(String ruleId, String resource) {
    return new Finding(ruleId, Status.FAIL, Severity.HIGH, resource, "111111111111", "us-east-1", "fails",
        Json.mapper().createObjectNode(), Optional.empty(), Optional.empty(), "fingerprint");
  }

  static List<Proposal> propose(Remediation remediation, ObjectNode tree, String resource, boolean allowRootScp) {
    var evaluation = RuleBench.evaluate(tree);
    return remediation.propose(failing(remediation.ruleId(), resource), RuleBench.snapshot(tree),
        RuleBench.context(evaluation, allowRootScp));
  }

  static String reason(List<Proposal> proposals) {
    assertThat(proposals).hasSize(1).first().isInstanceOf(Proposal.Manual.class);
    return ((Proposal.Manual) proposals.get(0)).reason();
  }

  @Test
  void retentionIsRoundedUpToAnAcceptedPeriodAndNeverLowered() {
    ObjectNode doc = Documents.object().put("retentionInDays", 30);
    assertThat(RaiseLogGroupRetention.raise(doc, 366).path("retentionInDays").asInt()).isEqualTo(400);
    assertThat(RaiseLogGroupRetention.raise(doc, 365).path("retentionInDays").asInt()).isEqualTo(365);
    assertThat(RaiseLogGroupRetention.raise(doc, 4000).path("retentionInDays").isNull()).isTrue();
    ObjectNode longer = Documents.object().put("retentionInDays", 3653);
    assertThat(RaiseLogGroupRetention.raise(longer, 365)).isSameAs(longer);
    ObjectNode forever = Documents.object().putNull("retentionInDays");
    assertThat(RaiseLogGroupRetention.raise(forever, 365)).isSameAs(forever);
    assertThat(doc.path("retentionInDays").asInt()).as("the input is not mutated").isEqualTo(30);
  }

  @Test
  void managementEditTouchesOnlyManagementFields() {
    ObjectNode doc = Documents.object();
    var basic = doc.putArray("eventSelectors");
    ObjectNode selector = SelectorDocuments.basic("ReadOnly", true);
    selector.withArray("dataResources").add(SelectorDocuments.dataResource("AWS::S3::Object", "arn:aws:s3:::a/"));
    selector.withArray("excludeManagementEventSources").add("rdsdata.amazonaws.com");
    basic.add(selector);
    basic.add(SelectorDocuments.basic("WriteOnly", false));
    doc.putArray("advancedEventSelectors");
    String original = doc.toString();
    JsonNode edited = RecordAllManagementEvents.edit(doc);
    assertThat(doc.toString()).as("not mutated").isEqualTo(original);
    assertThat(edited.path("eventSelectors").get(0).path("readWriteType").asText()).isEqualTo("All");
    assertThat(edited.path("eventSelectors").get(0).path("excludeManagementEventSources")).isEmpty();
    assertThat(edited.path("eventSelectors").get(0).path("dataResources")).isEqualTo(selector.path("dataResources"));
    assertThat(edited.path("eventSelectors").get(1)).isEqualTo(basic.get(1));
    assertThat(RecordAllManagementEvents.edit(edited)).isEqualTo(edited);
  }

  @Test
  void dataEditsOfSeveralResourcesFoldIntoOneSelector() {
    ObjectNode doc = Documents.object();
    doc.putArray("eventSelectors").add(SelectorDocuments.basic("All", true));
    doc.putArray("advancedEventSelectors");
    var bucket = new AddSensitiveDataEventSelectors.Resource("AWS::S3::Object", "arn:aws:s3:::a/", "startsWith", "S3");
    var other = new AddSensitiveDataEventSelectors.Resource("AWS::S3::Object", "arn:aws:s3:::b/", "startsWith", "S3");
    JsonNode both = AddSensitiveDataEventSelectors.edit(AddSensitiveDataEventSelectors.edit(doc, bucket), other);
    assertThat(both.path("eventSelectors")).hasSize(1);
    assertThat(both.path("eventSelectors").get(0).path("dataResources").get(0).path("values").toString())
        .isEqualTo("[\"arn:aws:s3:::a/\",\"arn:aws:s3:::b/\"]");
    assertThat(AddSensitiveDataEventSelectors.edit(both, bucket)).isEqualTo(both);

    ObjectNode advanced = Documents.object();
    advanced.putArray("eventSelectors");
    advanced.putArray("advancedEventSelectors").add(SelectorDocuments.advanced("Management",
        SelectorDocuments.field("eventCategory", "equals", "Management")));
    JsonNode folded = AddSensitiveDataEventSelectors.edit(AddSensitiveDataEventSelectors.edit(advanced, bucket), other);
    assertThat(folded.path("advancedEventSelectors")).hasSize(2);
    assertThat(SelectorDocuments.fieldOf(folded.path("advancedEventSelectors").get(1), "resources.ARN").path("startsWith"))
        .hasSize(2);
    assertThat(folded.path("eventSelectors")).as("never both kinds").isEmpty();
  }

  @Test
  void logBucketScpEditsFoldIntoOnePolicy() {
    List<String> actions = List.of("s3:DeleteBucket");
    List<String> exempt = List.of("arn:aws:iam::*:role/*security*");
    JsonNode one = AttachLogBucketProtectionScp.edit(Documents.none(), "arn:aws:s3:::a", actions, exempt, "r-1");
    JsonNode two = AttachLogBucketProtectionScp.edit(one, "arn:aws:s3:::b", actions, exempt, "r-1");
    assertThat(two.path("content").path("Statement").get(0).path("Resource")).hasSize(2);
    assertThat(AttachLogBucketProtectionScp.edit(two, "arn:aws:s3:::a", actions, exempt, "r-1")).isEqualTo(two);
    assertThat(one.path("content").path("Statement").get(0).path("Resource")).as("not mutated").hasSize(1);
  }

  @Test
  void aDeliveryErrorWhileLoggingIsLeftToPeople() {
    ObjectNode tree = RuleBench.example();
    ((ObjectNode) RuleBench.orgTrail(tree).path("status")).put("latestDeliveryError", "AccessDenied");
    assertThat(reason(propose(new StartLogging(), tree, TRAIL, false))).contains("bucket policy or the KMS key policy");
  }

  @Test
  void aMissingOrAwsManagedKeyIsLeftToPeople() {
    ObjectNode tree = RuleBench.example();
    RuleBench.orgTrail(tree).putNull("kmsKeyId");
    assertThat(reason(propose(new EnableKmsKeyRotation(), tree, TRAIL, false))).contains("design decision");
    ObjectNode aws = RuleBench.example();
    ((ObjectNode) aws.path("kmsKeys").path(KEY)).put("keyManager", "AWS");
    assertThat(reason(propose(new EnableKmsKeyRotation(), aws, TRAIL, false))).contains("AWS managed");
  }

  @Test
  void noLogGroupIsLeftToPeople() {
    ObjectNode tree = RuleBench.example();
    RuleBench.orgTrail(tree).putNull("cloudWatchLogsLogGroupArn").putNull("cloudWatchLogsRoleArn");
    assertThat(reason(propose(new RaiseLogGroupRetention(), tree, TRAIL, false))).contains("IAM role");
  }

  @Test
  void rootScpsNeedTheirOwnAllowanceAndEnabledScps() {
    String account = "arn:aws:organizations::111111111111:account/o-a1b2c3d4e5/222222222222";
    ObjectNode tree = RuleBench.example();
    assertThat(reason(propose(new AttachCloudTrailProtectionScp(), tree, account, false)))
        .isEqualTo(RootScp.ROOT_NOT_ALLOWED);
    ObjectNode disabled = RuleBench.example();
    ((ObjectNode) disabled.path("organization").path("roots").get(0)).putArray("policyTypesEnabled");
    assertThat(reason(propose(new AttachCloudTrailProtectionScp(), disabled, account, true))).contains("not enabled");
    assertThat(reason(propose(new AttachLogBucketProtectionScp(), disabled, "arn:aws:s3:::acme-org-cloudtrail-logs", true)))
        .contains("not enabled");
  }

  @Test
  void anExistingScpWithTheFixedNameIsNeverEdited() {
    String account = "arn:aws:organizations::111111111111:account/o-a1b2c3d4e5/222222222222";
    ObjectNode tree = RuleBench.example();
    ((ObjectNode) RemediationsPassRulesTest.scp(tree, "protect-cloudtrail")).put("name", AttachCloudTrailProtectionScp.NAME);
    assertThat(reason(propose(new AttachCloudTrailProtectionScp(), tree, account, true))).contains("never edited");
  }

  @Test
  void aLogBucketInTheManagementAccountIsLeftToPeople() {
    ObjectNode tree = RuleBench.example();
    ((ObjectNode) tree.path("buckets").path("acme-org-cloudtrail-logs")).put("accountId", "111111111111");
    assertThat(reason(propose(new AttachLogBucketProtectionScp(), tree, "arn:aws:s3:::acme-org-cloudtrail-logs", true)))
        .contains("management account");
  }
}
