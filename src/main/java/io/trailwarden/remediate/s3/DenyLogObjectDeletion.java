package io.trailwarden.remediate.s3;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwarden.snapshot.Bucket;
import io.trailwarden.snapshot.Snapshot;
import java.util.function.UnaryOperator;

/** Denies s3:DeleteObject and s3:DeleteObjectVersion on the bucket's objects to everyone. */
public final class DenyLogObjectDeletion extends BucketPolicyRemediation {
  @Override
  public String id() {
    return "DenyLogObjectDeletion";
  }

  @Override
  public String ruleId() {
    return "s3_log_bucket_policy_denies_object_deletion";
  }

  @Override
  protected String summary(String bucket) {
    return "deny s3:DeleteObject and s3:DeleteObjectVersion on arn:aws:s3:::" + bucket + "/* to everyone";
  }

  @Override
  protected UnaryOperator<JsonNode> edit(String name, Bucket bucket, Snapshot snapshot) {
    var objects = CloudTrailBucketStatements.logObjects(name, LogBuckets.logPrefixes(snapshot, name), LogBuckets.owners(snapshot));
    var context = ordinary(bucket, snapshot);
    return policy -> CloudTrailBucketStatements.withDenyDeletion(policy, name, objects, context);
  }
}
