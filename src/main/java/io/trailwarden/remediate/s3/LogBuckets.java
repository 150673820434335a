package io.trailwarden.remediate.s3;

import io.trailwarden.finding.Finding;
import io.trailwarden.remediate.Proposal;
import io.trailwarden.remediate.facet.Target;
import io.trailwarden.snapshot.Bucket;
import io.trailwarden.snapshot.Snapshot;
import io.trailwarden.snapshot.Trail;
import java.util.List;

/** What the log bucket remediations share: the bucket of a finding, its target and the trails writing to it. */
final class LogBuckets {
  private LogBuckets() {}

  static final String ARN_PREFIX = "arn:aws:s3:::";

  static String name(Finding finding) {
    return finding.resource().startsWith(ARN_PREFIX) ? finding.resource().substring(ARN_PREFIX.length()) : finding.resource();
  }

  /** The bucket's target, in the account and region the snapshot found it in. */
  static Target target(String name, Bucket bucket) {
    return Target.bucket(bucket.accountId(), bucket.region(), name);
  }

  static Proposal notCollected(String name) {
    return new Proposal.Manual("the bucket " + name + " is not in the snapshot, so its owner and region are unknown");
  }

  /** Organization trails of the management account delivering to the bucket (snapshot.rego's org_trails). */
  static List<Trail> trails(Snapshot snapshot, String name) {
    String management = snapshot.scope().managementAccountId();
    return snapshot.trails().stream().filter(t -> t.isOrganizationTrail() && management.equals(t.accountId())
        && name.equals(t.s3BucketName())).toList();
  }

  /** Where CloudTrail writes: {@code <key prefix>/AWSLogs/}, or {@code AWSLogs/} without a prefix. */
  static String logPrefix(Trail trail) {
    return trail.s3KeyPrefix().filter(p -> !p.isEmpty()).map(p -> p + "/").orElse("") + "AWSLogs/";
  }

  static List<String> logPrefixes(Snapshot snapshot, String name) {
    List<String> prefixes = trails(snapshot, name).stream().map(LogBuckets::logPrefix).distinct().sorted().toList();
    return prefixes.isEmpty() ? List.of("AWSLogs/") : prefixes;
  }

  static List<String> trailArns(Snapshot snapshot, String name) {
    return trails(snapshot, name).stream().map(Trail::arn).sorted().toList();
  }

  static List<String> owners(Snapshot snapshot) {
    return CloudTrailBucketStatements.owners(snapshot.scope().managementAccountId(), snapshot.organizationId().orElse(null));
  }
}
