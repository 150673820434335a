package io.trailwarden.remediate.facet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwarden.aws.ClientFactory;
import io.trailwarden.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionRule;

/** Default encryption: {"rules": [{"sseAlgorithm", "kmsMasterKeyId", "bucketKeyEnabled"}]}, or null for none. */
public final class BucketEncryption extends BucketFacet {
  public static final BucketEncryption FACET = new BucketEncryption();

  private BucketEncryption() {}

  @Override
  public String id() {
    return "bucket-encryption";
  }

  @Override
  public int order() {
    return 40;
  }

  @Override
  public JsonNode read(Snapshot snapshot, Target target) {
    return read(snapshot, target, b -> b.encryption().<JsonNode>map(e -> {
      ObjectNode doc = Documents.object();
      var rules = doc.putArray("rules");
      e.rules().forEach(r -> rules.add(rule(r.sseAlgorithm(), r.kmsMasterKeyId().orElse(null), r.bucketKeyEnabled())));
      return doc;
    }).orElse(null));
  }

  public static ObjectNode rule(String algorithm, String kmsKeyId, boolean bucketKey) {
    return Documents.object().put("sseAlgorithm", algorithm).put("kmsMasterKeyId", kmsKeyId).put("bucketKeyEnabled", bucketKey);
  }

  @Override
  public List<ApiCall> calls(JsonNode from, JsonNode to) {
    return List.of(ApiCall.of("s3", Documents.absent(to) ? "DeleteBucketEncryption" : "PutBucketEncryption",
        "s3:PutEncryptionConfiguration"));
  }

  @Override
  public void write(ClientFactory aws, Target target, JsonNode from, JsonNode to) {
    var s3 = aws.s3(target.accountId(), target.region());
    if (Documents.absent(to)) {
      s3.deleteBucketEncryption(r -> r.bucket(target.name()));
      return;
    }
    List<ServerSideEncryptionRule> rules = new ArrayList<>();
    to.path("rules").forEach(rule -> rules.add(ServerSideEncryptionRule.builder()
        .applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(rule.path("sseAlgorithm").asText())
            .kmsMasterKeyID(Documents.text(rule, "kmsMasterKeyId").orElse(null)))
        .bucketKeyEnabled(rule.path("bucketKeyEnabled").asBoolean()).build()));
    s3.putBucketEncryption(r -> r.bucket(target.name()).serverSideEncryptionConfiguration(c -> c.rules(rules)));
  }
}
