package io.trailwarden.snapshot;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One trail, however many accounts and regions it was seen from. An empty {@code status} or selector
 * list means the call that reads it failed (see the snapshot's errors); an empty list is "none".
 */
public record Trail(
    String arn,
    String name,
    String accountId,
    String homeRegion,
    @JsonProperty("isOrganizationTrail") boolean isOrganizationTrail,
    @JsonProperty("isMultiRegionTrail") boolean isMultiRegionTrail,
    boolean logFileValidationEnabled,
    boolean includeGlobalServiceEvents,
    String s3BucketName,
    Optional<String> s3KeyPrefix,
    Optional<String> kmsKeyId,
    Optional<String> cloudWatchLogsLogGroupArn,
    Optional<String> cloudWatchLogsRoleArn,
    Optional<String> snsTopicArn,
    Optional<Status> status,
    Optional<List<EventSelector>> eventSelectors,
    Optional<List<AdvancedEventSelector>> advancedEventSelectors,
    Optional<List<InsightSelector>> insightSelectors,
    List<Location> seenFrom) {

  public Trail {
    seenFrom = List.copyOf(seenFrom);
  }

  /** GetTrailStatus, as far as the rules need it. */
  public record Status(
      @JsonProperty("isLogging") boolean isLogging,
      Optional<String> latestDeliveryError,
      Optional<Instant> latestDeliveryTime,
      Optional<Instant> startLoggingTime,
      Optional<Instant> stopLoggingTime) {}

  public record EventSelector(
      String readWriteType,
      boolean includeManagementEvents,
      List<DataResource> dataResources,
      List<String> excludeManagementEventSources) {
    public EventSelector {
      dataResources = List.copyOf(dataResources);
      excludeManagementEventSources = List.copyOf(excludeManagementEventSources);
    }
  }

  /** A data resource type (AWS::S3::Object, AWS::DynamoDB::Table, ...) and the ARN prefixes it logs. */
  public record DataResource(String type, List<String> values) {
    public DataResource {
      values = List.copyOf(values);
    }
  }

  public record AdvancedEventSelector(Optional<String> name, List<FieldSelector> fieldSelectors) {
    public AdvancedEventSelector {
      fieldSelectors = List.copyOf(fieldSelectors);
    }
  }

  public record FieldSelector(
      String field,
      List<String> equals,
      List<String> startsWith,
      List<String> endsWith,
      List<String> notEquals,
      List<String> notStartsWith,
      List<String> notEndsWith) {
    public FieldSelector {
      equals = List.copyOf(equals);
      startsWith = List.copyOf(startsWith);
      endsWith = List.copyOf(endsWith);
      notEquals = List.copyOf(notEquals);
      notStartsWith = List.copyOf(notStartsWith);
      notEndsWith = List.copyOf(notEndsWith);
    }
  }

  public record InsightSelector(String insightType) {}

  /** An account and region from which the trail was visible. */
  public record Location(String accountId, String region) {}
}
