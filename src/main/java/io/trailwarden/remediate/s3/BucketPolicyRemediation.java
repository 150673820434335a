package io.trailwarden.remediate.s3;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwarden.remediate.Proposal;
import io.trailwarden.remediate.RemediationContext;
import io.trailwarden.remediate.facet.BucketPolicy;
import io.trailwarden.snapshot.Bucket;
import io.trailwarden.snapshot.Snapshot;
import java.util.List;
import java.util.function.UnaryOperator;

/** A remediation that merges statements into the log bucket's policy; the subclass says which and how. */
abstract class BucketPolicyRemediation extends LogBucketRemediation {
  /** What the edit does, for the plan. */
  protected abstract String summary(String bucket);

  /** The pure edit of the policy document (null for none). */
  protected abstract UnaryOperator<JsonNode> edit(String name, Bucket bucket, Snapshot snapshot);

  @Override
  protected List<Proposal> propose(String name, Bucket bucket, Snapshot snapshot, RemediationContext context) {
    return List.of(new Proposal.Fix(BucketPolicy.FACET, LogBuckets.target(name, bucket), summary(name),
        edit(name, bucket, snapshot)));
  }

  /** iam.rego's ordinary caller of the bucket's account, over HTTPS. */
  static java.util.Map<String, String> ordinary(Bucket bucket, Snapshot snapshot) {
    return PolicyMatch.ordinary(bucket.accountId(), bucket.region(), snapshot.organizationId().orElse(null), true);
  }
}
