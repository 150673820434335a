package io.trailwarden.remediate.s3;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwarden.snapshot.Bucket;
import io.trailwarden.snapshot.Snapshot;
import java.util.function.UnaryOperator;

/**
 * Lets CloudTrail write the organization's logs, and only those: s3:PutObject under AWSLogs/ for the
 * management account and the organization (under the trails' key prefix), requiring
 * bucket-owner-full-control, from the organization trails only (aws:SourceArn). An existing CloudTrail
 * write statement is widened and tightened rather than duplicated.
 */
public final class AddCloudTrailWriteStatement extends BucketPolicyRemediation {
  @Override
  public String id() {
    return "AddCloudTrailWriteStatement";
  }

  @Override
  public String ruleId() {
    return "s3_log_bucket_policy_allows_cloudtrail_write";
  }

  @Override
  protected String summary(String bucket) {
    return "allow cloudtrail.amazonaws.com s3:PutObject on the organization's log prefixes of " + bucket
        + " with bucket-owner-full-control, from the organization trails only";
  }

  @Override
  protected UnaryOperator<JsonNode> edit(String name, Bucket bucket, Snapshot snapshot) {
    var prefixes = LogBuckets.logPrefixes(snapshot, name);
    var owners = LogBuckets.owners(snapshot);
    var trails = LogBuckets.trailArns(snapshot, name);
    String management = snapshot.scope().managementAccountId();
    return policy -> CloudTrailBucketStatements.withWrite(policy, name, prefixes, owners, trails, management);
  }
}
