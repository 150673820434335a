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
    List<CollectionError> errors) {

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
    errors = List.copyOf(errors);
  }

  private static <V> SortedMap<String, V> sorted(java.util.Map<String, V> map) {
    return java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(map));
  }

  /** The organization id when Organizations was read. */
  public Optional<String> organizationId() {
    return organization.map(Organization::id);
  }
}
