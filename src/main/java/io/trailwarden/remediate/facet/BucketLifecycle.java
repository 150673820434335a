package io.trailwarden.remediate.facet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwarden.aws.ClientFactory;
import io.trailwarden.snapshot.Bucket;
import io.trailwarden.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.LifecycleRuleFilter;
import software.amazon.awssdk.services.s3.model.NoncurrentVersionTransition;
import software.amazon.awssdk.services.s3.model.Transition;

/**
 * The lifecycle rules as the snapshot shows them: {"rules": [{"id", "status", "prefix", "tags",
 * "objectSizeGreaterThan", "objectSizeLessThan", "transitions", "expirationDays",
 * "noncurrentVersionTransitions", "noncurrentVersionExpirationDays"}]}, or null. The filter fields are
 * shown so an edit can judge which objects a rule applies to; {@link #write} never changes them.
 *
 * <p>The snapshot's record is lossy (no AbortIncompleteMultipartUpload, no date transitions), so the document can never be written as it is: {@link #write} reads the raw
 * configuration and applies only the difference between {@code from} and {@code to}, by rule ID. Rules
 * whose document did not change are written back exactly as S3 returned them, and a changed rule keeps
 * every field the document does not show.
 */
public final class BucketLifecycle extends BucketFacet {
  public static final BucketLifecycle FACET = new BucketLifecycle();

  private BucketLifecycle() {}

  @Override
  public String id() {
    return "bucket-lifecycle";
  }

  @Override
  public int order() {
    return 40;
  }

  @Override
  public JsonNode read(Snapshot snapshot, Target target) {
    return read(snapshot, target, b -> b.lifecycleRules().<JsonNode>map(rules -> {
      ObjectNode doc = Documents.object();
      ArrayNode array = doc.putArray("rules");
      rules.forEach(r -> array.add(rule(r)));
      return doc;
    }).orElse(null));
  }

  static ObjectNode rule(Bucket.LifecycleRule r) {
    ObjectNode doc = Documents.object();
    Documents.put(doc, "id", r.id());
    doc.put("status", r.status());
    Documents.put(doc, "prefix", r.prefix());
    ObjectNode tags = doc.putObject("tags");
    r.tags().forEach(tags::put);
    doc.put("objectSizeGreaterThan", r.objectSizeGreaterThan().orElse(null));
    doc.put("objectSizeLessThan", r.objectSizeLessThan().orElse(null));
    ArrayNode transitions = doc.putArray("transitions");
    r.transitions().forEach(t -> transitions.addObject().put("days", t.days()).put("storageClass", t.storageClass()));
    doc.put("expirationDays", r.expirationDays().orElse(null));
    ArrayNode noncurrent = doc.putArray("noncurrentVersionTransitions");
    r.noncurrentVersionTransitions().forEach(t -> noncurrent.addObject().put("days", t.days()).put("storageClass", t.storageClass()));
    doc.put("noncurrentVersionExpirationDays", r.noncurrentVersionExpirationDays().orElse(null));
    return doc;
  }

  /** A rule document in the facet's shape. */
  public static ObjectNode rule(String id, String prefix, List<Bucket.Transition> transitions, Integer expirationDays) {
    return rule(new Bucket.LifecycleRule(Optional.of(id), "Enabled", Optional.of(prefix), new java.util.TreeMap<>(),
        Optional.empty(), Optional.empty(), transitions, Optional.ofNullable(expirationDays), List.of(), Optional.empty()));
  }

  @Override
  public Optional<String> problem(JsonNode to) {
    if (Documents.absent(to)) {
      return Optional.empty();
    }
    Set<String> ids = new HashSet<>();
    for (JsonNode rule : to.path("rules")) {
      if (!rule.path("id").isTextual()) {
        // Without an ID a rule cannot be told apart from the raw configuration's rules.
        return Optional.of("every lifecycle rule the change touches needs an ID");
      }
      if (!ids.add(rule.path("id").asText())) {
        return Optional.of("two lifecycle rules have the ID " + rule.path("id").asText());
      }
    }
    return Optional.empty();
  }

  @Override
  public List<ApiCall> calls(JsonNode from, JsonNode to) {
    // write reads the raw configuration first, then puts it, or deletes it when no rule is left.
    List<ApiCall> calls = new ArrayList<>();
    calls.add(ApiCall.of("s3", "GetBucketLifecycleConfiguration", "s3:GetLifecycleConfiguration"));
    calls.add(Documents.absent(to) || to.path("rules").isEmpty()
        ? ApiCall.of("s3", "DeleteBucketLifecycle", "s3:PutLifecycleConfiguration")
        : ApiCall.of("s3", "PutBucketLifecycleConfiguration", "s3:PutLifecycleConfiguration"));
    return calls;
  }

  @Override
  public void write(ClientFactory aws, Target target, JsonNode from, JsonNode to) {
    S3Client s3 = aws.s3(target.accountId(), target.region());
    List<LifecycleRule> merged = merge(raw(s3, target.name()), byId(from), byId(to));
    if (merged.isEmpty()) {
      s3.deleteBucketLifecycle(r -> r.bucket(target.name()));
    } else {
      s3.putBucketLifecycleConfiguration(r -> r.bucket(target.name()).lifecycleConfiguration(c -> c.rules(merged)));
    }
  }

  private static List<LifecycleRule> raw(S3Client s3, String bucket) {
    try {
      return s3.getBucketLifecycleConfiguration(r -> r.bucket(bucket)).rules();
    } catch (AwsServiceException e) {
      if (e.awsErrorDetails() != null && "NoSuchLifecycleConfiguration".equals(e.awsErrorDetails().errorCode())) {
        return List.of();
      }
      throw e;
    }
  }

  private static Map<String, JsonNode> byId(JsonNode doc) {
    Map<String, JsonNode> rules = new LinkedHashMap<>();
    if (!Documents.absent(doc)) {
      doc.path("rules").forEach(r -> {
        if (r.path("id").isTextual()) {
          rules.put(r.path("id").asText(), r);
        }
      });
    }
    return rules;
  }

  /** The raw rules with the from -> to difference applied: removed, changed field by field, or added at the end. */
  static List<LifecycleRule> merge(List<LifecycleRule> raw, Map<String, JsonNode> from, Map<String, JsonNode> to) {
    List<LifecycleRule> out = new ArrayList<>();
    Set<String> present = new HashSet<>();
    for (LifecycleRule rule : raw) {
      String id = rule.id();
      present.add(id);
      if (id == null || !from.containsKey(id) && !to.containsKey(id)) {
        out.add(rule);
      } else if (!to.containsKey(id)) {
        continue; // removed by the change
      } else if (!from.containsKey(id) || from.get(id).equals(to.get(id))) {
        out.add(rule);
      } else {
        out.add(changed(rule, from.get(id), to.get(id)));
      }
    }
    to.forEach((id, doc) -> {
      if (!present.contains(id)) {
        out.add(changed(LifecycleRule.builder().id(id).filter(LifecycleRuleFilter.builder().prefix("").build()).build(),
            from.getOrDefault(id, Documents.object()), doc));
      }
    });
    return out;
  }

  /** The raw rule with the fields whose document value changed set to the new value, every other field kept. */
  private static LifecycleRule changed(LifecycleRule rule, JsonNode from, JsonNode to) {
    LifecycleRule.Builder b = rule.toBuilder();
    if (differs(from, to, "status")) {
      b.status(to.path("status").asText());
    }
    if (differs(from, to, "prefix")) {
      String prefix = to.path("prefix").asText("");
      LifecycleRuleFilter filter = rule.filter();
      if (filter != null && filter.and() != null) {
        b.filter(filter.toBuilder().and(filter.and().toBuilder().prefix(prefix).build()).build());
      } else {
        b.filter(LifecycleRuleFilter.builder().prefix(prefix).build());
        b.prefix(null);
      }
    }
    if (differs(from, to, "transitions")) {
      // Date transitions are not in the document: keep them, replace the day transitions.
      List<Transition> transitions = new ArrayList<>(rule.transitions().stream().filter(t -> t.days() == null).toList());
      to.path("transitions").forEach(t -> transitions.add(Transition.builder().days(t.path("days").asInt())
          .storageClass(t.path("storageClass").asText()).build()));
      b.transitions(transitions);
    }
    if (differs(from, to, "expirationDays")) {
      var expiration = rule.expiration();
      JsonNode days = to.path("expirationDays");
      if (days.canConvertToInt()) {
        b.expiration(e -> e.days(days.asInt()));
      } else if (expiration != null && Boolean.TRUE.equals(expiration.expiredObjectDeleteMarker())) {
        b.expiration(e -> e.expiredObjectDeleteMarker(true));
      } else {
        b.expiration((software.amazon.awssdk.services.s3.model.LifecycleExpiration) null);
      }
    }
    if (differs(from, to, "noncurrentVersionTransitions")) {
      List<NoncurrentVersionTransition> transitions = new ArrayList<>();
      to.path("noncurrentVersionTransitions").forEach(t -> transitions.add(NoncurrentVersionTransition.builder()
          .noncurrentDays(t.path("days").asInt()).storageClass(t.path("storageClass").asText()).build()));
      b.noncurrentVersionTransitions(transitions);
    }
    if (differs(from, to, "noncurrentVersionExpirationDays")) {
      JsonNode days = to.path("noncurrentVersionExpirationDays");
      var old = rule.noncurrentVersionExpiration();
      if (days.canConvertToInt()) {
        b.noncurrentVersionExpiration(old == null ? software.amazon.awssdk.services.s3.model.NoncurrentVersionExpiration
            .builder().noncurrentDays(days.asInt()).build() : old.toBuilder().noncurrentDays(days.asInt()).build());
      } else {
        b.noncurrentVersionExpiration((software.amazon.awssdk.services.s3.model.NoncurrentVersionExpiration) null);
      }
    }
    return b.build();
  }

  private static boolean differs(JsonNode from, JsonNode to, String field) {
    return !Objects.equals(from.get(field), to.get(field));
  }
}
