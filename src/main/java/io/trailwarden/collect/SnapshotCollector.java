package io.trailwarden.collect;

import io.trailwarden.InvalidInputException;
import io.trailwarden.aws.AwsUnavailableException;
import io.trailwarden.aws.ClientFactory;
import io.trailwarden.config.OrganizationSettings;
import io.trailwarden.snapshot.Alarm;
import io.trailwarden.snapshot.Bucket;
import io.trailwarden.snapshot.GuardDuty;
import io.trailwarden.snapshot.KmsKey;
import io.trailwarden.snapshot.LogGroup;
import io.trailwarden.snapshot.Organization;
import io.trailwarden.snapshot.Scope;
import io.trailwarden.snapshot.SecurityHub;
import io.trailwarden.snapshot.Snapshot;
import io.trailwarden.snapshot.SnsTopic;
import io.trailwarden.snapshot.Trail;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Collects a snapshot of the whole organization. Read-only: every call is a Describe/Get/List. Calls
 * that fail are recorded in the snapshot's errors and the collection goes on; only credentials that do
 * not work at all stop it.
 */
public final class SnapshotCollector {
  private final ClientFactory clients;
  private final OrganizationSettings settings;
  private final Clock clock;
  private final Progress progress;

  public SnapshotCollector(ClientFactory clients, OrganizationSettings settings, Clock clock, Progress progress) {
    this.clients = clients;
    this.settings = settings;
    this.clock = clock;
    this.progress = progress;
  }

  public Snapshot collect() {
    Calls calls = new Calls();
    String management = managementAccount();
    clients.managementAccount(management);
    ExecutorService pool = Executors.newFixedThreadPool(settings.concurrency(), daemonThreads());
    try {
      Fanout fanout = new Fanout(pool);
      var org = new OrganizationsCollector(calls, fanout).collect(clients.organizations(management), management);
      List<String> regions = regions(calls, management);
      List<String> readable = readableAccounts(calls, fanout, accounts(org.organization(), management));
      List<Trail> trails = new CloudTrailCollector(calls, clients, fanout, progress).collect(readable, regions);

      Set<String> bucketNames = new TreeSet<>();
      trails.forEach(t -> bucketNames.add(t.s3BucketName()));
      settings.logBucket().ifPresent(bucketNames::add);
      // What the trails name is read at once: the buckets, the log groups with their alarms and topics,
      // the KMS keys and the security tools of every place are independent, so each chain waits on a
      // thread of its own while its calls share the pool (a chain never waits on a pool thread, so the
      // pool cannot starve itself).
      ExecutorService chains = Executors.newFixedThreadPool(4, daemonThreads());
      try {
        var buckets = chains.submit(() -> new S3Collector(calls, clients, fanout, settings.homeRegion())
            .collect(bucketNames, ownerCandidates(management, org.organization(), trails, readable)));
        var monitoring = chains.submit(() -> {
          var logGroups = new LogsCollector(calls, clients, fanout).collect(trails.stream()
              .flatMap(t -> t.cloudWatchLogsLogGroupArn().stream()).filter(arn -> readable.contains(Arns.account(arn))).distinct().sorted().toList());
          var alarmsCollector = new AlarmsCollector(calls, clients, fanout);
          var alarmPlaces = logGroups.values().stream().map(g -> new AlarmsCollector.Place(g.accountId(), g.region())).toList();
          var alarms = alarmsCollector.alarms(alarmPlaces);
          return new Monitoring(logGroups, alarms, alarmsCollector.topics(alarmPlaces, alarms.values(), Set.copyOf(readable)));
        });
        var kmsKeys = chains.submit(() -> new KmsCollector(calls, clients, fanout).collect(trails.stream()
            .flatMap(t -> t.kmsKeyId().stream()).filter(id -> !id.startsWith("arn:") || readable.contains(Arns.account(id))).distinct().sorted().toList()));
        var securityTools = chains.submit(() -> {
          var collector = new SecurityToolsCollector(calls, clients, fanout);
          var places = SecurityToolsCollector.places(readable, regions);
          return new SecurityTools(collector.securityHubs(places), collector.guardDuty(places, management, regions, org.organization().isPresent()));
        });
        return snapshot(calls, management, regions, org, trails, Fanout.join(buckets), Fanout.join(monitoring), Fanout.join(kmsKeys),
            Fanout.join(securityTools));
      } finally {
        chains.shutdownNow();
      }
    } finally {
      pool.shutdownNow();
      progress.finished();
    }
  }

  private record Monitoring(SortedMap<String, LogGroup> logGroups, SortedMap<String, Alarm> alarms, SortedMap<String, SnsTopic> snsTopics) {}

  private record SecurityTools(SortedMap<String, SecurityHub> securityHubs, GuardDuty guardDuty) {}

  private Snapshot snapshot(Calls calls, String management, List<String> regions, OrganizationsCollector.Result org, List<Trail> trails,
      SortedMap<String, Bucket> buckets, Monitoring monitoring, SortedMap<String, KmsKey> kmsKeys, SecurityTools securityTools) {
    Scope scope = new Scope(management, settings.loggingAccountId(), Optional.of(settings.homeRegion()), settings.trailName(),
        settings.logBucket(), regions,
        new Scope.SensitiveResources(settings.sensitiveResources().s3Buckets(), settings.sensitiveResources().dynamodbTables()));
    return new Snapshot(Snapshot.SCHEMA_VERSION, clock.instant().truncatedTo(ChronoUnit.SECONDS), scope, org.organization(),
        org.scps(), trails, buckets, monitoring.logGroups(), kmsKeys, monitoring.alarms(), monitoring.snsTopics(),
        securityTools.securityHubs(), securityTools.guardDuty(), calls.errors(), calls.absent(), Optional.empty(),
        Optional.empty());
  }

  /** The account of the credentials in use; it must be the configured management account, if one is. */
  private String managementAccount() {
    String caller;
    try {
      caller = clients.callerAccountId();
    } catch (SdkException e) {
      if (AwsUnavailableException.isTransient(e)) {
        throw new AwsUnavailableException("sts GetCallerIdentity in " + clients.settings().homeRegion() + " failed after "
            + ClientFactory.MAX_ATTEMPTS + " attempts: " + AwsUnavailableException.describe(e) + ". AWS is throttling or unavailable; the credentials "
            + "were not refused. Run the scan again later.", e);
      }
      throw new InvalidInputException("AWS credentials do not work (sts GetCallerIdentity in " + clients.settings().homeRegion()
          + "): " + e.getMessage() + ". Configure credentials for the management account (environment, profile or SSO).");
    }
    settings.managementAccountId().filter(id -> !id.equals(caller)).ifPresent(id -> {
      throw new InvalidInputException("config.yaml names management account " + id + ", but the credentials in use are for "
          + caller + ". Run TrailWarden with the management account's credentials.");
    });
    return caller;
  }

  private List<String> regions(Calls calls, String management) {
    if (!settings.allRegions()) {
      return settings.regions().stream().sorted().toList();
    }
    return calls.get(new Calls.Target("ec2", management, settings.homeRegion()), "DescribeRegions", Optional.empty(),
            () -> clients.ec2(management, settings.homeRegion()).describeRegions().regions().stream().map(r -> r.regionName()).sorted().toList())
        .orElse(List.of(settings.homeRegion()));
  }

  /** Active accounts, management first; only the management account when Organizations was unreadable. */
  private static List<String> accounts(Optional<Organization> organization, String management) {
    Set<String> accounts = new LinkedHashSet<>();
    accounts.add(management);
    organization.ifPresent(o -> o.accounts().stream().filter(a -> a.status().equals("ACTIVE"))
        .map(Organization.Account::id).sorted().forEach(accounts::add));
    return List.copyOf(accounts);
  }

  /** Accounts whose role could be assumed; the others are errors, so their evidence is UNKNOWN. */
  private List<String> readableAccounts(Calls calls, Fanout fanout, List<String> accounts) {
    Set<String> readable = java.util.concurrent.ConcurrentHashMap.newKeySet();
    fanout.runAll(accounts, account -> calls.get(new Calls.Target("sts", account, settings.homeRegion()), "AssumeRole",
            Optional.of(clients.roleArn(account)), () -> clients.credentials(account).resolveCredentials())
        .ifPresent(credentials -> readable.add(account)));
    return accounts.stream().filter(readable::contains).toList();
  }

  /**
   * Where a log bucket is most likely owned, so that finding its owner takes one ListBuckets, not one
   * per account: the logging account, accounts named as a log archive (Control Tower's "Log Archive"),
   * the management account, trail owners, then the rest.
   */
  private List<String> ownerCandidates(String management, Optional<Organization> organization, List<Trail> trails, List<String> readable) {
    Set<String> candidates = new LinkedHashSet<>();
    settings.loggingAccountId().ifPresent(candidates::add);
    organization.ifPresent(o -> o.accounts().stream().filter(a -> a.name() != null && LOG_ARCHIVE_NAME.matcher(a.name()).find())
        .map(Organization.Account::id).sorted().forEach(candidates::add));
    candidates.add(management);
    trails.forEach(t -> candidates.add(t.accountId()));
    candidates.addAll(readable);
    return new ArrayList<>(candidates.stream().filter(readable::contains).toList());
  }

  /** An account name that says "log archive", "logging" or "logs" ("logistics" does not). */
  private static final java.util.regex.Pattern LOG_ARCHIVE_NAME =
      java.util.regex.Pattern.compile("(?i)\\blog(s|ging)?\\b|log[-_ ]?archive");

  private static ThreadFactory daemonThreads() {
    return runnable -> {
      Thread thread = new Thread(runnable, "trailwarden-collect");
      thread.setDaemon(true);
      return thread;
    };
  }
}
