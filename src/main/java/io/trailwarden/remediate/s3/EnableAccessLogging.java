package io.trailwarden.remediate.s3;

import io.trailwarden.remediate.Proposal;
import io.trailwarden.remediate.RemediationContext;
import io.trailwarden.remediate.facet.BucketLogging;
import io.trailwarden.remediate.facet.Documents;
import io.trailwarden.snapshot.Bucket;
import io.trailwarden.snapshot.Snapshot;
import java.util.List;

/**
 * Turns on server access logging of the log bucket into the access-log bucket config.yaml names
 * (remediation.accessLogBucket), under the prefix "<bucket>/". That bucket must already let the S3
 * log delivery service write (S3 checks when logging is turned on); a bucket never logs into itself.
 */
public final class EnableAccessLogging extends LogBucketRemediation {
  @Override
  public String id() {
    return "EnableAccessLogging";
  }

  @Override
  public String ruleId() {
    return "s3_log_bucket_access_logging_enabled";
  }

  @Override
  protected List<Proposal> propose(String name, Bucket bucket, Snapshot snapshot, RemediationContext context) {
    var configured = context.settings().accessLogBucket();
    if (configured.isEmpty()) {
      return List.of(new Proposal.Manual("no access-log bucket is configured (remediation.accessLogBucket in config.yaml)"
          + " to receive the server access logs of " + name));
    }
    String target = configured.get();
    if (target.equals(name)) {
      return List.of(new Proposal.Manual("remediation.accessLogBucket names the log bucket " + name
          + " itself; access logs must go to another bucket"));
    }
    return List.of(new Proposal.Fix(BucketLogging.FACET, LogBuckets.target(name, bucket),
        "record server access logs of " + name + " in " + target + " under " + name + "/",
        doc -> !Documents.absent(doc) && !name.equals(doc.path("targetBucket").asText())
            ? doc : BucketLogging.document(target, name + "/")));
  }
}
