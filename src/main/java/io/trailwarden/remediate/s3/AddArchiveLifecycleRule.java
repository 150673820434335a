package io.trailwarden.remediate.s3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwarden.remediate.Proposal;
import io.trailwarden.remediate.RemediationContext;
import io.trailwarden.remediate.facet.BucketLifecycle;
import io.trailwarden.remediate.facet.Documents;
import io.trailwarden.snapshot.Bucket;
import io.trailwarden.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * Archives the logs: adds one enabled lifecycle rule (fixed ID) moving objects under each log prefix
 * to GLACIER at archive_within_days, without any expiration, and lengthens to retention_days every
 * expiration of an enabled rule touching the log prefix that is shorter. It never adds or shortens an
 * expiration and never touches rules on other prefixes: deleting logs is not a fix.
 */
public final class AddArchiveLifecycleRule extends LogBucketRemediation {
  static final String RULE_ID = "trailwarden-archive-cloudtrail-logs";

  @Override
  public String id() {
    return "AddArchiveLifecycleRule";
  }

  @Override
  public String ruleId() {
    return "s3_log_bucket_lifecycle_archives_logs";
  }

  @Override
  protected List<Proposal> propose(String name, Bucket bucket, Snapshot snapshot, RemediationContext context) {
    int archiveDays = context.intParam(ruleId(), "archive_within_days");
    int retentionDays = context.intParam(ruleId(), "retention_days");
    List<String> classes = archiveClasses(context);
    List<String> prefixes = LogBuckets.logPrefixes(snapshot, name);
    return List.of(new Proposal.Fix(BucketLifecycle.FACET, LogBuckets.target(name, bucket),
        "archive logs of " + name + " under " + String.join(", ", prefixes) + " within " + archiveDays
            + " days and keep them at least " + retentionDays + " days",
        doc -> edit(doc, prefixes, archiveDays, retentionDays, classes)));
  }

  /** The storage classes the rule counts as archived (its archive_storage_classes parameter). */
  public static List<String> archiveClasses(RemediationContext context) {
    List<String> classes = new ArrayList<>();
    context.ruleParams().apply("s3_log_bucket_lifecycle_archives_logs").path("archive_storage_classes")
        .forEach(c -> classes.add(c.asText()));
    return classes.isEmpty() ? List.of("GLACIER", "DEEP_ARCHIVE", "GLACIER_IR") : List.copyOf(classes);
  }

  public static JsonNode edit(JsonNode doc, List<String> prefixes, int archiveDays, int retentionDays, List<String> classes) {
    ObjectNode copy = Documents.absent(doc) ? Documents.object() : ((ObjectNode) doc).deepCopy();
    ArrayNode rules = copy.path("rules").isArray() ? (ArrayNode) copy.get("rules") : copy.putArray("rules");
    for (String prefix : prefixes) {
      for (JsonNode rule : rules) {
        if ("Enabled".equals(rule.path("status").asText()) && touches(rule, prefix)) {
          lengthen((ObjectNode) rule, "expirationDays", retentionDays);
          lengthen((ObjectNode) rule, "noncurrentVersionExpirationDays", retentionDays);
        }
      }
      if (!archived(rules, prefix, archiveDays, classes)) {
        String id = prefixes.size() == 1 ? RULE_ID : RULE_ID + "-" + prefix.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("-$", "");
        String storageClass = classes.contains("GLACIER") ? "GLACIER" : classes.get(0);
        ObjectNode ours = BucketLifecycle.rule(id, prefix, List.of(new Bucket.Transition(archiveDays, storageClass)), null);
        int existing = indexOf(rules, id);
        if (existing >= 0) {
          rules.set(existing, ours); // our own rule, disabled or changed since: put it back as it should be
        } else {
          rules.add(ours);
        }
      }
    }
    return copy.equals(doc) ? doc : copy;
  }

  /** An expiration shorter than the retention is raised to it; none is never added. */
  private static void lengthen(ObjectNode rule, String field, int retentionDays) {
    JsonNode days = rule.path(field);
    if (days.canConvertToInt() && days.asInt() < retentionDays) {
      rule.put(field, retentionDays);
    }
  }

  private static int indexOf(ArrayNode rules, String id) {
    for (int i = 0; i < rules.size(); i++) {
      if (id.equals(rules.get(i).path("id").asText(null))) {
        return i;
      }
    }
    return -1;
  }

  /** The rule's archived(): an enabled rule covering the prefix moves objects to an archive class in time. */
  static boolean archived(ArrayNode rules, String prefix, int archiveDays, List<String> classes) {
    for (JsonNode rule : rules) {
      if ("Enabled".equals(rule.path("status").asText()) && covers(rule, prefix)) {
        for (JsonNode t : rule.path("transitions")) {
          if (classes.contains(t.path("storageClass").asText()) && t.path("days").asInt(Integer.MAX_VALUE) <= archiveDays) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** The rule's covers(): its prefix covers the log prefix, and its filter keeps every log object (no tag, no size bound). */
  static boolean covers(JsonNode rule, String prefix) {
    String p = rule.path("prefix").asText("");
    return (p.isEmpty() || prefix.startsWith(p)) && matchesLogs(rule) && everySize(rule);
  }

  /** The rule's touches(): it applies to some log objects under the prefix. */
  static boolean touches(JsonNode rule, String prefix) {
    String p = rule.path("prefix").asText("");
    return matchesLogs(rule) && (p.isEmpty() || prefix.startsWith(p) || p.startsWith(prefix));
  }

  /** CloudTrail does not tag log objects: a rule requiring a tag never applies to them. */
  private static boolean matchesLogs(JsonNode rule) {
    return rule.path("tags").isEmpty();
  }

  private static final long MAX_OBJECT_SIZE = 5_497_558_138_880L; // S3's 5 TiB

  private static boolean everySize(JsonNode rule) {
    JsonNode above = rule.path("objectSizeGreaterThan");
    JsonNode below = rule.path("objectSizeLessThan");
    return (!above.isNumber() || above.asLong() == 0) && (!below.isNumber() || below.asLong() > MAX_OBJECT_SIZE);
  }
}
