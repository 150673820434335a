package io.trailwarden.remediate.s3;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwarden.snapshot.Bucket;
import io.trailwarden.snapshot.Snapshot;
import java.util.function.UnaryOperator;

/** Denies every request to the bucket and its objects made without TLS (aws:SecureTransport false). */
public final class DenyInsecureTransport extends BucketPolicyRemediation {
  @Override
  public String id() {
    return "DenyInsecureTransport";
  }

  @Override
  public String ruleId() {
    return "s3_log_bucket_policy_denies_insecure_transport";
  }

  @Override
  protected String summary(String bucket) {
    return "deny s3:* on " + bucket + " and its objects without TLS";
  }

  @Override
  protected UnaryOperator<JsonNode> edit(String name, Bucket bucket, Snapshot snapshot) {
    var context = ordinary(bucket, snapshot);
    return policy -> CloudTrailBucketStatements.withDenyInsecureTransport(policy, name, context);
  }
}
