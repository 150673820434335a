package io.trailwarden.remediate.s3;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwarden.Json;
import io.trailwarden.remediate.facet.BucketPolicy;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class CloudTrailBucketStatementsTest {
  static final String BUCKET = "logs";
  static final String MGMT = "111111111111";
  static final String ORG = "o-abc123";
  static final String TRAIL = "arn:aws:cloudtrail:us-east-1:111111111111:trail/org";
  static final Map<String, String> ORDINARY = PolicyMatch.ordinary("222222222222", "us-east-1", ORG, true);

  static JsonNode json(String text) {
    try {
      return Json.mapper().readTree(text.replace('\'', '"'));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A statement no edit must touch, and a second to check the order is kept. */
  static final String OTHER = "{'Sid':'ReadForAuditors','Effect':'Allow','Principal':{'AWS':'arn:aws:iam::222222222222:role/Auditor'},"
      + "'Action':['s3:GetObject','s3:ListBucket'],'Resource':['arn:aws:s3:::logs','arn:aws:s3:::logs/*']}";
  static final String OTHER2 = "{'Sid':'Replication','Effect':'Allow','Principal':{'AWS':'arn:aws:iam::333333333333:root'},"
      + "'Action':'s3:ReplicateObject','Resource':'arn:aws:s3:::logs/*'}";

  static JsonNode policy(String... statements) {
    return json("{'Version':'2012-10-17','Statement':[" + String.join(",", statements) + "]}");
  }

  /** The edit fixes, is idempotent, keeps the other statements in place, and does not mutate its input. */
  static JsonNode checkMerge(JsonNode before, UnaryOperator<JsonNode> edit) {
    JsonNode snapshot = before == null ? null : before.deepCopy();
    JsonNode after = edit.apply(before);
    assertThat(before).as("input not mutated").isEqualTo(snapshot);
    assertThat(after).as("the edit changes something").isNotEqualTo(before);
    assertThat(edit.apply(after)).as("idempotent").isEqualTo(after);
    List<JsonNode> kept = PolicyMatch.statements(before).stream()
        .filter(s -> s.path("Sid").asText().equals("ReadForAuditors") || s.path("Sid").asText().equals("Replication")).toList();
    if (!kept.isEmpty()) {
      assertThat(PolicyMatch.statements(after)).containsSubsequence(kept);
    }
    assertThat(BucketPolicy.FACET.problem(after)).isEmpty();
    return after;
  }

  @Test
  void addsTheAclCheck() {
    JsonNode after = checkMerge(policy(OTHER, OTHER2), p -> CloudTrailBucketStatements.withAclCheck(p, BUCKET, List.of(TRAIL)));
    JsonNode added = PolicyMatch.statements(after).get(2);
    assertThat(added.path("Sid").asText()).isEqualTo("TrailWardenCloudTrailAclCheck");
    assertThat(added.path("Action").asText()).isEqualTo("s3:GetBucketAcl");
    assertThat(added.path("Resource").asText()).isEqualTo("arn:aws:s3:::logs");
    assertThat(PolicyMatch.statements(after).subList(0, 2)).isEqualTo(PolicyMatch.statements(policy(OTHER, OTHER2)));
  }

  @Test
  void anExistingAclCheckIsEnough() {
    JsonNode before = policy(json(CloudTrailBucketStatements.aclCheck(BUCKET, List.of(), "Mine").toString()).toString(), OTHER);
    assertThat(CloudTrailBucketStatements.withAclCheck(before, BUCKET, List.of(TRAIL))).isSameAs(before);
  }

  @Test
  void addsAWriteStatementForBothOwnersUnderTheKeyPrefix() {
    JsonNode after = checkMerge(policy(OTHER),
        p -> CloudTrailBucketStatements.withWrite(p, BUCKET, List.of("org/AWSLogs/"), List.of(MGMT, ORG), List.of(TRAIL), MGMT));
    JsonNode write = PolicyMatch.statements(after).get(1);
    assertThat(write.path("Sid").asText()).isEqualTo("TrailWardenCloudTrailWrite");
    assertThat(write.path("Resource")).isEqualTo(json("['arn:aws:s3:::logs/org/AWSLogs/111111111111/*','arn:aws:s3:::logs/org/AWSLogs/o-abc123/*']"));
    assertThat(write.path("Condition")).isEqualTo(json(
        "{'StringEquals':{'s3:x-amz-acl':'bucket-owner-full-control','aws:SourceArn':'" + TRAIL + "'}}"));
  }

  @Test
  void widensAndTightensAnExistingWriteStatementInPlace() {
    String loose = "{'Sid':'AWSCloudTrailWrite','Effect':'Allow','Principal':{'Service':'cloudtrail.amazonaws.com'},"
        + "'Action':'s3:PutObject','Resource':'arn:aws:s3:::logs/AWSLogs/111111111111/*'}";
    JsonNode after = checkMerge(policy(OTHER, loose, OTHER2),
        p -> CloudTrailBucketStatements.withWrite(p, BUCKET, List.of("AWSLogs/"), List.of(MGMT, ORG), List.of(TRAIL), MGMT));
    assertThat(PolicyMatch.statements(after)).hasSize(3);
    JsonNode write = PolicyMatch.statements(after).get(1);
    assertThat(write.path("Sid").asText()).isEqualTo("AWSCloudTrailWrite");
    assertThat(write.path("Resource")).isEqualTo(json("['arn:aws:s3:::logs/AWSLogs/111111111111/*','arn:aws:s3:::logs/AWSLogs/o-abc123/*']"));
    assertThat(write.at("/Condition/StringEquals/s3:x-amz-acl").asText()).isEqualTo("bucket-owner-full-control");
    assertThat(write.at("/Condition/StringEquals/aws:SourceArn").asText()).isEqualTo(TRAIL);
  }

  @Test
  void aScopedGrantKeepsItsScopeAndGainsOnlyTheAclCondition() {
    String scoped = "{'Sid':'W','Effect':'Allow','Principal':{'Service':'cloudtrail.amazonaws.com'},'Action':'s3:PutObject',"
        + "'Resource':['arn:aws:s3:::logs/AWSLogs/111111111111/*','arn:aws:s3:::logs/AWSLogs/o-abc123/*'],"
        + "'Condition':{'StringEquals':{'aws:SourceAccount':'111111111111','S3:X-Amz-Acl':'private'}}}";
    JsonNode after = checkMerge(policy(scoped),
        p -> CloudTrailBucketStatements.withWrite(p, BUCKET, List.of("AWSLogs/"), List.of(MGMT, ORG), List.of(TRAIL), MGMT));
    assertThat(PolicyMatch.statements(after).get(0).path("Condition")).isEqualTo(json(
        "{'StringEquals':{'aws:SourceAccount':'111111111111','s3:x-amz-acl':'bucket-owner-full-control'}}"));
  }

  @Test
  void aLooseWildcardGrantIsTightenedToo() {
    String wide = "{'Sid':'Everything','Effect':'Allow','Principal':{'Service':['cloudtrail.amazonaws.com','config.amazonaws.com']},"
        + "'Action':'s3:*','Resource':'arn:aws:s3:::logs/*'}";
    JsonNode after = checkMerge(policy(wide),
        p -> CloudTrailBucketStatements.withWrite(p, BUCKET, List.of("AWSLogs/"), List.of(MGMT, ORG), List.of(TRAIL), MGMT));
    assertThat(PolicyMatch.statements(after)).hasSize(1);
    assertThat(PolicyMatch.requiresStringEquals(PolicyMatch.statements(after).get(0), "s3:x-amz-acl", "bucket-owner-full-control")).isTrue();
    assertThat(PolicyMatch.conditionHolds(PolicyMatch.statements(after).get(0), PolicyMatch.OUTSIDER)).isFalse();
  }

  @Test
  void deniesDeletionUnlessAlreadyDenied() {
    var objects = CloudTrailBucketStatements.logObjects(BUCKET, List.of("AWSLogs/"), List.of(MGMT, ORG));
    JsonNode after = checkMerge(policy(OTHER, OTHER2), p -> CloudTrailBucketStatements.withDenyDeletion(p, BUCKET, objects, ORDINARY));
    assertThat(PolicyMatch.statements(after).get(2)).isEqualTo(json("{'Sid':'TrailWardenDenyLogDeletion','Effect':'Deny',"
        + "'Principal':'*','Action':['s3:DeleteObject','s3:DeleteObjectVersion'],'Resource':'arn:aws:s3:::logs/*'}"));
    // A Deny that lets the account's roles through protects nothing: it is not taken for the fix.
    String exempting = "{'Sid':'DenyDelete','Effect':'Deny','Principal':'*','Action':'s3:Delete*','Resource':'arn:aws:s3:::logs/*',"
        + "'Condition':{'StringNotEquals':{'aws:PrincipalAccount':'222222222222'}}}";
    assertThat(PolicyMatch.statements(CloudTrailBucketStatements.withDenyDeletion(policy(exempting), BUCKET, objects, ORDINARY)))
        .hasSize(2);
    String real = "{'Sid':'DenyDelete','Effect':'Deny','Principal':{'AWS':'*'},'Action':'s3:Delete*','Resource':'arn:aws:s3:::logs/AWSLogs/*'}";
    JsonNode protectedPolicy = policy(real);
    assertThat(CloudTrailBucketStatements.withDenyDeletion(protectedPolicy, BUCKET, objects, ORDINARY)).isSameAs(protectedPolicy);
  }

  @Test
  void deniesInsecureTransport() {
    JsonNode after = checkMerge(policy(OTHER), p -> CloudTrailBucketStatements.withDenyInsecureTransport(p, BUCKET, ORDINARY));
    assertThat(PolicyMatch.statements(after).get(1).path("Sid").asText()).isEqualTo("TrailWardenDenyInsecureTransport");
    // Objects only is not enough: the rule also tries ListBucket, PutBucketPolicy and DeleteBucket on the bucket.
    String objectsOnly = "{'Sid':'Tls','Effect':'Deny','Principal':'*','Action':'s3:*','Resource':'arn:aws:s3:::logs/*',"
        + "'Condition':{'Bool':{'aws:SecureTransport':'false'}}}";
    assertThat(PolicyMatch.statements(CloudTrailBucketStatements.withDenyInsecureTransport(policy(objectsOnly), BUCKET, ORDINARY)))
        .hasSize(2);
  }

  @Test
  void newSidsAreUnique() {
    String squatter = "{'Sid':'TrailWardenDenyInsecureTransport','Effect':'Allow','Principal':{'AWS':'arn:aws:iam::222222222222:root'},"
        + "'Action':'s3:GetObject','Resource':'arn:aws:s3:::logs/*'}";
    JsonNode after = checkMerge(policy(squatter), p -> CloudTrailBucketStatements.withDenyInsecureTransport(p, BUCKET, ORDINARY));
    assertThat(PolicyMatch.statements(after).get(1).path("Sid").asText()).isEqualTo("TrailWardenDenyInsecureTransport2");
  }

  @Test
  void buildsAWholePolicyFromNothing() {
    JsonNode policy = CloudTrailBucketStatements.withCloudTrailStatements(null, BUCKET, MGMT, ORG, List.of(TRAIL));
    assertThat(PolicyMatch.statements(policy)).extracting(s -> s.path("Sid").asText()).containsExactly(
        "TrailWardenCloudTrailAclCheck", "TrailWardenCloudTrailWrite", "TrailWardenDenyLogDeletion",
        "TrailWardenDenyInsecureTransport");
    assertThat(CloudTrailBucketStatements.withCloudTrailStatements(policy, BUCKET, MGMT, ORG, List.of(TRAIL))).isEqualTo(policy);
    assertThat(BucketPolicy.FACET.problem(policy)).isEmpty();
  }

  @Test
  void refusesPoliciesOver20KbAndDuplicateSids() {
    ObjectNode big = (ObjectNode) policy(OTHER);
    var statements = big.withArray("Statement");
    for (int i = 0; big.toString().length() <= BucketPolicy.MAX_BYTES; i++) {
      statements.add(json(OTHER.replace("ReadForAuditors", "Auditor" + i)));
    }
    assertThat(BucketPolicy.FACET.problem(big)).hasValueSatisfying(p -> assertThat(p).contains("over the 20480 bytes"));
    statements.remove(statements.size() - 1);
    assertThat(BucketPolicy.FACET.problem(big)).isEmpty();
    assertThat(BucketPolicy.FACET.problem(policy(OTHER, OTHER))).hasValueSatisfying(p -> assertThat(p).contains("ReadForAuditors"));
  }
}
