package io.trailwarden.remediate;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Every automated remediation; each rule's METADATA names one of these ids, or says why there is none. */
public final class Remediations {
  private static final List<Remediation> ALL = List.of(
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
      new AttachLogBucketProtectionScp());

  private Remediations() {}

  public static List<Remediation> all() {
    return ALL.stream().sorted(Comparator.comparing(Remediation::id)).toList();
  }

  public static Optional<Remediation> find(String id) {
    return ALL.stream().filter(r -> r.id().equals(id)).findFirst();
  }
}
