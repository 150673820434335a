package io.trailwarden.remediate.facet;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwarden.aws.ClientFactory;
import io.trailwarden.snapshot.Snapshot;
import java.util.List;

/**
 * Server access logging: {"targetBucket", "targetPrefix"}, or null when off. Ordered last among the
 * bucket's facets: S3 checks that the target bucket lets the log delivery service write.
 */
public final class BucketLogging extends BucketFacet {
  public static final BucketLogging FACET = new BucketLogging();

  private BucketLogging() {}

  @Override
  public String id() {
    return "bucket-logging";
  }

  @Override
  public int order() {
    return 45;
  }

  @Override
  public JsonNode read(Snapshot snapshot, Target target) {
    return read(snapshot, target, b -> b.logging().<JsonNode>map(l -> document(l.targetBucket(), l.targetPrefix())).orElse(null));
  }

  public static JsonNode document(String targetBucket, String targetPrefix) {
    return Documents.object().put("targetBucket", targetBucket).put("targetPrefix", targetPrefix);
  }

  @Override
  public List<ApiCall> calls(JsonNode from, JsonNode to) {
    return List.of(ApiCall.of("s3", "PutBucketLogging", "s3:PutBucketLogging"));
  }

  @Override
  public void write(ClientFactory aws, Target target, JsonNode from, JsonNode to) {
    var s3 = aws.s3(target.accountId(), target.region());
    if (Documents.absent(to)) {
      // An empty BucketLoggingStatus turns logging off.
      s3.putBucketLogging(r -> r.bucket(target.name()).bucketLoggingStatus(l -> { }));
    } else {
      s3.putBucketLogging(r -> r.bucket(target.name()).bucketLoggingStatus(l -> l.loggingEnabled(e -> e
          .targetBucket(to.path("targetBucket").asText()).targetPrefix(to.path("targetPrefix").asText("")))));
    }
  }
}
