package io.trailwarden.remediate.facet;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwarden.aws.ClientFactory;
import io.trailwarden.snapshot.Snapshot;
import java.util.List;

/** The bucket's own Block Public Access settings: the four booleans, or null when none is set. */
public final class BucketPublicAccessBlock extends BucketFacet {
  public static final BucketPublicAccessBlock FACET = new BucketPublicAccessBlock();
  public static final List<String> SETTINGS = List.of("blockPublicAcls", "ignorePublicAcls", "blockPublicPolicy", "restrictPublicBuckets");

  private BucketPublicAccessBlock() {}

  @Override
  public String id() {
    return "bucket-public-access-block";
  }

  @Override
  public int order() {
    return 30;
  }

  @Override
  public JsonNode read(Snapshot snapshot, Target target) {
    return read(snapshot, target, b -> b.publicAccessBlock().<JsonNode>map(p -> Documents.object()
        .put("blockPublicAcls", p.blockPublicAcls()).put("ignorePublicAcls", p.ignorePublicAcls())
        .put("blockPublicPolicy", p.blockPublicPolicy()).put("restrictPublicBuckets", p.restrictPublicBuckets()))
        .orElse(null));
  }

  /** All four on. */
  public static com.fasterxml.jackson.databind.node.ObjectNode blocked() {
    var doc = Documents.object();
    SETTINGS.forEach(s -> doc.put(s, true));
    return doc;
  }

  @Override
  public List<ApiCall> calls(JsonNode from, JsonNode to) {
    return List.of(ApiCall.of("s3", Documents.absent(to) ? "DeletePublicAccessBlock" : "PutPublicAccessBlock",
        "s3:PutBucketPublicAccessBlock"));
  }

  @Override
  public void write(ClientFactory aws, Target target, JsonNode from, JsonNode to) {
    var s3 = aws.s3(target.accountId(), target.region());
    if (Documents.absent(to)) {
      s3.deletePublicAccessBlock(r -> r.bucket(target.name()));
    } else {
      s3.putPublicAccessBlock(r -> r.bucket(target.name()).publicAccessBlockConfiguration(c -> c
          .blockPublicAcls(to.path("blockPublicAcls").asBoolean()).ignorePublicAcls(to.path("ignorePublicAcls").asBoolean())
          .blockPublicPolicy(to.path("blockPublicPolicy").asBoolean())
          .restrictPublicBuckets(to.path("restrictPublicBuckets").asBoolean())));
    }
  }
}
