package io.trailwarden.bench;

import io.trailwarden.aws.ApiCallCounter;
import io.trailwarden.aws.AwsSettings;
import io.trailwarden.aws.ClientFactory;
import io.trailwarden.aws.Connector;
import io.trailwarden.config.Config;
import io.trailwarden.config.ConfigLoader;
import io.trailwarden.config.OrganizationSettings;
import io.trailwarden.demo.DemoOrganization;
import io.trailwarden.demo.MotoServer;
import io.trailwarden.demo.Seeder;
import io.trailwarden.finding.Evaluation;
import io.trailwarden.policy.Opa;
import io.trailwarden.policy.PolicyEngine;
import io.trailwarden.policy.RulesDirectory;
import io.trailwarden.remediate.Journal;
import io.trailwarden.remediate.Plan;
import io.trailwarden.remediate.Remediator;
import io.trailwarden.remediate.fix.Remediations;
import io.trailwarden.scan.Pipeline;
import io.trailwarden.snapshot.Snapshot;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Benchmark of the remediation loop (run by hand through bench/remediate.sh; not a test): on the demo
 * organization (15 accounts, 3 regions), the wall time of collect, of evaluate + plan, and of apply
 * (with its drift re-reads and the verifying rescan), and the API calls the apply made. Median of the
 * runs given as the argument (default 3).
 */
public final class RemediateBench {
  public static void main(String[] args) throws Exception {
    int runs = args.length == 0 ? 3 : Integer.parseInt(args[0]);
    PrintWriter quiet = new PrintWriter(new StringWriter());
    List<double[]> results = new ArrayList<>();
    Path dir = Files.createTempDirectory("trailwarden-bench");
    try (MotoServer moto = MotoServer.start(System.getenv());
        RulesDirectory rules = RulesDirectory.resolve(Optional.empty(), System.getenv())) {
      for (int run = 0; run < runs; run++) {
        moto.reset();
        moto.seedRandomness(20261123);
        DemoOrganization.Seeded seeded;
        try (Seeder seeder = new Seeder(moto.endpoint())) {
          seeded = DemoOrganization.seed(seeder);
        }
        OrganizationSettings organization = new OrganizationSettings(Optional.of(Seeder.MANAGEMENT_ACCOUNT),
            Optional.of(seeded.loggingAccountId()), Seeder.HOME_REGION, Optional.of(DemoOrganization.TRAIL_NAME),
            Optional.of(DemoOrganization.LOG_BUCKET), DemoOrganization.REGIONS, null, Optional.empty(), 8, Optional.empty(),
            new OrganizationSettings.Sensitive(List.of("northwind-card-statements"), List.of()));
        AwsSettings settings = new AwsSettings(Optional.of(moto.endpoint()), Seeder.HOME_REGION, organization.memberRoleName(),
            Optional.empty(), 8);
        ApiCallCounter applyCalls = new ApiCallCounter();
        Connector aws = interceptors -> new ClientFactory(settings, Seeder.credentials(), interceptors);
        Connector counted = interceptors -> new ClientFactory(settings, Seeder.credentials(),
            Stream.concat(interceptors.stream(), Stream.of(applyCalls)).toList());
        Config config = new Config(null, organization, null, null, null,
            new Config.Remediation(List.of(Config.Remediation.ALL), true, null, null, null, null));
        Pipeline pipeline = new Pipeline(new PolicyEngine(Opa.locate(System.getenv(), quiet), rules), "bench",
            new ConfigLoader.Loaded(config, Path.of("config.yaml"), ""), quiet, quiet);

        long t0 = System.nanoTime();
        Snapshot snapshot = Pipeline.collect(aws, organization, dir.resolve("snapshot.json"), quiet);
        long t1 = System.nanoTime();
        Evaluation evaluation = pipeline.evaluate(snapshot);
        Remediator remediator = new Remediator(pipeline, Clock.systemUTC(), Remediations::find);
        Plan plan = remediator.plan(snapshot, evaluation);
        long t2 = System.nanoTime();
        Remediator.Applied applied = remediator.apply(plan, dir.resolve("plan.json"), counted, organization,
            new Journal(dir.resolve("journal-" + run + ".jsonl")), dir.resolve("after.json"));
        long t3 = System.nanoTime();
        if (!applied.allApplied() || !Remediator.allPass(applied)) {
          throw new IllegalStateException("the demo plan did not apply cleanly: " + applied.outcomes());
        }
        results.add(new double[] {(t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, plan.changes().size(), applyCalls.calls()});
      }
    }
    System.out.printf("%-22s %10s %12s %16s %8s %18s%n", "organization", "collect_s", "eval+plan_s", "apply+rescan_s",
        "changes", "api_calls(apply)");
    System.out.printf("%-22s %10.2f %12.2f %16.2f %8.0f %18.0f%n", "demo, 15 accts x 3 rg", median(results, 0),
        median(results, 1), median(results, 2), median(results, 3), median(results, 4));
  }

  private static double median(List<double[]> rows, int column) {
    double[] values = rows.stream().mapToDouble(r -> r[column]).sorted().toArray();
    return values[values.length / 2];
  }
}
