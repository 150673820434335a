package io.trailwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwarden.demo.Seeder;
import io.trailwarden.emulator.ArticleOrganization;
import io.trailwarden.emulator.ArticleOrganization.Fault;
import io.trailwarden.emulator.FaultInvariant;
import io.trailwarden.emulator.FaultProxy;
import io.trailwarden.emulator.FaultRuns;
import io.trailwarden.emulator.Moto;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code trailwarden scan} under injected faults (issue 13): the compliant and the faulty article
 * organization, each scanned once without faults and then through a {@link FaultProxy} at 5 %, 20 %
 * and 40 % of calls over several seeds. Every faulty run must keep the fail-closed invariant of
 * {@link FaultInvariant}; the table of verdicts is printed.
 */
class FaultsIT {
  static final List<Double> RATES = List.of(0.05, 0.20, 0.40);
  static final List<Long> SEEDS = List.of(1L, 2L, 3L);

  @RegisterExtension static final Moto MOTO = new Moto();
  @TempDir Path temp;

  record Organization(String name, Set<Fault> faults, int cleanExit) {}

  @Test
  void everyFaultyScanFailsClosed() throws Exception {
    List<FaultRuns.Run> runs = new ArrayList<>();
    List<String> table = new ArrayList<>();
    for (Organization org : List.of(new Organization("compliant", EnumSet.noneOf(Fault.class), ExitCode.OK.code()),
        new Organization("faulty", EnumSet.allOf(Fault.class), ExitCode.FAILURES.code()))) {
      MOTO.reset(Moto.SEED);
      ArticleOrganization.Seeded seeded;
      try (Seeder seeder = new Seeder(MOTO.endpoint())) {
        seeded = ArticleOrganization.seed(seeder, org.faults());
      }
      FaultRuns faults = new FaultRuns(temp.resolve(org.name()), FaultRuns.articleConfig(seeded));
      FaultRuns.Scan clean = faults.scan(MOTO.endpoint(), "clean");
      assertThat(clean.exitCode()).as(clean.out() + clean.err()).isEqualTo(org.cleanExit());
      for (double rate : RATES) {
        int[] verdicts = new int[FaultInvariant.Verdict.values().length];
        double seconds = 0;
        for (long seed : SEEDS) {
          FaultRuns.Run run = faults.faulty(MOTO.endpoint(), FaultProxy.Plan.random(seed, rate), clean.report().orElseThrow(),
              "rate-" + rate + "-seed-" + seed);
          runs.add(run);
          verdicts[run.result().verdict().ordinal()]++;
          seconds += run.scan().seconds();
        }
        table.add(row(org.name(), String.format("%.0f%%", rate * 100), verdicts, seconds / SEEDS.size()));
      }
      // The denials on the faulty organization only: it has a FAIL of every kind that could vanish or flip.
      for (FaultProxy.Plan plan : org.cleanExit() == ExitCode.OK.code() ? List.<FaultProxy.Plan>of() : DENIALS) {
        int[] verdicts = new int[FaultInvariant.Verdict.values().length];
        Set<String> accounts = plan.deniedAccounts().isEmpty() ? Set.of() : Set.of(seeded.loggingAccount());
        FaultProxy.Plan denying = FaultProxy.Plan.denying(accounts, plan.deniedOperations());
        FaultRuns.Run run = faults.faulty(MOTO.endpoint(), denying, clean.report().orElseThrow(),
            "denied-" + String.join("-", denying.deniedOperations()) + String.join("-", accounts));
        runs.add(run);
        verdicts[run.result().verdict().ordinal()]++;
        table.add(row(org.name(), accounts.isEmpty() ? "denied " + String.join(",", denying.deniedOperations()) : "denied AssumeRole log-archive",
            verdicts, run.scan().seconds()));
      }
    }
    System.out.printf("%-10s %-45s %5s %10s %12s %6s %8s%n", "org", "faults", "runs", "identical", "fail-closed", "wrong", "scan_s");
    table.forEach(System.out::println);
    List<String> violations = runs.stream().filter(run -> !run.result().violations().isEmpty())
        .map(run -> String.format("seed %d, rate %.2f, denied %s %s: exit %d: %s", run.plan().seed(), run.plan().rate(),
            run.plan().deniedAccounts(), run.plan().deniedOperations(), run.scan().exitCode(), run.result().violations()))
        .toList();
    assertThat(violations).as("runs breaking the invariant").isEmpty();
  }

  /** AccessDenied on one operation of the tree walk, trusted access or trails, or on one account's role. */
  static final List<FaultProxy.Plan> DENIALS = List.of(
      FaultProxy.Plan.denying(Set.of(), Set.of("ListRoots")),
      FaultProxy.Plan.denying(Set.of(), Set.of("ListOrganizationalUnitsForParent")),
      FaultProxy.Plan.denying(Set.of(), Set.of("ListAccountsForParent")),
      FaultProxy.Plan.denying(Set.of(), Set.of("ListAccountsForParent", "ListAccounts")),
      FaultProxy.Plan.denying(Set.of(), Set.of("ListAWSServiceAccessForOrganization")),
      FaultProxy.Plan.denying(Set.of(), Set.of("DescribeTrails")),
      FaultProxy.Plan.denying(Set.of("log-archive"), Set.of()));

  static String row(String org, String faults, int[] verdicts, double seconds) {
    return String.format("%-10s %-45s %5d %10d %12d %6d %8.1f", org, faults, verdicts[0] + verdicts[1] + verdicts[2], verdicts[0],
        verdicts[1], verdicts[2], seconds);
  }
}
