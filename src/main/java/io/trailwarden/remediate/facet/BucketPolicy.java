package io.trailwarden.remediate.facet;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwarden.aws.ClientFactory;
import io.trailwarden.snapshot.Snapshot;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The bucket policy, parsed, or null for none. Written whole (S3 has no partial update); edits merge. */
public final class BucketPolicy extends BucketFacet {
  public static final BucketPolicy FACET = new BucketPolicy();

  /** S3 refuses bucket policies over 20 KB. */
  public static final int MAX_BYTES = 20 * 1024;

  private BucketPolicy() {}

  @Override
  public String id() {
    return "bucket-policy";
  }

  @Override
  public int order() {
    return 20;
  }

  @Override
  public JsonNode read(Snapshot snapshot, Target target) {
    return read(snapshot, target, b -> b.policy().orElse(null));
  }

  @Override
  public Optional<String> problem(JsonNode to) {
    if (Documents.absent(to)) {
      return Optional.empty();
    }
    int bytes = to.toString().getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_BYTES) {
      return Optional.of("the policy would be " + bytes + " bytes, over the " + MAX_BYTES + " bytes S3 accepts");
    }
    Set<String> sids = new HashSet<>();
    for (JsonNode statement : Documents.elements(to.path("Statement"))) {
      String sid = statement.path("Sid").asText("");
      if (!sid.isEmpty() && !sids.add(sid)) {
        return Optional.of("the policy would have two statements with Sid " + sid);
      }
    }
    return Optional.empty();
  }

  @Override
  public List<ApiCall> calls(JsonNode from, JsonNode to) {
    return Documents.absent(to) ? List.of(ApiCall.of("s3", "DeleteBucketPolicy", "s3:DeleteBucketPolicy"))
        : List.of(ApiCall.of("s3", "PutBucketPolicy", "s3:PutBucketPolicy"));
  }

  @Override
  public void write(ClientFactory aws, Target target, JsonNode from, JsonNode to) {
    var s3 = aws.s3(target.accountId(), target.region());
    if (Documents.absent(to)) {
      s3.deleteBucketPolicy(r -> r.bucket(target.name()));
    } else {
      s3.putBucketPolicy(r -> r.bucket(target.name()).policy(to.toString()));
    }
  }
}
