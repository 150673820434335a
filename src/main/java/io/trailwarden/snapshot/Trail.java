package io.trailwarden.snapshot;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One trail, however many accounts and regions it was seen from. Selectors keep CloudTrail's own
 * shapes; an empty {@code status} or selector list means the call that reads it failed (see errors).
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
    Optional<JsonNode> eventSelectors,
    Optional<JsonNode> advancedEventSelectors,
    Optional<JsonNode> insightSelectors,
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

  /** An account and region from which the trail was visible. */
  public record Location(String accountId, String region) {}
}
