package io.trailwarden.remediate.cloudtrail;

import static io.trailwarden.remediate.RuleBench.propose;
import static io.trailwarden.remediate.RuleBench.reason;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwarden.remediate.RuleBench;
import io.trailwarden.remediate.facet.Documents;
import org.junit.jupiter.api.Test;

/** The edits on small documents (copy, never mutate; only their own fields) and the cases left to people. */
class TrailRemediationEditsTest {
  static final String TRAIL = "arn:aws:cloudtrail:us-east-1:111111111111:trail/acme-org-trail";

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
  void aDeliveryErrorWhileLoggingIsLeftToPeople() {
    ObjectNode tree = RuleBench.example();
    ((ObjectNode) RuleBench.orgTrail(tree).path("status")).put("latestDeliveryError", "AccessDenied");
    assertThat(reason(propose(new StartLogging(), tree, TRAIL, false))).contains("bucket policy or the KMS key policy");
  }
}
