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
import java.util.Optional;

/**
 * Benchmark of {@code collect} (run by hand through bench/collect.sh; not a test): seeds organizations
 * of growing size on the emulator and prints accounts, regions, the share of calls answered with
 * injected faults ({@link FaultProxy}), wall time, API calls (retries not counted), faults injected,
 * collection errors (calls that failed past their retries), the heap the collection holds at its end (after a GC, clients still open) and the snapshot's size.
 * Arguments: {@code [--faults RATE] [--regions N] [member counts ...]} (default 0, 4, 10 50 200).
 */
public final class CollectBench {
  static final List<String> ALL_REGIONS = List.of("us-east-1", "eu-west-1", "us-west-2", "ap-southeast-2", "us-east-2",
      "us-west-1", "eu-west-2", "eu-west-3", "eu-central-1", "eu-north-1", "ap-southeast-1", "ap-northeast-1", "ap-northeast-2",
      "ap-south-1", "ca-central-1", "sa-east-1");

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
    System.out.printf("%8s %8s %7s %9s %10s %9s %7s %10s %12s%n", "members", "regions", "faults", "wall_s", "api_calls", "injected",
        "errors", "held_mb", "snapshot_mb");
    try (MotoServer moto = MotoServer.start(System.getenv())) {
      for (int members : sizes) {
        moto.reset();
        seed(moto, members);
        run(moto.endpoint(), members, regions, faults);
      }
    }
  }

  static void run(URI moto, int members, List<String> regions, double faults) {
    ApiCallCounter counter = new ApiCallCounter();
    OrganizationSettings settings = new OrganizationSettings(Optional.empty(), Optional.empty(), Seeder.HOME_REGION,
        Optional.empty(), Optional.empty(), regions, null, Optional.empty(), 16, Optional.empty(), null);
    try (FaultProxy proxy = FaultProxy.start(moto, FaultProxy.Plan.random(1, faults), "emulator", Seeder.MANAGEMENT_ACCOUNT)) {
      AwsSettings aws = new AwsSettings(Optional.of(proxy.endpoint()), Seeder.HOME_REGION, settings.memberRoleName(), Optional.empty(), 16);
      System.gc();
      long start = System.nanoTime();
      Snapshot snapshot;
      long held;
      try (ClientFactory clients = new ClientFactory(aws, Seeder.credentials(), List.of(counter))) {
        snapshot = new SnapshotCollector(clients, settings, Clock.systemUTC(), Progress.QUIET).collect();
        double seconds = (System.nanoTime() - start) / 1e9;
        held = heldBytes();
        int size = new SnapshotIo().toJson(snapshot).length();
        if (faults == 0 && !snapshot.errors().isEmpty()) {
          throw new IllegalStateException("collection had errors: " + snapshot.errors());
        }
        int accounts = snapshot.organization().map(o -> o.accounts().size()).orElse(1);
        System.out.printf("%8d %8d %6.0f%% %9.2f %10d %9d %7d %10.1f %12.2f%n", accounts - 1, regions.size(), faults * 100, seconds,
            counter.calls(), proxy.injectedTotal(), snapshot.errors().size(), held / 1048576.0, size / 1048576.0);
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
