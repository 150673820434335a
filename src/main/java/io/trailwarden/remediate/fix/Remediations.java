package io.trailwarden.remediate.fix;

import io.trailwarden.remediate.Remediation;
import io.trailwarden.remediate.cloudtrail.AddSensitiveDataEventSelectors;
import io.trailwarden.remediate.cloudtrail.CreateOrganizationTrail;
import io.trailwarden.remediate.cloudtrail.EnableLogFileValidation;
import io.trailwarden.remediate.cloudtrail.MakeTrailMultiRegion;
import io.trailwarden.remediate.cloudtrail.RecordAllManagementEvents;
import io.trailwarden.remediate.cloudtrail.StartLogging;
import io.trailwarden.remediate.kms.EnableKmsKeyRotation;
import io.trailwarden.remediate.logs.RaiseLogGroupRetention;
import io.trailwarden.remediate.organizations.AttachCloudTrailProtectionScp;
import io.trailwarden.remediate.organizations.AttachLogBucketProtectionScp;
import io.trailwarden.remediate.organizations.EnableCloudTrailTrustedAccess;
import io.trailwarden.remediate.s3.AddArchiveLifecycleRule;
import io.trailwarden.remediate.s3.AddCloudTrailAclCheckStatement;
import io.trailwarden.remediate.s3.AddCloudTrailWriteStatement;
import io.trailwarden.remediate.s3.BlockPublicAccess;
import io.trailwarden.remediate.s3.DenyInsecureTransport;
import io.trailwarden.remediate.s3.DenyLogObjectDeletion;
import io.trailwarden.remediate.s3.EnableAccessLogging;
import io.trailwarden.remediate.s3.EnableBucketVersioning;
import io.trailwarden.remediate.s3.EnableDefaultEncryption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Every automated remediation; each rule's METADATA names one of these ids, or says why there is none. */
public final class Remediations {
  private static final List<Remediation> ALL = java.util.stream.Stream.concat(java.util.stream.Stream.of(
      new CreateOrganizationTrail(),
      new EnableLogFileValidation(),
      new AddCloudTrailAclCheckStatement(),
      new AddCloudTrailWriteStatement(),
      new DenyLogObjectDeletion(),
      new DenyInsecureTransport(),
      new BlockPublicAccess(),
      new EnableBucketVersioning(),
      new EnableDefaultEncryption(),
      new EnableAccessLogging(),
      new AddArchiveLifecycleRule(),
      new StartLogging(),
      new MakeTrailMultiRegion(),
      new RecordAllManagementEvents(),
      new AddSensitiveDataEventSelectors(),
      new EnableKmsKeyRotation(),
      new RaiseLogGroupRetention(),
      new EnableCloudTrailTrustedAccess(),
      new AttachCloudTrailProtectionScp(),
      new AttachLogBucketProtectionScp()),
      // One per CIS monitoring control, from rules/cloudwatch/monitoring_controls.yaml.
      io.trailwarden.remediate.cloudwatch.AddMonitoringAlarm.all().stream()).toList();

  private Remediations() {}

  public static List<Remediation> all() {
    return ALL.stream().sorted(Comparator.comparing(Remediation::id)).toList();
  }

  public static Optional<Remediation> find(String id) {
    return ALL.stream().filter(r -> r.id().equals(id)).findFirst();
  }
}
