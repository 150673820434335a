package io.trailwarden.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwarden.demo.LogDelivery;
import io.trailwarden.demo.MotoServer;
import io.trailwarden.demo.Seeder;
import io.trailwarden.demo.TrailEvent;
import io.trailwarden.emulator.LogFixture;
import io.trailwarden.investigate.Investigation;
import io.trailwarden.investigate.Investigations;
import io.trailwarden.investigate.LogQuery;
import io.trailwarden.investigate.LogSource;
import io.trailwarden.logs.LogVerifier;
import io.trailwarden.logs.digest.DigestKeys;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Benchmark of logs query (run by hand through bench/logs-query.sh; not a test). Writes EVENTS CloudTrail
 * records in log files across ACCOUNTS x REGIONS x DAYS into the emulator's S3 (everyday calls, with a
 * cross-account AssumeRole every 1,000 events and a refused StopLogging of the organization trail every
 * 5,000), then: a cold load (an empty cache: list and download everything) and a warm one (the cache
 * full, nothing downloaded), and each saved investigation's query time on the loaded table; peak heap
 * and peak resident memory (DuckDB's memory is native, outside the heap).
 * Arguments: events accounts regions days eventsPerFile (default 1000000 50 4 7 100).
 */
public final class LogsQueryBench {
  static final List<String> ALL_REGIONS = List.of("eu-west-1", "us-east-1", "us-west-2", "ap-southeast-2", "eu-central-1",
      "ap-northeast-1");
  static final String BUCKET = "bench-org-cloudtrail-logs";
  static final String[][] EVERYDAY = {{"ec2.amazonaws.com", "DescribeInstances"}, {"s3.amazonaws.com", "GetObject"},
      {"iam.amazonaws.com", "GetRole"}, {"kms.amazonaws.com", "Decrypt"}, {"ssm.amazonaws.com", "GetParameter"},
      {"lambda.amazonaws.com", "Invoke"}, {"dynamodb.amazonaws.com", "Query"}, {"sts.amazonaws.com", "GetCallerIdentity"}};

  public static void main(String[] args) throws Exception {
    long events = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
    int accounts = args.length > 1 ? Integer.parseInt(args[1]) : 50;
    int regionCount = args.length > 2 ? Integer.parseInt(args[2]) : 4;
    int days = args.length > 3 ? Integer.parseInt(args[3]) : 7;
    int perFile = args.length > 4 ? Integer.parseInt(args[4]) : 100;
    List<String> regions = ALL_REGIONS.subList(0, regionCount);
    List<String> accountIds = new ArrayList<>();
    for (int i = 0; i < accounts; i++) {
      accountIds.add(String.format("2%011d", i + 1));
    }
    Path cache = Files.createTempDirectory("trailwarden-bench-cache-");
    try (MotoServer moto = MotoServer.start(System.getenv()); Seeder seeder = new Seeder(moto.endpoint())) {
      String organization = seeder.organization();
      var s3 = seeder.s3(Seeder.MANAGEMENT_ACCOUNT);
      LogFixture.withNewBucket(s3, BUCKET, organization);
      Instant end = Instant.now().truncatedTo(ChronoUnit.HOURS);
      Instant from = end.minus(Duration.ofDays(days));
      long t0 = System.nanoTime();
      int files = deliver(new LogDelivery(s3, BUCKET), organization, accountIds, regions, from, end, events, perFile);
      System.out.printf("Wrote %,d events in %,d log files for %d accounts x %d regions x %d days into the emulator in %.1f s.%n%n",
          events, files, accounts, regionCount, days, (System.nanoTime() - t0) / 1e9);

      LogVerifier.Target target = new LogVerifier.Target(BUCKET, Optional.empty(), Optional.of(organization),
          Seeder.MANAGEMENT_ACCOUNT, LogFixture.TRAIL, LogFixture.HOME_REGION, accountIds, regions);
      Map<String, List<String>> context = Map.of("trail", List.of(LogFixture.TRAIL), "log_bucket", List.of(BUCKET),
          "sensitive_buckets", List.of("phi-records"), "sensitive_tables", List.of());
      Instant to = Instant.now();
      System.out.printf("%-34s %9s %9s %11s %13s %9s %10s %8s%n", "run", "wall_s", "folders", "files/s", "downloaded/s",
          "events", "heap_mb", "rss_mb");
      // The summary: per run, the load time, then each investigation's query time.
      Map<String, List<Double>> seconds = new java.util.LinkedHashMap<>();
      long mb = 0;
      for (String run : List.of("cold (empty cache)", "warm (cache full)")) {
        resetPeaks();
        long start = System.nanoTime();
        try (LogQuery query = LogQuery.load(LogSource.s3(s3, Seeder.MANAGEMENT_ACCOUNT, BUCKET, cache, 16), target, context,
            from, to)) {
          double loaded = (System.nanoTime() - start) / 1e9;
          var fetched = query.fetched();
          mb = Math.max(mb, fetched.bytesDownloaded() / 1_000_000);
          seconds.computeIfAbsent("load", k -> new ArrayList<>()).add(loaded);
          System.out.printf("%-34s %9.1f %9d %11.0f %13.0f %,9d %10d %8d%n", "load, " + run, loaded, fetched.folders(),
              fetched.files().size() / loaded, fetched.downloaded() / loaded, query.events(), peakHeapMb(), peakRssMb());
          for (Investigation investigation : Investigations.builtIn()) {
            long q = System.nanoTime();
            int rows = query.run(investigation, Map.of()).rows().size();
            double took = (System.nanoTime() - q) / 1e9;
            seconds.computeIfAbsent("query " + investigation.id(), k -> new ArrayList<>()).add(took);
            System.out.printf("%-34s %9.2f %9s %11s %13s %,9d %10d %8d%n", "  query " + investigation.id(),
                took, "", "", "", rows, peakHeapMb(), peakRssMb());
          }
        }
      }
      System.out.printf("%n%-46s %16s%n", "summary", "value");
      System.out.printf("%-46s %,16d%n", "events", events);
      System.out.printf("%-46s %,16d%n", "files", files);
      System.out.printf("%-46s %,16d%n", "MB (gzipped, downloaded)", mb);
      for (var entry : seconds.entrySet()) {
        System.out.printf("%-46s %16s%n", entry.getKey() + " cold/warm s",
            String.format("%.2f / %.2f", entry.getValue().get(0), entry.getValue().get(1)));
      }
      System.out.printf("%-46s %,16d%n", "peak RSS MB (JVM + DuckDB)", peakRssMb());
    } finally {
      try (var walk = Files.walk(cache)) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** Spreads the events evenly over every account x region's window, perFile to a file, written in parallel. */
  static int deliver(LogDelivery delivery, String organization, List<String> accounts, List<String> regions, Instant from,
      Instant end, long events, int perFile) throws Exception {
    long filesTotal = Math.max(1, events / perFile);
    int chains = accounts.size() * regions.size();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<Integer>> written = new ArrayList<>();
    int index = 0;
    for (String account : accounts) {
      for (String region : regions) {
        int chain = index++;
        long filesHere = filesTotal / chains + (chain < filesTotal % chains ? 1 : 0);
        written.add(pool.submit(() -> {
          Random random = new Random(chain);
          DigestKeys keys = new DigestKeys(Optional.empty(), Optional.of(organization), account, region, LogFixture.TRAIL,
              LogFixture.HOME_REGION);
          long step = Duration.between(from, end).toSeconds() / Math.max(1, filesHere);
          for (long f = 0; f < filesHere; f++) {
            Instant delivered = from.plusSeconds(step * f + step / 2);
            List<ObjectNode> records = new ArrayList<>(perFile);
            for (int e = 0; e < perFile; e++) {
              long n = (chain * filesHere + f) * perFile + e;
              records.add(event(account, accounts, region, delivered.minusSeconds(60 + random.nextInt(240)), n, random));
            }
            delivery.putRecords(keys, delivered, records, random);
          }
          return (int) filesHere;
        }));
      }
    }
    int files = 0;
    for (Future<Integer> future : written) {
      files += future.get();
    }
    pool.shutdown();
    return files;
  }

  static ObjectNode event(String account, List<String> accounts, String region, Instant at, long n, Random random) {
    if (n % 5000 == 4999) {
      return TrailEvent.call(TrailEvent.role(account, "Intruder", "x"), account, region, at, "cloudtrail.amazonaws.com",
          "StopLogging").param("name", LogFixture.TRAIL).error("AccessDenied", "denied by a service control policy").node();
    }
    if (n % 1000 == 999) {
      String other = accounts.get(random.nextInt(accounts.size()));
      return TrailEvent.call(TrailEvent.role(other, "Deploy", "ci"), account, region, at, "sts.amazonaws.com", "AssumeRole")
          .param("roleArn", "arn:aws:iam::" + account + ":role/Admin").node();
    }
    String[] kind = EVERYDAY[random.nextInt(EVERYDAY.length)];
    return TrailEvent.call(TrailEvent.role(account, "App", "s" + random.nextInt(50)), account, region, at, kind[0], kind[1])
        .param("maxResults", 100).readOnly(true).node();
  }

  static void resetPeaks() {
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  static long peakHeapMb() {
    return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
        .mapToLong(p -> p.getPeakUsage().getUsed()).sum() / (1024 * 1024);
  }

  /** The process's peak resident set (Linux VmHWM), which includes DuckDB's native memory; -1 elsewhere. */
  static long peakRssMb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
        }
      }
    } catch (java.io.IOException e) {
      // Not Linux.
    }
    return -1;
  }
}
