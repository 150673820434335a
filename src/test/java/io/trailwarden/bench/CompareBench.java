package io.trailwarden.bench;

import io.trailwarden.demo.MotoServer;
import io.trailwarden.demo.Seeder;
import io.trailwarden.emulator.FaultProxy;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * TrailWarden side by side with Prowler and Cloud Custodian (run by hand through
 * {@code bench/collect.sh --compare}; not a test). Each size's organization ({@link CollectBench#seed})
 * is scanned by the three tools, one after another, each through its own counting loopback proxy in
 * front of the same emulator ({@link FaultProxy} injecting nothing), so every HTTP request of every tool
 * is counted the same way, retries included. Each runs the way its documentation recommends for an
 * organization: {@code trailwarden scan} once from the management account; {@code c7n-org run} over an
 * accounts file of every account with its role ({@code --cache-period 0}: its cache would answer a
 * reseeded emulator with the last run's resources); Prowler, which has no organization mode, one
 * {@code prowler aws -R <member role>} process per account, {@link #PROWLER_PARALLEL} at a time.
 * Printed per tool: accounts scanned, wall time, requests, and TrailWarden's advantage (their wall ÷
 * ours, their requests ÷ ours). Prowler on more than {@code --prowler-sample} accounts runs on a sample
 * and is extrapolated to the whole organization, which the table says.
 * Arguments: {@code [--prowler-sample N] [--no-prowler] [member counts ...]} (default 12, 10 50); the tools' paths come
 * from $TRAILWARDEN, $C7N_ORG and $PROWLER (bench/collect.sh installs them).
 */
public final class CompareBench {
  static final int PROWLER_PARALLEL = 4;
  static final List<String> REGIONS = CollectBench.ALL_REGIONS.subList(0, 4);
  /** Prowler's checks that correspond to TrailWarden's rules: CloudTrail, the log bucket's S3 settings, KMS rotation, log-group retention. */
  static final List<String> PROWLER_CHECKS = List.of(
      "cloudtrail_multi_region_enabled", "cloudtrail_multi_region_enabled_logging_management_events",
      "cloudtrail_log_file_validation_enabled", "cloudtrail_kms_encryption_enabled", "cloudtrail_cloudwatch_logging_enabled",
      "cloudtrail_logs_s3_bucket_access_logging_enabled", "cloudtrail_logs_s3_bucket_is_not_publicly_accessible",
      "cloudtrail_s3_dataevents_read_enabled", "cloudtrail_s3_dataevents_write_enabled", "cloudtrail_bucket_requires_mfa_delete",
      "s3_bucket_default_encryption", "s3_bucket_level_public_access_block", "s3_account_level_public_access_blocks",
      "s3_bucket_object_versioning", "s3_bucket_object_lock", "s3_bucket_secure_transport_policy", "s3_bucket_server_access_logging_enabled",
      "s3_bucket_acl_prohibited", "s3_bucket_lifecycle_enabled", "kms_cmk_rotation_enabled", "cloudwatch_log_group_retention_policy_specific_days_enabled");

  record Run(String tool, int accountsRun, int accounts, double wallSeconds, long requests, String note) {
    double scaledWall() {
      return wallSeconds * accounts / accountsRun;
    }

    double scaledRequests() {
      return (double) requests * accounts / accountsRun;
    }
  }

  public static void main(String[] args) throws Exception {
    int prowlerSample = 12;
    boolean withProwler = true;
    List<Integer> sizes = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--prowler-sample")) {
        prowlerSample = Integer.parseInt(args[++i]);
      } else if (args[i].equals("--no-prowler")) {
        withProwler = false;
      } else {
        sizes.add(Integer.parseInt(args[i]));
      }
    }
    if (sizes.isEmpty()) {
      sizes = List.of(10, 50);
    }
    Path work = Files.createTempDirectory("trailwarden-compare");
    List<String> table = new ArrayList<>();
    table.add(String.format("%7s %-12s %9s %9s %9s %11s %11s  %s", "members", "tool", "accounts", "wall_s", "requests", "wall_ratio",
        "req_ratio", "note"));
    try (MotoServer moto = MotoServer.start(System.getenv())) {
      for (int members : sizes) {
        moto.reset();
        Map<String, String> accounts = CollectBench.seed(moto, members);
        Path dir = Files.createDirectories(work.resolve("m" + members));
        // moto loads each service's code and builds its state on the first requests after a reset: about 9 s
        // at 50 members, charged to whichever tool ran first. One untimed scan warms it for all three.
        trailwarden(moto, Files.createDirectories(dir.resolve("warm-up")), accounts.size());
        Run ours = trailwarden(moto, dir, accounts.size());
        // Each row is printed (to stderr) as soon as its tool has run: Prowler alone can take many minutes.
        row(table, members, ours, ours);
        row(table, members, custodian(moto, dir, accounts), ours);
        if (withProwler) {
          row(table, members, prowler(moto, dir, accounts, prowlerSample), ours);
        }
      }
    }
    System.out.println(String.join("\n", table));
    System.out.println("""

        Every tool's requests are counted by a loopback proxy in front of the emulator (every HTTP request, retries included).
        wall_ratio and req_ratio are the tool's wall time and requests divided by TrailWarden's (higher: TrailWarden is ahead).
        Each organization is scanned once, untimed, before the timed runs, so that no tool pays the emulator's warm-up.
        trailwarden: `trailwarden scan` (collect, evaluate, reports), one process, JVM start-up included.
        c7n-org: `c7n-org run` over every account (its default workers), --cache-period 0.
        prowler: one process per account (no organization mode), %d at a time; its wall includes ~15 s of start-up per
          process and the S3 Control retries against <account>.127.0.0.1, a host only the emulator setup produces (AWS's is
          <account>.s3-control.<region>.amazonaws.com); a row with accounts a/b ran on a sample of a accounts and is
          extrapolated to b (wall and requests × b/a).""".formatted(PROWLER_PARALLEL));
  }

  static void row(List<String> table, int members, Run run, Run ours) {
    String row = String.format("%7d %-12s %9s %9.1f %9.0f %10.1f× %10.1f×  %s", members, run.tool(),
        run.accountsRun() == run.accounts() ? Integer.toString(run.accounts()) : run.accountsRun() + "/" + run.accounts(),
        run.scaledWall(), run.scaledRequests(), run.scaledWall() / ours.wallSeconds(), run.scaledRequests() / ours.requests(), run.note());
    table.add(row);
    System.err.println(row);
  }

  static Run trailwarden(MotoServer moto, Path dir, int accounts) throws Exception {
    Path config = dir.resolve("config.yaml");
    Files.writeString(config, """
        version: 1
        organization:
          homeRegion: us-east-1
          regions: [%s]
        report:
          outputDir: %s
        """.formatted(String.join(", ", REGIONS), dir.resolve("trailwarden-reports")));
    return measure(moto, "trailwarden", accounts, accounts, "", proxy -> List.of(run(List.of(env("TRAILWARDEN"), "scan", "--config",
        config.toString()), proxy, dir.resolve("trailwarden.log"), List.of(0, 1, 3))));
  }

  static Run custodian(MotoServer moto, Path dir, Map<String, String> accounts) throws Exception {
    Path accountsFile = dir.resolve("accounts.yml");
    // What c7n-org's orgaccounts.py writes for an organization: every account with its role and regions
    // (c7n-org requires a role for every account, the management one included).
    Files.writeString(accountsFile, "accounts:\n" + accounts.entrySet().stream().map(a -> """
          - account_id: "%s"
            name: %s
            regions: [%s]
            role: arn:aws:iam::%s:role/OrganizationAccountAccessRole
        """.formatted(a.getValue(), a.getKey(), String.join(", ", REGIONS), a.getValue()))
        .collect(Collectors.joining()));
    Path policies = Path.of("bench/compare/custodian.yml").toAbsolutePath();
    return measure(moto, "c7n-org", accounts.size(), accounts.size(), "", proxy -> List.of(run(List.of(env("C7N_ORG"), "run", "-c",
        accountsFile.toString(), "-u", policies.toString(), "-s", dir.resolve("custodian-out").toString(), "--cache-period", "0"),
        proxy, dir.resolve("custodian.log"), List.of(0))));
  }

  static Run prowler(MotoServer moto, Path dir, Map<String, String> accounts, int sample) throws Exception {
    List<String> ids = new ArrayList<>(accounts.values());
    List<String> chosen = ids.size() <= sample ? ids : ids.subList(0, sample);
    ExecutorService pool = Executors.newFixedThreadPool(PROWLER_PARALLEL);
    try {
      return measure(moto, "prowler", chosen.size(), ids.size(), chosen.size() == ids.size() ? "" : "extrapolated from a sample",
          proxy -> {
            List<Future<Integer>> exits = new ArrayList<>();
            for (String id : chosen) {
              List<String> command = new ArrayList<>(List.of(env("PROWLER"), "aws", "--no-banner", "-M", "csv", "-o",
                  dir.resolve("prowler-out").toString(), "-F", "prowler-" + id, "-f"));
              command.addAll(REGIONS);
              command.add("-c");
              command.addAll(PROWLER_CHECKS);
              if (!id.equals(Seeder.MANAGEMENT_ACCOUNT)) {
                command.addAll(List.of("-R", "arn:aws:iam::" + id + ":role/OrganizationAccountAccessRole"));
              }
              // Prowler exits 3 when a check fails.
              exits.add(pool.submit(() -> run(command, proxy, dir.resolve("prowler-" + id + ".log"), List.of(0, 3))));
            }
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> exit : exits) {
              codes.add(exit.get());
            }
            return codes;
          });
    } finally {
      pool.shutdownNow();
    }
  }

  interface Tool {
    List<Integer> run(FaultProxy proxy) throws Exception;
  }

  static Run measure(MotoServer moto, String name, int accountsRun, int accounts, String note, Tool tool) throws Exception {
    try (FaultProxy proxy = FaultProxy.start(moto.endpoint(), FaultProxy.Plan.random(1, 0), "emulator", Seeder.MANAGEMENT_ACCOUNT)) {
      long start = System.nanoTime();
      tool.run(proxy);
      double seconds = (System.nanoTime() - start) / 1e9;
      return new Run(name, accountsRun, accounts, seconds, proxy.requests(), note);
    }
  }

  /** Runs a tool against the proxy with the emulator's credentials; fails on an exit code it does not expect, naming its log. */
  static int run(List<String> command, FaultProxy proxy, Path log, List<Integer> expected) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(k -> k.startsWith("AWS_"));
    env.put("AWS_ENDPOINT_URL", proxy.endpoint().toString());
    env.put("AWS_ACCESS_KEY_ID", "emulator");
    env.put("AWS_SECRET_ACCESS_KEY", "emulator");
    env.put("AWS_DEFAULT_REGION", Seeder.HOME_REGION);
    env.put("AWS_REGION", Seeder.HOME_REGION);
    env.put("AWS_CONFIG_FILE", "/dev/null");
    env.put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
    Process process = builder.start();
    if (!process.waitFor(30, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException(command.get(0) + " did not finish in 30 minutes; see " + log);
    }
    int code = process.exitValue();
    if (!expected.contains(code)) {
      throw new IllegalStateException(new File(command.get(0)).getName() + " exited " + code + "; see " + log);
    }
    return code;
  }

  private static String env(String name) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("$" + name + " is not set: run this through bench/collect.sh --compare");
    }
    return value;
  }
}
