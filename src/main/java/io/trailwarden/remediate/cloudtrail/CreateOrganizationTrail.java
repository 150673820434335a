package io.trailwarden.remediate.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwarden.finding.Finding;
import io.trailwarden.remediate.Proposal;
import io.trailwarden.remediate.Remediation;
import io.trailwarden.remediate.RemediationContext;
import io.trailwarden.remediate.facet.BucketExistence;
import io.trailwarden.remediate.facet.BucketLifecycle;
import io.trailwarden.remediate.facet.BucketPolicy;
import io.trailwarden.remediate.facet.BucketPublicAccessBlock;
import io.trailwarden.remediate.facet.Documents;
import io.trailwarden.remediate.facet.Target;
import io.trailwarden.remediate.facet.TrailLogging;
import io.trailwarden.remediate.facet.TrailSettings;
import io.trailwarden.remediate.s3.AddArchiveLifecycleRule;
import io.trailwarden.remediate.s3.BlockPublicAccess;
import io.trailwarden.remediate.s3.CloudTrailBucketStatements;
import io.trailwarden.snapshot.Bucket;
import io.trailwarden.snapshot.Organization;
import io.trailwarden.snapshot.Snapshot;
import io.trailwarden.snapshot.Trail;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * When the management account has no organization trail: the article's whole setup as one ordered set
 * of changes. The log bucket in the dedicated logging account (created if it does not exist) with the
 * CloudTrail statements, Block Public Access and the archive lifecycle; then the organization trail,
 * multi-region, global services and validation on; then logging started. A management-account trail of
 * the configured name that is not an organization trail is made one instead.
 */
public final class CreateOrganizationTrail implements Remediation {
  /** Used when config.yaml names no trail. */
  static final String DEFAULT_TRAIL_NAME = "organization-trail";

  @Override
  public String id() {
    return "CreateOrganizationTrail";
  }

  @Override
  public String ruleId() {
    return "cloudtrail_org_trail_exists";
  }

  @Override
  public List<Proposal> propose(Finding finding, Snapshot snapshot, RemediationContext context) {
    Optional<Organization> organization = snapshot.organization();
    if (organization.isEmpty()) {
      return List.of(new Proposal.Manual("the management account is in no AWS Organization that TrailWarden could read"));
    }
    String management = snapshot.scope().managementAccountId();
    String home = context.organization().homeRegion();
    String trailName = context.organization().trailName().orElse(DEFAULT_TRAIL_NAME);
    String trailArn = "arn:aws:cloudtrail:" + home + ":" + management + ":trail/" + trailName;
    Optional<Trail> existing = TrailSettings.find(snapshot, trailArn);
    if (existing.isPresent()) {
      return List.of(new Proposal.Fix(TrailSettings.FACET, TrailSettings.target(existing.get()),
          "make " + trailName + " an organization trail, multi-region, with validation", CreateOrganizationTrail::organizationWide));
    }
    Optional<String> logging = context.organization().loggingAccountId();
    if (logging.isEmpty()) {
      return List.of(new Proposal.Manual("set organization.loggingAccountId in config.yaml: the new trail's bucket belongs in "
          + "the dedicated logging account"));
    }
    String bucketName = context.organization().logBucket()
        .orElse("cloudtrail-logs-" + organization.get().id().toLowerCase(Locale.ROOT));
    Bucket collected = snapshot.buckets().get(bucketName);
    String bucketRegion = collected == null ? home : collected.region();
    Target bucket = Target.bucket(collected == null ? logging.get() : collected.accountId(), bucketRegion, bucketName);
    Target trail = new Target(Target.Kind.TRAIL, management, home, trailArn, trailName);

    List<Proposal> proposals = new ArrayList<>();
    proposals.add(new Proposal.Fix(BucketExistence.FACET, bucket, "create log bucket " + bucketName + " in account "
        + bucket.accountId(), doc -> Documents.absent(doc) ? BucketExistence.document(bucketName, bucketRegion) : doc));
    proposals.add(new Proposal.Fix(BucketPolicy.FACET, bucket, "let CloudTrail check the ACL of and write into " + bucketName
        + ", deny deleting logs and insecure transport", doc -> CloudTrailBucketStatements.withCloudTrailStatements(doc,
            bucketName, management, organization.get().id(), List.of(trailArn))));
    proposals.add(new Proposal.Fix(BucketPublicAccessBlock.FACET, bucket, "block public access to " + bucketName,
        BlockPublicAccess::blockAll));
    String lifecycleRule = "s3_log_bucket_lifecycle_archives_logs";
    int archiveDays = context.intParam(lifecycleRule, "archive_within_days");
    int retentionDays = context.intParam(lifecycleRule, "retention_days");
    proposals.add(new Proposal.Fix(BucketLifecycle.FACET, bucket, "archive logs within " + archiveDays + " days, keep them "
        + retentionDays, doc -> AddArchiveLifecycleRule.edit(doc, List.of("AWSLogs/"), archiveDays, retentionDays,
            AddArchiveLifecycleRule.archiveClasses(context))));
    proposals.add(new Proposal.Fix(TrailSettings.FACET, trail, "create organization trail " + trailName,
        doc -> Documents.absent(doc) ? newTrail(trailName, bucketName) : doc, List.of(bucket)));
    proposals.add(new Proposal.Fix(TrailLogging.FACET, trail, "start logging",
        doc -> Documents.absent(doc) || !doc.path("isLogging").asBoolean() ? Documents.object().put("isLogging", true) : doc,
        List.of(trail)));
    return proposals;
  }

  private static JsonNode newTrail(String name, String bucket) {
    return Documents.object().put("name", name).put("s3BucketName", bucket).putNull("s3KeyPrefix")
        .put("isOrganizationTrail", true).put("isMultiRegionTrail", true).put("includeGlobalServiceEvents", true)
        .put("logFileValidationEnabled", true).putNull("kmsKeyId").putNull("cloudWatchLogsLogGroupArn")
        .putNull("cloudWatchLogsRoleArn");
  }

  private static JsonNode organizationWide(JsonNode doc) {
    JsonNode edited = Documents.with(doc, "isOrganizationTrail", true);
    edited = Documents.with(edited, "isMultiRegionTrail", true);
    edited = Documents.with(edited, "includeGlobalServiceEvents", true);
    return Documents.with(edited, "logFileValidationEnabled", true);
  }
}
