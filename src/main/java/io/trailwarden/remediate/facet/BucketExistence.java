package io.trailwarden.remediate.facet;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwarden.aws.ClientFactory;
import io.trailwarden.snapshot.Snapshot;
import java.util.List;
import java.util.Optional;

/**
 * That the bucket exists, and where: {"name", "region"}, or null. From null it creates the bucket; to
 * null it deletes it, which is only ever the rollback of a creation (S3 refuses to delete a bucket
 * with objects, and nothing here empties one).
 */
public final class BucketExistence extends BucketFacet {
  public static final BucketExistence FACET = new BucketExistence();

  private BucketExistence() {}

  @Override
  public String id() {
    return "bucket";
  }

  @Override
  public int order() {
    return 10;
  }

  @Override
  public JsonNode read(Snapshot snapshot, Target target) {
    return read(snapshot, target, b -> document(target.name(), b.region()));
  }

  public static JsonNode document(String name, String region) {
    return Documents.object().put("name", name).put("region", region);
  }

  @Override
  public Optional<String> problem(JsonNode to) {
    return Documents.absent(to) || to.path("name").isTextual() && to.path("region").isTextual() ? Optional.empty()
        : Optional.of("a bucket needs a name and a region");
  }

  @Override
  public List<ApiCall> calls(JsonNode from, JsonNode to) {
    if (Documents.absent(from) && !Documents.absent(to)) {
      return List.of(ApiCall.of("s3", "CreateBucket", "s3:CreateBucket"));
    }
    if (!Documents.absent(from) && Documents.absent(to)) {
      return List.of(ApiCall.of("s3", "DeleteBucket", "s3:DeleteBucket"));
    }
    return List.of();
  }

  @Override
  public void write(ClientFactory aws, Target target, JsonNode from, JsonNode to) {
    if (Documents.absent(from) && !Documents.absent(to)) {
      String region = to.path("region").asText();
      var s3 = aws.s3(target.accountId(), region);
      // us-east-1 is the one region S3 refuses a LocationConstraint for.
      if (region.equals("us-east-1")) {
        s3.createBucket(r -> r.bucket(target.name()));
      } else {
        s3.createBucket(r -> r.bucket(target.name()).createBucketConfiguration(c -> c.locationConstraint(region)));
      }
    } else if (!Documents.absent(from) && Documents.absent(to)) {
      aws.s3(target.accountId(), from.path("region").asText()).deleteBucket(r -> r.bucket(target.name()));
    } else if (!java.util.Objects.equals(from, to)) {
      throw new IllegalArgumentException("a bucket cannot be renamed or moved to another region: " + target.name());
    }
  }
}
