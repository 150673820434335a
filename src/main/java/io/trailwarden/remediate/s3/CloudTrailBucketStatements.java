package io.trailwarden.remediate.s3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwarden.remediate.facet.Documents;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The log bucket policy statements CloudTrail needs (ACL check, write) and the two that protect the
 * logs (deny deletion, deny plain HTTP), each as an edit that merges into an existing policy: every
 * other statement is kept as it is, in its place; a statement is added or widened only when the rule
 * it serves would still fail, so each edit returns its own output unchanged. Static, so that building
 * a new bucket's policy from nothing (the organization-trail setup) uses the same code.
 */
public final class CloudTrailBucketStatements {
  static final String ACL_KEY = "s3:x-amz-acl";
  static final String ACL_VALUE = "bucket-owner-full-control";
  static final String SID_PREFIX = "TrailWarden";

  private CloudTrailBucketStatements() {}

  /**
   * A policy (null for none) with all four statements for a bucket CloudTrail writes to without a key
   * prefix, for the management account's and the organization's logs.
   */
  public static JsonNode withCloudTrailStatements(JsonNode policyOrNull, String bucket, String managementAccountId,
      String organizationId, List<String> trailArns) {
    return withCloudTrailStatements(policyOrNull, bucket, List.of("AWSLogs/"), managementAccountId, organizationId, trailArns);
  }

  /** The same, for trails writing under {@code logPrefixes} ({@code <key prefix>/AWSLogs/}). */
  static JsonNode withCloudTrailStatements(JsonNode policyOrNull, String bucket, List<String> logPrefixes,
      String managementAccountId, String organizationId, List<String> trailArns) {
    List<String> owners = owners(managementAccountId, organizationId);
    Map<String, String> ordinary = PolicyMatch.ordinary(managementAccountId, "us-east-1", organizationId, true);
    JsonNode policy = withAclCheck(policyOrNull, bucket, trailArns);
    policy = withWrite(policy, bucket, logPrefixes, owners, trailArns, managementAccountId);
    policy = withDenyDeletion(policy, bucket, logObjects(bucket, logPrefixes, owners), ordinary);
    return withDenyInsecureTransport(policy, bucket, ordinary);
  }

  /** Whose logs CloudTrail writes for an organization trail: the management account's and the organization's. */
  static List<String> owners(String managementAccountId, String organizationId) {
    return organizationId == null ? List.of(managementAccountId) : List.of(managementAccountId, organizationId);
  }

  /** One sample log object under each prefix and owner (as the rules judge them). */
  static List<String> logObjects(String bucket, List<String> logPrefixes, List<String> owners) {
    List<String> out = new ArrayList<>();
    for (String prefix : logPrefixes) {
      for (String owner : owners) {
        out.add("arn:aws:s3:::" + bucket + "/" + prefix + owner + "/CloudTrail/us-east-1/2026/01/01/log.json.gz");
      }
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------------
  // Statements as AWS documents them.

  static ObjectNode aclCheck(String bucket, List<String> trailArns, String sid) {
    ObjectNode s = Documents.object().put("Sid", sid).put("Effect", "Allow");
    s.putObject("Principal").put("Service", PolicyMatch.CLOUDTRAIL);
    s.put("Action", "s3:GetBucketAcl").put("Resource", "arn:aws:s3:::" + bucket);
    if (!trailArns.isEmpty()) {
      s.putObject("Condition").putObject("StringEquals").set("aws:SourceArn", oneOrMany(trailArns));
    }
    return s;
  }

  static ObjectNode write(String bucket, List<String> objectArns, List<String> trailArns, String sid) {
    ObjectNode s = Documents.object().put("Sid", sid).put("Effect", "Allow");
    s.putObject("Principal").put("Service", PolicyMatch.CLOUDTRAIL);
    s.put("Action", "s3:PutObject");
    s.set("Resource", oneOrMany(objectArns));
    ObjectNode equals = s.putObject("Condition").putObject("StringEquals").put(ACL_KEY, ACL_VALUE);
    equals.set("aws:SourceArn", oneOrMany(trailArns));
    return s;
  }

  static ObjectNode denyDeletion(String bucket, String sid) {
    ObjectNode s = Documents.object().put("Sid", sid).put("Effect", "Deny").put("Principal", "*");
    s.putArray("Action").add("s3:DeleteObject").add("s3:DeleteObjectVersion");
    s.put("Resource", "arn:aws:s3:::" + bucket + "/*");
    return s;
  }

  static ObjectNode denyInsecureTransport(String bucket, String sid) {
    ObjectNode s = Documents.object().put("Sid", sid).put("Effect", "Deny").put("Principal", "*").put("Action", "s3:*");
    s.putArray("Resource").add("arn:aws:s3:::" + bucket).add("arn:aws:s3:::" + bucket + "/*");
    s.putObject("Condition").putObject("Bool").put("aws:SecureTransport", "false");
    return s;
  }

  // ---------------------------------------------------------------------------------------------
  // Merging edits: unchanged when the rule they serve already passes.

  /** Adds the ACL check unless some Allow already lets CloudTrail GetBucketAcl (any condition, as the rule). */
  static JsonNode withAclCheck(JsonNode policy, String bucket, List<String> trailArns) {
    String arn = "arn:aws:s3:::" + bucket;
    boolean granted = PolicyMatch.statements(policy).stream().anyMatch(s -> PolicyMatch.isAllow(s)
        && PolicyMatch.includesService(s, PolicyMatch.CLOUDTRAIL) && PolicyMatch.coversAction(s, "s3:GetBucketAcl")
        && PolicyMatch.coversResource(s, arn));
    return granted ? policy : append(policy, sid -> aclCheck(bucket, trailArns, sid), "CloudTrailAclCheck");
  }

  /** Adds the deletion Deny unless one reaching everyone already covers both actions on every log object. */
  static JsonNode withDenyDeletion(JsonNode policy, String bucket, List<String> logObjects, Map<String, String> ordinary) {
    boolean denied = logObjects.stream().allMatch(o -> PolicyMatch.denies(policy, "s3:DeleteObject", o, ordinary)
        && PolicyMatch.denies(policy, "s3:DeleteObjectVersion", o, ordinary));
    return denied ? policy : append(policy, sid -> denyDeletion(bucket, sid), "DenyLogDeletion");
  }

  private static final List<String> OBJECT_ACTIONS = List.of("s3:GetObject", "s3:PutObject", "s3:DeleteObject");
  private static final List<String> BUCKET_ACTIONS = List.of("s3:ListBucket", "s3:PutBucketPolicy", "s3:DeleteBucket");

  /** Adds the plain-HTTP Deny unless the requests the rule tries are already denied without TLS. */
  static JsonNode withDenyInsecureTransport(JsonNode policy, String bucket, Map<String, String> ordinary) {
    Map<String, String> http = new java.util.HashMap<>(ordinary);
    http.put("aws:securetransport", "false");
    String object = "arn:aws:s3:::" + bucket + "/AWSLogs/CloudTrail/log.json.gz";
    boolean denied = OBJECT_ACTIONS.stream().allMatch(a -> PolicyMatch.denies(policy, a, object, http))
        && BUCKET_ACTIONS.stream().allMatch(a -> PolicyMatch.denies(policy, a, "arn:aws:s3:::" + bucket, http));
    return denied ? policy : append(policy, sid -> denyInsecureTransport(bucket, sid), "DenyInsecureTransport");
  }

  /**
   * Makes CloudTrail's writes pass the write rule: every statement granting it s3:PutObject under a log
   * prefix gets the bucket-owner-full-control condition, and an aws:SourceArn naming the trails when
   * its condition would let another account's trail write; prefixes nobody grants are added to an
   * existing CloudTrail write statement, or to a new one. Other statements are untouched.
   *
   * @param fallbackAccount the aws:SourceAccount used when no trail ARN is known
   */
  static JsonNode withWrite(JsonNode policy, String bucket, List<String> logPrefixes, List<String> owners,
      List<String> trailArns, String fallbackAccount) {
    List<String> targets = new ArrayList<>();
    for (String prefix : logPrefixes) {
      for (String owner : owners) {
        targets.add("arn:aws:s3:::" + bucket + "/" + prefix + owner + "/");
      }
    }
    List<JsonNode> statements = new ArrayList<>(PolicyMatch.statements(policy));
    boolean changed = false;
    for (int i = 0; i < statements.size(); i++) {
      JsonNode s = statements.get(i);
      if (targets.stream().anyMatch(t -> grants(s, t))) {
        JsonNode fixed = tightened(s, trailArns, fallbackAccount);
        if (!fixed.equals(s)) {
          statements.set(i, fixed);
          changed = true;
        }
      }
    }
    List<String> missing = targets.stream()
        .filter(t -> statements.stream().noneMatch(s -> grants(s, t))).map(t -> t + "*").toList();
    if (!missing.isEmpty()) {
      Optional<Integer> widen = java.util.stream.IntStream.range(0, statements.size()).boxed()
          .filter(i -> writeStatement(statements.get(i))).findFirst();
      if (widen.isPresent()) {
        ObjectNode wider = (ObjectNode) statements.get(widen.get()).deepCopy();
        Set<String> resources = new LinkedHashSet<>();
        Documents.elements(wider.get("Resource")).forEach(r -> resources.add(r.asText()));
        resources.addAll(missing);
        wider.set("Resource", oneOrMany(List.copyOf(resources)));
        statements.set(widen.get(), tightened(wider, trailArns, fallbackAccount));
      } else {
        statements.add(write(bucket, missing, trailArns.isEmpty() ? List.of() : trailArns,
            uniqueSid(statements, "CloudTrailWrite")));
        if (trailArns.isEmpty()) {
          ObjectNode added = (ObjectNode) statements.get(statements.size() - 1);
          ObjectNode equals = (ObjectNode) added.path("Condition").path("StringEquals");
          equals.remove("aws:SourceArn");
          equals.put("aws:SourceAccount", fallbackAccount);
        }
      }
      changed = true;
    }
    return changed ? withStatements(policy, statements) : policy;
  }

  /** The rule's grants(): an Allow letting CloudTrail put an object under the target prefix. */
  private static boolean grants(JsonNode s, String target) {
    return PolicyMatch.isAllow(s) && PolicyMatch.includesService(s, PolicyMatch.CLOUDTRAIL)
        && PolicyMatch.coversAction(s, "s3:PutObject") && PolicyMatch.coversResource(s, target + "CloudTrail/us-east-1/log.json.gz");
  }

  /** A statement naming CloudTrail itself with an explicit Resource list, which can be widened safely. */
  private static boolean writeStatement(JsonNode s) {
    return PolicyMatch.isAllow(s) && s.path("Principal").isObject()
        && Documents.elements(s.path("Principal").path("Service")).stream().anyMatch(v -> v.asText().equals(PolicyMatch.CLOUDTRAIL))
        && PolicyMatch.coversAction(s, "s3:PutObject") && s.has("Resource");
  }

  /** Adds the ACL condition if missing, and aws:SourceArn if an outsider's trail could use the grant. */
  private static JsonNode tightened(JsonNode s, List<String> trailArns, String fallbackAccount) {
    ObjectNode copy = s.deepCopy();
    if (!PolicyMatch.requiresStringEquals(copy, ACL_KEY, ACL_VALUE)) {
      equalsBlock(copy).set(ACL_KEY, Documents.object().textNode(ACL_VALUE));
    }
    if (PolicyMatch.conditionHolds(copy, PolicyMatch.OUTSIDER)) {
      if (trailArns.isEmpty()) {
        equalsBlock(copy, "aws:SourceAccount").put("aws:SourceAccount", fallbackAccount);
      } else {
        equalsBlock(copy, "aws:SourceArn").set("aws:SourceArn", oneOrMany(trailArns));
      }
    }
    return copy;
  }

  private static ObjectNode equalsBlock(ObjectNode statement) {
    return equalsBlock(statement, ACL_KEY);
  }

  /** The StringEquals block, without any case variant of {@code key} (condition keys are case-insensitive). */
  private static ObjectNode equalsBlock(ObjectNode statement, String key) {
    JsonNode condition = statement.path("Condition");
    ObjectNode conditions = condition.isObject() ? (ObjectNode) condition : statement.putObject("Condition");
    JsonNode equals = conditions.path("StringEquals");
    ObjectNode block = equals.isObject() ? (ObjectNode) equals : conditions.putObject("StringEquals");
    List<String> variants = new ArrayList<>();
    block.fieldNames().forEachRemaining(k -> {
      if (k.equalsIgnoreCase(key)) {
        variants.add(k);
      }
    });
    block.remove(variants);
    return block;
  }

  // ---------------------------------------------------------------------------------------------

  /** The policy with one more statement, under a new unique Sid. */
  static JsonNode append(JsonNode policy, java.util.function.Function<String, JsonNode> statement, String sidBase) {
    List<JsonNode> statements = new ArrayList<>(PolicyMatch.statements(policy));
    statements.add(statement.apply(uniqueSid(statements, sidBase)));
    return withStatements(policy, statements);
  }

  /** A copy of the policy (a new one when there is none) with these statements, as an array. */
  static JsonNode withStatements(JsonNode policy, List<JsonNode> statements) {
    ObjectNode copy = Documents.absent(policy) ? Documents.object().put("Version", "2012-10-17") : ((ObjectNode) policy).deepCopy();
    ArrayNode array = copy.putArray("Statement");
    statements.forEach(s -> array.add(s.deepCopy()));
    return copy;
  }

  static String uniqueSid(List<JsonNode> statements, String base) {
    Set<String> taken = new java.util.HashSet<>();
    statements.forEach(s -> taken.add(s.path("Sid").asText()));
    String sid = SID_PREFIX + base;
    for (int n = 2; taken.contains(sid); n++) {
      sid = SID_PREFIX + base + n;
    }
    return sid;
  }

  static JsonNode oneOrMany(List<String> values) {
    return values.size() == 1 ? Documents.object().textNode(values.get(0)) : PolicyMatch.strings(values);
  }
}
