package io.trailwarden.collect;

import io.trailwarden.InvalidInputException;
import io.trailwarden.aws.AwsUnavailableException;
import io.trailwarden.aws.ClientFactory;
import io.trailwarden.config.OrganizationSettings;
import io.trailwarden.snapshot.Organization;
import io.trailwarden.snapshot.Scope;
import io.trailwarden.snapshot.Snapshot;
import io.trailwarden.snapshot.Trail;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
      var org = new OrganizationsCollector(calls).collect(clients.organizations(management), management);
      List<String> regions = regions(calls, management);
      List<String> readable = readableAccounts(calls, fanout, accounts(org.organization(), management));
      List<Trail> trails = new CloudTrailCollector(calls, clients, fanout, progress).collect(readable, regions);

      Set<String> bucketNames = new TreeSet<>();
      trails.forEach(t -> bucketNames.add(t.s3BucketName()));
      settings.logBucket().ifPresent(bucketNames::add);
      var buckets = new S3Collector(calls, clients, fanout, settings.homeRegion()).collect(bucketNames, ownerCandidates(management, trails, readable));
      var logGroups = new LogsCollector(calls, clients, fanout).collect(trails.stream()
          .flatMap(t -> t.cloudWatchLogsLogGroupArn().stream()).filter(arn -> readable.contains(Arns.account(arn))).distinct().sorted().toList());
      var kmsKeys = new KmsCollector(calls, clients, fanout).collect(trails.stream()
          .flatMap(t -> t.kmsKeyId().stream()).filter(id -> !id.startsWith("arn:") || readable.contains(Arns.account(id))).distinct().sorted().toList());

      var alarmsCollector = new AlarmsCollector(calls, clients, fanout);
      var alarmPlaces = logGroups.values().stream().map(g -> new AlarmsCollector.Place(g.accountId(), g.region())).toList();
      var alarms = alarmsCollector.alarms(alarmPlaces);
      var snsTopics = alarmsCollector.topics(alarmPlaces, alarms.values(), Set.copyOf(readable));

      Scope scope = new Scope(management, settings.loggingAccountId(), Optional.of(settings.homeRegion()), settings.trailName(),
          settings.logBucket(), regions,
          new Scope.SensitiveResources(settings.sensitiveResources().s3Buckets(), settings.sensitiveResources().dynamodbTables()));
      return new Snapshot(Snapshot.SCHEMA_VERSION, clock.instant().truncatedTo(ChronoUnit.SECONDS), scope, org.organization(),
          org.scps(), trails, buckets, logGroups, kmsKeys, alarms, snsTopics, calls.errors(), calls.absent(), Optional.empty(),
          Optional.empty());
    } finally {
      pool.shutdownNow();
      progress.finished();
    }
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

  /** Where a log bucket is most likely owned: the logging account, the management account, trail owners, the rest. */
  private List<String> ownerCandidates(String management, List<Trail> trails, List<String> readable) {
    Set<String> candidates = new LinkedHashSet<>();
    settings.loggingAccountId().ifPresent(candidates::add);
    candidates.add(management);
    trails.forEach(t -> candidates.add(t.accountId()));
    candidates.addAll(readable);
    return new ArrayList<>(candidates.stream().filter(readable::contains).toList());
  }

  private static ThreadFactory daemonThreads() {
    return runnable -> {
      Thread thread = new Thread(runnable, "trailwarden-collect");
      thread.setDaemon(true);
      return thread;
    };
  }
}
