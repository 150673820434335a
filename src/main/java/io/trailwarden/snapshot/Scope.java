package io.trailwarden.snapshot;

import java.util.List;
import java.util.Optional;

/**
 * What a snapshot covers and what it was expected to show: the management account and regions, and
 * from config.yaml the dedicated logging account, the expected trail and bucket, and the resources
 * whose data events must be logged.
 */
public record Scope(
    String managementAccountId,
    Optional<String> loggingAccountId,
    Optional<String> homeRegion,
    Optional<String> trailName,
    Optional<String> logBucket,
    List<String> regions,
    SensitiveResources sensitiveResources) {

  public Scope {
    regions = List.copyOf(regions);
  }

  /** A scope with only the management account and regions known. */
  public static Scope of(String managementAccountId, List<String> regions) {
    return new Scope(managementAccountId, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        regions, SensitiveResources.NONE);
  }

  /** S3 bucket names and DynamoDB table ARNs whose data events the organization trail must log. */
  public record SensitiveResources(List<String> s3Buckets, List<String> dynamodbTables) {
    public static final SensitiveResources NONE = new SensitiveResources(List.of(), List.of());

    public SensitiveResources {
      s3Buckets = List.copyOf(s3Buckets);
      dynamodbTables = List.copyOf(dynamodbTables);
    }
  }
}
