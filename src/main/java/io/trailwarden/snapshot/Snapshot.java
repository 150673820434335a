package io.trailwarden.snapshot;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * What the collectors saw, and the rules' input. {@code rules/schema/snapshot.json} is its contract;
 * {@link SnapshotIo} validates against it before binding.
 */
public record Snapshot(
    int schemaVersion,
    Instant collectedAt,
    Scope scope,
    Optional<Organization> organization,
    List<Scp> scps,
    List<Trail> trails,
    SortedMap<String, Bucket> buckets,
    SortedMap<String, LogGroup> logGroups,
    SortedMap<String, KmsKey> kmsKeys,
    SortedMap<String, Alarm> alarms,
    SortedMap<String, SnsTopic> snsTopics,
    SortedMap<String, SecurityHub> securityHubs,
    GuardDuty guardDuty,
    List<CollectionError> errors,
    List<Absence> absent,
    Optional<LogIntegrity> logIntegrity,
    Optional<LogActivity> logActivity) {

  /** The snapshot format this build reads and writes. */
  public static final int SCHEMA_VERSION = 1;

  public Snapshot {
    scps = List.copyOf(scps);
    trails = List.copyOf(trails);
    buckets = sorted(buckets);
    logGroups = sorted(logGroups);
    kmsKeys = sorted(kmsKeys);
    alarms = sorted(alarms);
    snsTopics = sorted(snsTopics);
    securityHubs = sorted(securityHubs);
    errors = List.copyOf(errors);
    absent = List.copyOf(absent);
  }

  private static <V> SortedMap<String, V> sorted(java.util.Map<String, V> map) {
    return java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(map));
  }

  /**
   * How many of the organization's accounts the collection could not place in its tree (so which SCPs
   * reach them is unknown); empty when not even that number is known: Organizations, or the account
   * list a failed walk of the tree falls back on, could not be read.
   */
  public Optional<Integer> unaccountedAccounts() {
    boolean listFailed = errors.stream().anyMatch(e -> e.service().equals("organizations") && e.operation().equals("ListAccounts"));
    if (organization.isEmpty() || listFailed) {
      return Optional.empty();
    }
    return Optional.of((int) organization.get().accounts().stream().filter(a -> a.parentId().isEmpty()).count());
  }

  /** The same snapshot with what log verification found. */
  public Snapshot withLogIntegrity(LogIntegrity integrity) {
    return new Snapshot(schemaVersion, collectedAt, scope, organization, scps, trails, buckets, logGroups, kmsKeys, alarms, snsTopics, securityHubs,
        guardDuty, errors, absent, Optional.of(integrity), logActivity);
  }

  /** The same snapshot with what scan --with-logs found in the logs. */
  public Snapshot withLogActivity(LogActivity activity) {
    return new Snapshot(schemaVersion, collectedAt, scope, organization, scps, trails, buckets, logGroups, kmsKeys, alarms, snsTopics, securityHubs,
        guardDuty, errors, absent, logIntegrity, Optional.of(activity));
  }

  /** The organization id when Organizations was read. */
  public Optional<String> organizationId() {
    return organization.map(Organization::id);
  }
}
