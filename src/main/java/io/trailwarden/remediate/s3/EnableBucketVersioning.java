package io.trailwarden.remediate.s3;

import io.trailwarden.remediate.Proposal;
import io.trailwarden.remediate.RemediationContext;
import io.trailwarden.remediate.facet.BucketVersioning;
import io.trailwarden.remediate.facet.Documents;
import io.trailwarden.snapshot.Bucket;
import io.trailwarden.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * Enables versioning on the log bucket. The rule passes only with MFA delete or Object Lock in
 * COMPLIANCE mode as well, and neither is automated: MFA delete can only be set by the root user with
 * its MFA device, and a COMPLIANCE retention can be shortened or removed by no one, root included. So
 * versioning alone is proposed (the rule fails "not versioned" on its own), with a Manual for the rest
 * whenever the bucket has neither.
 */
public final class EnableBucketVersioning extends LogBucketRemediation {
  @Override
  public String id() {
    return "EnableBucketVersioning";
  }

  @Override
  public String ruleId() {
    return "s3_log_bucket_versioning_enabled";
  }

  @Override
  protected List<Proposal> propose(String name, Bucket bucket, Snapshot snapshot, RemediationContext context) {
    List<Proposal> proposals = new ArrayList<>();
    if (!bucket.versioning().map(v -> "Enabled".equals(v.status())).orElse(false)) {
      proposals.add(new Proposal.Fix(BucketVersioning.FACET, LogBuckets.target(name, bucket), "enable versioning of " + name,
          doc -> Documents.absent(doc) ? doc : Documents.with(doc, "status", "Enabled")));
    }
    if (!immutable(bucket)) {
      proposals.add(new Proposal.Manual("versioning alone does not make the logs of " + name + " immutable: turn on MFA"
          + " delete (only the root user can, with its MFA device: put-bucket-versioning --mfa) or a default Object Lock"
          + " retention in COMPLIANCE mode (irreversible: no one, root included, can delete a locked version before its"
          + " retention ends, so the retention period must be decided by the owner of the logs)"));
    }
    return proposals;
  }

  private static boolean immutable(Bucket bucket) {
    return bucket.versioning().map(v -> "Enabled".equals(v.mfaDelete())).orElse(false)
        || bucket.objectLock().map(l -> l.enabled() && l.mode().filter("COMPLIANCE"::equals).isPresent()).orElse(false);
  }
}
