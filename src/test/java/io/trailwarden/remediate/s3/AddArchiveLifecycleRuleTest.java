package io.trailwarden.remediate.s3;

import static io.trailwarden.remediate.s3.CloudTrailBucketStatementsTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwarden.remediate.facet.BucketLifecycle;
import io.trailwarden.remediate.facet.Documents;
import java.util.List;
import org.junit.jupiter.api.Test;

class AddArchiveLifecycleRuleTest {
  static final List<String> CLASSES = List.of("GLACIER", "DEEP_ARCHIVE", "GLACIER_IR");

  static JsonNode edit(JsonNode doc, String prefix) {
    return AddArchiveLifecycleRule.edit(doc, List.of(prefix), 90, 2190, CLASSES);
  }

  static String rule(String id, String prefix, String transitions, Object expiration, Object noncurrentExpiration) {
    return "{'id':'" + id + "','status':'Enabled','prefix':" + (prefix == null ? "null" : "'" + prefix + "'")
        + ",'tags':{},'objectSizeGreaterThan':null,'objectSizeLessThan':null,'transitions':"
        + transitions + ",'expirationDays':" + expiration + ",'noncurrentVersionTransitions':[],'noncurrentVersionExpirationDays':"
        + noncurrentExpiration + "}";
  }

  @Test
  void addsOneArchiveRuleWithoutExpirationAndKeepsTheOthers() {
    String other = rule("tmp", "tmp/", "[]", 7, "null");
    JsonNode before = json("{'rules':[" + other + "]}");
    JsonNode after = edit(before, "org/AWSLogs/");
    assertThat(after.path("rules")).hasSize(2);
    assertThat(after.path("rules").get(0)).isEqualTo(json(other));
    assertThat(after.path("rules").get(1)).isEqualTo(json(rule(AddArchiveLifecycleRule.RULE_ID, "org/AWSLogs/",
        "[{'days':90,'storageClass':'GLACIER'}]", "null", "null")));
    assertThat(edit(after, "org/AWSLogs/")).isEqualTo(after);
    assertThat(before).isEqualTo(json("{'rules':[" + other + "]}"));
  }

  /** A tag-filtered rule never applies to CloudTrail's untagged log objects: it neither archives nor is lengthened. */
  @Test
  void tagAndSizeFilteredRulesDoNotArchiveTheLogs() {
    String tagged = rule("tagged", "AWSLogs/", "[{'days':30,'storageClass':'GLACIER'}]", 30, "null")
        .replace("'tags':{}", "'tags':{'archive':'yes'}");
    String large = rule("large", "AWSLogs/", "[{'days':30,'storageClass':'GLACIER'}]", "null", "null")
        .replace("'objectSizeGreaterThan':null", "'objectSizeGreaterThan':131072");
    JsonNode after = edit(json("{'rules':[" + tagged + "," + large + "]}"), "AWSLogs/");
    assertThat(after.path("rules")).hasSize(3);
    assertThat(after.path("rules").get(0)).as("never applies to logs: left as it is").isEqualTo(json(tagged));
    assertThat(after.path("rules").get(2).path("id").asText()).isEqualTo(AddArchiveLifecycleRule.RULE_ID);
  }

  @Test
  void fromNoConfigurationAtAll() {
    JsonNode after = edit(Documents.none(), "AWSLogs/");
    assertThat(after.path("rules")).hasSize(1);
    assertThat(BucketLifecycle.FACET.problem(after)).isEmpty();
    assertThat(edit(after, "AWSLogs/")).isEqualTo(after);
  }

  @Test
  void onlyLengthensEarlyExpirationsOfRulesOnTheLogs() {
    String archiving = rule("archive", "AWSLogs/", "[{'days':30,'storageClass':'GLACIER'}]", 365, 30);
    String longer = rule("long", "", "[]", 3000, "null");
    String elsewhere = rule("scratch", "scratch/", "[]", 1, 1);
    JsonNode before = json("{'rules':[" + archiving + "," + longer + "," + elsewhere + "]}");
    JsonNode after = edit(before, "AWSLogs/");
    assertThat(after.path("rules")).hasSize(3);
    assertThat(after.path("rules").get(0)).isEqualTo(json(rule("archive", "AWSLogs/", "[{'days':30,'storageClass':'GLACIER'}]", 2190, 2190)));
    assertThat(after.path("rules").get(1)).isEqualTo(json(longer));
    assertThat(after.path("rules").get(2)).isEqualTo(json(elsewhere));
    assertThat(edit(after, "AWSLogs/")).isEqualTo(after);
  }

  @Test
  void unchangedWhenTheLogsAreArchivedAndKept() {
    JsonNode before = json("{'rules':[" + rule("a", null, "[{'days':60,'storageClass':'DEEP_ARCHIVE'}]", "null", "null") + "]}");
    assertThat(edit(before, "AWSLogs/")).isSameAs(before);
  }

  @Test
  void aDisabledArchiveRuleDoesNotCount() {
    JsonNode before = json("{'rules':[" + rule("a", "AWSLogs/", "[{'days':60,'storageClass':'GLACIER'}]", "null", "null")
        .replace("Enabled", "Disabled") + "]}");
    JsonNode after = edit(before, "AWSLogs/");
    assertThat(after.path("rules")).hasSize(2);
    assertThat(after.path("rules").get(0)).isEqualTo(before.path("rules").get(0));
  }
}
