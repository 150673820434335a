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
import io.trailwarden.snapshot.Snapshot;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Benchmark of {@code collect} (run by hand through bench/collect.sh; not a test): seeds organizations
 * of growing size on the emulator and prints accounts, wall time, API calls and calls per account.
 * Arguments: member account counts (default 10 50 200).
 */
public final class CollectBench {
  static final List<String> REGIONS = List.of("eu-west-1", "us-east-1", "us-west-2", "ap-southeast-2");

  public static void main(String[] args) {
    List<Integer> sizes = args.length == 0 ? List.of(10, 50, 200) : List.of(args).stream().map(Integer::parseInt).toList();
    System.out.printf("%8s %8s %10s %10s %10s %10s%n", "members", "regions", "wall_s", "api_calls", "calls/acct", "heap_mb");
    try (MotoServer moto = MotoServer.start(System.getenv())) {
      for (int members : sizes) {
        moto.reset();
        seed(moto, members);
        ApiCallCounter counter = new ApiCallCounter();
        OrganizationSettings settings = new OrganizationSettings(Optional.empty(), Optional.empty(), Seeder.HOME_REGION,
            Optional.empty(), Optional.empty(), REGIONS, null, Optional.empty(), 16, Optional.empty(), null);
        AwsSettings aws = new AwsSettings(Optional.of(moto.endpoint()), Seeder.HOME_REGION, settings.memberRoleName(), Optional.empty(), 16);
        System.gc();
        long start = System.nanoTime();
        Snapshot snapshot;
        try (ClientFactory clients = new ClientFactory(aws, Seeder.credentials(), List.of(counter))) {
          snapshot = new SnapshotCollector(clients, settings, Clock.systemUTC(), Progress.QUIET).collect();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long heap = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / (1024 * 1024);
        int accounts = snapshot.organization().orElseThrow().accounts().size();
        if (!snapshot.errors().isEmpty()) {
          throw new IllegalStateException("collection had errors: " + snapshot.errors());
        }
        System.out.printf("%8d %8d %10.2f %10d %10.1f %10d%n", accounts - 1, REGIONS.size(), seconds, counter.calls(),
            (double) counter.calls() / accounts, heap);
      }
    }
  }

  /** An organization trail, its bucket in a log-archive account, and the member accounts in three OUs. */
  static void seed(MotoServer moto, int members) {
    try (Seeder seeder = new Seeder(moto.endpoint())) {
      String organizationId = seeder.organization();
      List<String> ous = List.of(seeder.organizationalUnit(seeder.rootId(), "dev"),
          seeder.organizationalUnit(seeder.rootId(), "staging"), seeder.organizationalUnit(seeder.rootId(), "prod"));
      String logging = seeder.account("log-archive", seeder.rootId());
      for (int i = 1; i < members; i++) {
        seeder.account("member-" + i, ous.get(i % ous.size()));
      }
      seeder.bucket(logging, "bench-org-logs", Optional.of(Policies.logBucket("bench-org-logs", Seeder.MANAGEMENT_ACCOUNT,
          organizationId, true, true)));
      seeder.trail(Seeder.MANAGEMENT_ACCOUNT, Seeder.HOME_REGION, "bench-org-trail", "bench-org-logs", true, true, true);
      seeder.scp("protect-cloudtrail", Policies.protectCloudTrail(), List.of(seeder.rootId()));
    }
  }
}
