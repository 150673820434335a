package io.trailwarden.remediate.s3;

import io.trailwarden.finding.Finding;
import io.trailwarden.remediate.Proposal;
import io.trailwarden.remediate.Remediation;
import io.trailwarden.remediate.RemediationContext;
import io.trailwarden.snapshot.Bucket;
import io.trailwarden.snapshot.Snapshot;
import java.util.List;

/** A remediation of a log bucket's finding: a bucket the snapshot does not hold has no known owner or region, so it is left to a person. */
abstract class LogBucketRemediation implements Remediation {
  @Override
  public final List<Proposal> propose(Finding finding, Snapshot snapshot, RemediationContext context) {
    String name = LogBuckets.name(finding);
    Bucket bucket = snapshot.buckets().get(name);
    return bucket == null ? List.of(LogBuckets.notCollected(name)) : propose(name, bucket, snapshot, context);
  }

  /** The proposals for a bucket the snapshot holds. */
  protected abstract List<Proposal> propose(String name, Bucket bucket, Snapshot snapshot, RemediationContext context);
}
