package io.trailwarden.config;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * config.yaml {@code organization}: where to look and what the architecture should be. Every key is
 * optional; the management account defaults to the account of the credentials in use.
 */
public record OrganizationSettings(
    Optional<String> managementAccountId,
    Optional<String> loggingAccountId,
    String homeRegion,
    Optional<String> trailName,
    Optional<String> logBucket,
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> regions,
    String memberRoleName,
    Optional<String> externalId,
    Integer concurrency,
    Optional<String> endpoint,
    Sensitive sensitiveResources) {

  /** {@code regions: all} means every region enabled in the management account. */
  public static final String ALL_REGIONS = "all";
  private static final Pattern ACCOUNT = Pattern.compile("[0-9]{12}");
  private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]+");
  private static final java.util.Set<String> KNOWN_REGIONS = software.amazon.awssdk.regions.Region.regions().stream()
      .filter(r -> !r.isGlobalRegion()).map(software.amazon.awssdk.regions.Region::id).collect(java.util.stream.Collectors.toUnmodifiableSet());

  public OrganizationSettings {
    managementAccountId = orEmpty(managementAccountId);
    loggingAccountId = orEmpty(loggingAccountId);
    trailName = orEmpty(trailName);
    logBucket = orEmpty(logBucket);
    externalId = orEmpty(externalId);
    endpoint = orEmpty(endpoint);
    homeRegion = homeRegion == null ? "us-east-1" : homeRegion;
    if (regions != null && regions.isEmpty()) {
      throw new IllegalArgumentException("regions: an empty list would scan no region; write all, or name the regions");
    }
    regions = regions == null ? List.of(ALL_REGIONS) : List.copyOf(regions);
    memberRoleName = memberRoleName == null ? "OrganizationAccountAccessRole" : memberRoleName;
    concurrency = concurrency == null ? 16 : concurrency;
    sensitiveResources = sensitiveResources == null ? new Sensitive(null, null) : sensitiveResources;
    managementAccountId.ifPresent(id -> requireAccount("managementAccountId", id));
    loggingAccountId.ifPresent(id -> requireAccount("loggingAccountId", id));
    requireRegion("homeRegion", homeRegion);
    if (!regions.equals(List.of(ALL_REGIONS))) {
      regions.forEach(r -> requireRegion("regions", r));
    }
    endpoint.ifPresent(OrganizationSettings::requireEndpoint);
    if (concurrency < 1 || concurrency > 256) {
      throw new IllegalArgumentException("concurrency must be between 1 and 256, not " + concurrency);
    }
  }

  public static OrganizationSettings defaults() {
    return new OrganizationSettings(null, null, null, null, null, null, null, null, null, null, null);
  }

  public boolean allRegions() {
    return regions.equals(List.of(ALL_REGIONS));
  }

  /** Resources whose data events (object or item level) the organization trail must log. */
  public record Sensitive(List<String> s3Buckets, List<String> dynamodbTables) {
    public Sensitive {
      s3Buckets = s3Buckets == null ? List.of() : List.copyOf(s3Buckets);
      dynamodbTables = dynamodbTables == null ? List.of() : List.copyOf(dynamodbTables);
    }
  }

  @SuppressWarnings("OptionalAssignedToNull")
  private static Optional<String> orEmpty(Optional<String> value) {
    return value == null ? Optional.empty() : value.filter(s -> !s.isBlank());
  }

  private static void requireAccount(String key, String id) {
    if (!ACCOUNT.matcher(id).matches()) {
      throw new IllegalArgumentException(key + " must be a 12-digit account id, not '" + id + "'");
    }
  }

  private static void requireEndpoint(String endpoint) {
    java.net.URI uri;
    try {
      uri = new java.net.URI(endpoint);
    } catch (java.net.URISyntaxException e) {
      uri = null;
    }
    if (uri == null || uri.getScheme() == null || !List.of("http", "https").contains(uri.getScheme())
        || uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new IllegalArgumentException("endpoint: '" + endpoint + "' is not an http or https URL with a host"
          + " (e.g. http://127.0.0.1:5000)");
    }
  }

  static void requireRegion(String key, String region) {
    if (!REGION.matcher(region).matches()) {
      throw new IllegalArgumentException(key + ": '" + region + "' is not an AWS region name (e.g. us-east-1)");
    }
    // Shaped like a region but unknown to the SDK's partition metadata: no endpoint would answer.
    if (!KNOWN_REGIONS.contains(region)) {
      throw new IllegalArgumentException(key + ": '" + region + "' is not an AWS region (known: "
          + String.join(", ", new java.util.TreeSet<>(KNOWN_REGIONS)) + ")");
    }
  }

  /** The same settings with another role to assume in member accounts (remediation writes with its own role). */
  public OrganizationSettings withMemberRoleName(String role) {
    return new OrganizationSettings(managementAccountId, loggingAccountId, homeRegion, trailName, logBucket, regions, role,
        externalId, concurrency, endpoint, sensitiveResources);
  }
}
