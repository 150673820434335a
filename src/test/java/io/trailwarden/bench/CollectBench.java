package io.trailwarden.bench;

import io.trailwarden.aws.ApiCallCounter;
import io.trailwarden.aws.AwsSettings;
import io.trailwarden.aws.ClientFactory;
import io.trailwarden.collect.Progress;
import io.trailwarden.collect.SnapshotCollector;
import io.trailwarden.config.OrganizationSettings;
import io.trailwarden.demo.MotoServer;
import io.trailwarden.demo.Policies;
import io.trailwarden.demo.Seeder;
import io.trailwarden.emulator.FaultProxy;
import io.trailwarden.snapshot.Snapshot;
import io.trailwarden.snapshot.SnapshotIo;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Benchmark of {@code collect} (run by hand through bench/collect.sh; not a test): seeds organizations
 * of growing size on the emulator and prints, per size: accounts, regions, the share of calls answered
 * with injected faults ({@link FaultProxy}), wall time, API calls (retries not counted), the minimum the
 * design needs ({@link MinimumCalls}, its formula printed below the table with the counts substituted)
 * and the ratio, the median call latency, the emulator-bound limit (minimum calls × median latency ÷
 * concurrency) and wall ÷ limit, faults injected, collection errors (calls that failed past their
 * retries), the heap the collection holds at its end (after a GC, clients still open) and the
 * snapshot's size. Goals (issue 17): calls ≤ 1.1 × the minimum, wall ≤ 1.5 × the limit.
 * Arguments: {@code [--faults RATE] [--regions N] [member counts ...]} (default 0, 4, 10 50 200).
 */
public final class CollectBench {
  static final List<String> ALL_REGIONS = List.of("us-east-1", "eu-west-1", "us-west-2", "ap-southeast-2", "us-east-2",
      "us-west-1", "eu-west-2", "eu-west-3", "eu-central-1", "eu-north-1", "ap-southeast-1", "ap-northeast-1", "ap-northeast-2",
      "ap-south-1", "ca-central-1", "sa-east-1");
  /** AWS calls in flight at once: config.yaml's default. */
  static final int CONCURRENCY = 16;
  static final String TRAIL = "bench-org-trail";
  static final String LOG_BUCKET = "bench-org-logs";
  static final String LOG_GROUP = "bench-org-trail";

  public static void main(String[] args) {
    double faults = 0;
    int regionCount = 4;
    List<Integer> sizes = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--faults" -> faults = Double.parseDouble(args[++i]);
        case "--regions" -> regionCount = Integer.parseInt(args[++i]);
        default -> sizes.add(Integer.parseInt(args[i]));
      }
    }
    if (sizes.isEmpty()) {
      sizes = List.of(10, 50, 200);
    }
    List<String> regions = ALL_REGIONS.subList(0, regionCount);
    List<String> formulas = new ArrayList<>();
    System.out.printf("%7s %7s %6s %8s %9s %8s %6s %9s %8s %10s %8s %6s %7s %8s %11s%n", "members", "regions", "faults", "wall_s",
        "api_calls", "minimum", "ratio", "median_ms", "limit_s", "wall/limit", "injected", "errors", "held_mb", "snap_mb", "seed_s");
    try (MotoServer moto = MotoServer.start(System.getenv())) {
      for (int members : sizes) {
        moto.reset();
        long seedStart = System.nanoTime();
        seed(moto, members);
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
        formulas.add(run(moto.endpoint(), members, regions, faults, seedSeconds));
      }
    }
    System.out.println();
    formulas.forEach(System.out::println);
  }

  /** Collects once, prints the table row and returns the minimum's formula with the per-operation counts. */
  static String run(URI moto, int members, List<String> regions, double faults, double seedSeconds) {
    ApiCallCounter counter = new ApiCallCounter();
    CallLatency latency = new CallLatency();
    OrganizationSettings settings = new OrganizationSettings(Optional.empty(), Optional.empty(), Seeder.HOME_REGION,
        Optional.empty(), Optional.empty(), regions, null, Optional.empty(), CONCURRENCY, Optional.empty(), null);
    try (FaultProxy proxy = FaultProxy.start(moto, FaultProxy.Plan.random(1, faults), "emulator", Seeder.MANAGEMENT_ACCOUNT)) {
      AwsSettings aws = new AwsSettings(Optional.of(proxy.endpoint()), Seeder.HOME_REGION, settings.memberRoleName(), Optional.empty(),
          CONCURRENCY);
      System.gc();
      long start = System.nanoTime();
      try (ClientFactory clients = new ClientFactory(aws, Seeder.credentials(), List.of(counter, latency))) {
        Snapshot snapshot = new SnapshotCollector(clients, settings, Clock.systemUTC(), Progress.QUIET).collect();
        double seconds = (System.nanoTime() - start) / 1e9;
        long held = heldBytes();
        int size = new SnapshotIo().toJson(snapshot).length();
        if (faults == 0 && !snapshot.errors().isEmpty()) {
          throw new IllegalStateException("collection had errors: " + snapshot.errors());
        }
        MinimumCalls minimum = MinimumCalls.of(snapshot);
        double medianSeconds = latency.medianSeconds();
        double limit = minimum.total() * medianSeconds / CONCURRENCY;
        int accounts = snapshot.organization().map(o -> o.accounts().size()).orElse(1);
        System.out.printf("%7d %7d %5.0f%% %8.2f %9d %8d %6.3f %9.1f %8.2f %10.2f %8d %6d %7.1f %8.2f %11.1f%n", accounts - 1,
            regions.size(), faults * 100, seconds, counter.calls(), minimum.total(), counter.calls() / (double) minimum.total(),
            medianSeconds * 1000, limit, seconds / limit, proxy.injectedTotal(), snapshot.errors().size(), held / 1048576.0,
            size / 1048576.0, seedSeconds);
        return minimum.describe(accounts - 1, regions.size(), counter.byOperation());
      }
    }
  }

  private static long heldBytes() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    Runtime runtime = Runtime.getRuntime();
    return runtime.totalMemory() - runtime.freeMemory();
  }

  /**
   * The organization AWS recommends, at a size: an organization trail in the management account,
   * encrypted with a KMS key of the log-archive account and delivering to a bucket there (Object Lock,
   * access logs, lifecycle) and to a log group with the CIS metric filters and alarms notifying a
   * subscribed topic; an SCP protecting CloudTrail on the root; the member accounts spread over three
   * OUs. The logging account is deliberately not configured: the collector must find the bucket's owner.
   */
  static Map<String, String> seed(MotoServer moto, int members) {
    try (Seeder seeder = new Seeder(moto.endpoint())) {
      String organizationId = seeder.organization();
      List<String> ous = List.of(seeder.organizationalUnit(seeder.rootId(), "dev"),
          seeder.organizationalUnit(seeder.rootId(), "staging"), seeder.organizationalUnit(seeder.rootId(), "prod"));
      Map<String, String> accounts = new java.util.LinkedHashMap<>();
      accounts.put("management", Seeder.MANAGEMENT_ACCOUNT);
      String logging = seeder.account("log-archive", seeder.rootId());
      accounts.put("log-archive", logging);
      for (int i = 1; i < members; i++) {
        accounts.put("member-" + i, seeder.account("member-" + i, ous.get(i % ous.size())));
      }
      seeder.logArchiveBucket(logging, LOG_BUCKET, Policies.logBucket(LOG_BUCKET, Seeder.MANAGEMENT_ACCOUNT, organizationId, true, true),
          true);
      String key = seeder.kmsKey(logging, Seeder.HOME_REGION);
      String group = seeder.logGroup(Seeder.MANAGEMENT_ACCOUNT, Seeder.HOME_REGION, LOG_GROUP, Seeder.RETENTION_DAYS);
      String trail = seeder.trail(Seeder.MANAGEMENT_ACCOUNT, Seeder.HOME_REGION, TRAIL, LOG_BUCKET, true, true, true);
      seeder.encrypt(Seeder.MANAGEMENT_ACCOUNT, Seeder.HOME_REGION, trail, key);
      seeder.deliverToCloudWatch(Seeder.MANAGEMENT_ACCOUNT, Seeder.HOME_REGION, trail, group);
      String topic = seeder.topic(Seeder.MANAGEMENT_ACCOUNT, Seeder.HOME_REGION, "bench-soc-alerts");
      seeder.subscribe(Seeder.MANAGEMENT_ACCOUNT, Seeder.HOME_REGION, topic, "email", "soc@example.com");
      seeder.monitoring(Seeder.MANAGEMENT_ACCOUNT, Seeder.HOME_REGION, LOG_GROUP, topic, control -> false);
      seeder.scp("protect-cloudtrail", Policies.protectCloudTrail(), List.of(seeder.rootId()));
      return accounts;
    }
  }
}
