package io.trailwarden.remediate.s3;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwarden.snapshot.Bucket;
import io.trailwarden.snapshot.Snapshot;
import java.util.function.UnaryOperator;

/** Lets CloudTrail read the bucket ACL, which it checks before it delivers (scoped to the organization trails). */
public final class AddCloudTrailAclCheckStatement extends BucketPolicyRemediation {
  @Override
  public String id() {
    return "AddCloudTrailAclCheckStatement";
  }

  @Override
  public String ruleId() {
    return "s3_log_bucket_policy_allows_cloudtrail_acl_check";
  }

  @Override
  protected String summary(String bucket) {
    return "allow cloudtrail.amazonaws.com s3:GetBucketAcl on " + bucket;
  }

  @Override
  protected UnaryOperator<JsonNode> edit(String name, Bucket bucket, Snapshot snapshot) {
    var trails = LogBuckets.trailArns(snapshot, name);
    return policy -> CloudTrailBucketStatements.withAclCheck(policy, name, trails);
  }
}
