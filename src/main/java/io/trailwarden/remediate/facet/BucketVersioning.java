package io.trailwarden.remediate.facet;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwarden.aws.ClientFactory;
import io.trailwarden.snapshot.Snapshot;
import java.util.List;

/**
 * Bucket versioning: {"status": "Enabled"} or {"status": "Suspended"}. A bucket that was never
 * versioned (S3 reports no status, the snapshot "Disabled") reads as Suspended: once enabled, S3 can
 * only suspend versioning, never return to "never enabled", and the two keep no new versions alike, so
 * one document for both lets a rollback of "enable" read back exactly as it started. MFA delete is not
 * part of the document: changing it needs the root user's MFA device.
 */
public final class BucketVersioning extends BucketFacet {
  public static final BucketVersioning FACET = new BucketVersioning();

  private BucketVersioning() {}

  @Override
  public String id() {
    return "bucket-versioning";
  }

  @Override
  public int order() {
    return 40;
  }

  @Override
  public JsonNode read(Snapshot snapshot, Target target) {
    return read(snapshot, target, b -> b.versioning().<JsonNode>map(v -> Documents.object()
        .put("status", "Enabled".equals(v.status()) ? "Enabled" : "Suspended")).orElse(null));
  }

  @Override
  public java.util.Optional<String> problem(JsonNode to) {
    return Documents.absent(to) || List.of("Enabled", "Suspended").contains(to.path("status").asText())
        ? java.util.Optional.empty() : java.util.Optional.of("versioning can only be Enabled or Suspended");
  }

  @Override
  public List<ApiCall> calls(JsonNode from, JsonNode to) {
    return List.of(ApiCall.of("s3", "PutBucketVersioning", "s3:PutBucketVersioning"));
  }

  @Override
  public void write(ClientFactory aws, Target target, JsonNode from, JsonNode to) {
    // To nothing (the rollback of a creation, when the bucket goes too) is Suspended, the closest S3 has.
    String status = Documents.absent(to) ? "Suspended" : to.path("status").asText();
    aws.s3(target.accountId(), target.region()).putBucketVersioning(r -> r.bucket(target.name())
        .versioningConfiguration(v -> v.status(status)));
  }
}
