package io.trailwarden.collect;

import io.trailwarden.aws.ClientFactory;
import io.trailwarden.snapshot.Bucket;
import io.trailwarden.snapshot.KmsKey;
import io.trailwarden.snapshot.LogGroup;
import io.trailwarden.snapshot.Organization;
import io.trailwarden.snapshot.Scope;
import io.trailwarden.snapshot.Scp;
import io.trailwarden.snapshot.Snapshot;
import io.trailwarden.snapshot.Trail;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Re-reads one resource exactly as the full collection reads it, into a snapshot that holds only that
 * resource and the errors of reading it. Remediation checks a resource with it just before and just
 * after changing it, without collecting the whole organization. Read-only.
 */
public final class ResourceReader {
  private final ClientFactory clients;
  private final String managementAccountId;
  private final String homeRegion;
  private final Clock clock;

  public ResourceReader(ClientFactory clients, String managementAccountId, String homeRegion, Clock clock) {
    this.clients = clients;
    this.managementAccountId = managementAccountId;
    this.homeRegion = homeRegion;
    this.clock = clock;
  }

  /** The organization (roots, OUs, accounts, trusted access) and every SCP with its targets. */
  public Snapshot organization() {
    return read((calls, fanout) -> {
      var result = new OrganizationsCollector(calls, fanout).collect(clients.organizations(managementAccountId), managementAccountId);
      return new Parts(result.organization(), result.scps(), List.of(), Map.of(), Map.of(), Map.of());
    });
  }

  /** One trail by ARN, from its owner account and home region; none when it does not exist. */
  public Snapshot trail(String arn) {
    String account = Arns.account(arn);
    String region = Arns.region(arn);
    return read((calls, fanout) -> {
      var described = calls.getOrNone(new Calls.Target("cloudtrail", account, region), "DescribeTrails", Optional.of(arn),
          java.util.Set.of("TrailNotFoundException"),
          () -> clients.cloudTrail(account, region).describeTrails(r -> r.trailNameList(arn).includeShadowTrails(false)).trailList());
      List<Trail> trails = described.orElse(List.of()).stream().filter(t -> arn.equals(t.trailARN()))
          .map(t -> new CloudTrailCollector(calls, clients, fanout, Progress.QUIET).details(t, List.of()))
          .toList();
      return new Parts(Optional.empty(), List.of(), trails, Map.of(), Map.of(), Map.of());
    });
  }

  /** One bucket of a known owner account; none when that account does not own it. */
  public Snapshot bucket(String accountId, String name) {
    return read((calls, fanout) -> {
      S3Collector s3 = new S3Collector(calls, clients, fanout, homeRegion);
      Map<String, Bucket> buckets = new TreeMap<>();
      s3.collect(java.util.Set.of(name), List.of(accountId)).forEach(buckets::put);
      // "No scanned account lists it" (or S3's NoSuchBucket, an absence) means the bucket does not exist (yet): not an error here.
      List<io.trailwarden.snapshot.CollectionError> notFound = calls.errors().stream()
          .filter(e -> e.code().equals("BucketOwnerNotFound")).toList();
      return new Parts(Optional.empty(), List.of(), List.of(), buckets, Map.of(), Map.of(), notFound);
    });
  }

  /** One KMS key by ARN. */
  public Snapshot kmsKey(String arn) {
    return read((calls, fanout) -> new Parts(Optional.empty(), List.of(), List.of(), Map.of(), Map.of(),
        new KmsCollector(calls, clients, fanout).collect(List.of(arn))));
  }

  /** One CloudWatch Logs group by ARN. */
  public Snapshot logGroup(String arn) {
    return read((calls, fanout) -> new Parts(Optional.empty(), List.of(), List.of(), Map.of(),
        new LogsCollector(calls, clients, fanout).collect(List.of(arn)), Map.of()));
  }

  /** One metric alarm by name in an account and region; none when it does not exist. */
  public Snapshot alarm(String accountId, String region, String name) {
    return read((calls, fanout) -> new Parts(Optional.empty(), List.of(), List.of(), Map.of(), Map.of(), Map.of(),
        new AlarmsCollector(calls, clients, fanout).alarm(new AlarmsCollector.Place(accountId, region), name), Map.of(), List.of()));
  }

  /** One SNS topic by ARN with its subscriptions; none when it does not exist. */
  public Snapshot snsTopic(String arn) {
    return read((calls, fanout) -> new Parts(Optional.empty(), List.of(), List.of(), Map.of(), Map.of(), Map.of(), Map.of(),
        new AlarmsCollector(calls, clients, fanout).topics(List.of(arn)), List.of()));
  }

  private record Parts(Optional<Organization> organization, List<Scp> scps, List<Trail> trails, Map<String, Bucket> buckets,
      Map<String, LogGroup> logGroups, Map<String, KmsKey> kmsKeys, Map<String, io.trailwarden.snapshot.Alarm> alarms,
      Map<String, io.trailwarden.snapshot.SnsTopic> snsTopics, List<io.trailwarden.snapshot.CollectionError> ignored) {
    Parts(Optional<Organization> organization, List<Scp> scps, List<Trail> trails, Map<String, Bucket> buckets,
        Map<String, LogGroup> logGroups, Map<String, KmsKey> kmsKeys) {
      this(organization, scps, trails, buckets, logGroups, kmsKeys, Map.of(), Map.of(), List.of());
    }

    Parts(Optional<Organization> organization, List<Scp> scps, List<Trail> trails, Map<String, Bucket> buckets,
        Map<String, LogGroup> logGroups, Map<String, KmsKey> kmsKeys, List<io.trailwarden.snapshot.CollectionError> ignored) {
      this(organization, scps, trails, buckets, logGroups, kmsKeys, Map.of(), Map.of(), ignored);
    }
  }

  private Snapshot read(java.util.function.BiFunction<Calls, Fanout, Parts> reader) {
    clients.managementAccount(managementAccountId);
    Calls calls = new Calls();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Parts parts = reader.apply(calls, new Fanout(pool));
      Scope scope = new Scope(managementAccountId, Optional.empty(), Optional.of(homeRegion), Optional.empty(), Optional.empty(),
          List.of(homeRegion), new Scope.SensitiveResources(List.of(), List.of()));
      List<io.trailwarden.snapshot.CollectionError> errors = calls.errors().stream()
          .filter(e -> !parts.ignored().contains(e)).toList();
      return new Snapshot(Snapshot.SCHEMA_VERSION, clock.instant().truncatedTo(ChronoUnit.SECONDS), scope, parts.organization(),
          parts.scps(), parts.trails(), sorted(parts.buckets()), sorted(parts.logGroups()), sorted(parts.kmsKeys()),
          sorted(parts.alarms()), sorted(parts.snsTopics()), new TreeMap<>(), io.trailwarden.snapshot.GuardDuty.none(), errors, calls.absent(), Optional.empty(),
          Optional.empty());
    } finally {
      pool.shutdownNow();
    }
  }

  private static <V> SortedMap<String, V> sorted(Map<String, V> map) {
    return new TreeMap<>(map);
  }
}
