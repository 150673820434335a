package io.trailwarden.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.trailwarden.demo.LogDelivery;
import io.trailwarden.demo.MotoServer;
import io.trailwarden.demo.Seeder;
import io.trailwarden.emulator.LogFixture;
import io.trailwarden.logs.LogVerifier;
import io.trailwarden.logs.digest.Pkcs1;
import io.trailwarden.logs.fetch.LogFetcher;
import io.trailwarden.logs.store.LockerStore;
import io.trailwarden.logs.store.LogStore;
import io.trailwarden.logs.store.S3LogStore;
import io.trailwarden.snapshot.LogIntegrity;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmark of log verification (run by hand through bench/logs-verify.sh; not a test). Writes signed
 * chains for ACCOUNTS x REGIONS into the emulator's S3 (one log file then edited), and measures:
 * verification from S3, the evidence-locker fetch, verification of the locker on disk (the verifier's
 * own speed and peak heap, without the emulator's), and the AWS CLI's validate-logs for the same chains,
 * one process per account x region as a user would run it. It also checks that the CLI agrees with
 * the verifier on every chain's valid digests and log files.
 * Arguments: accounts regions hours logFilesPerHour (default 50 4 10 5: 10,000 log files, 2,000 digests).
 */
public final class LogsVerifyBench {
  static final List<String> ALL_REGIONS = List.of("eu-west-1", "us-east-1", "us-west-2", "ap-southeast-2", "eu-central-1",
      "ap-northeast-1");
  static final String BUCKET = "bench-org-cloudtrail-logs";

  public static void main(String[] args) throws Exception {
    int accounts = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    int regionCount = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    int hours = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    int files = args.length > 3 ? Integer.parseInt(args[3]) : 5;
    Path aws = Path.of(System.getenv().getOrDefault("AWS_CLI_PATH", ".tools/bin/aws"));
    List<String> regions = ALL_REGIONS.subList(0, regionCount);
    List<String> accountIds = new ArrayList<>();
    for (int i = 0; i < accounts; i++) {
      accountIds.add(String.format("2%011d", i + 1));
    }
    try (MotoServer moto = MotoServer.start(System.getenv()); Seeder seeder = new Seeder(moto.endpoint())) {
      String organization = seeder.organization();
      var s3 = seeder.s3(Seeder.MANAGEMENT_ACCOUNT);
      LogFixture fixture = LogFixture.withNewBucket(s3, BUCKET, organization);
      String trailArn = seeder.trail(Seeder.MANAGEMENT_ACCOUNT, Seeder.HOME_REGION, LogFixture.TRAIL, BUCKET, true, true, true);
      long t0 = System.nanoTime();
      List<LogDelivery.Delivered> delivered = deliver(fixture, accountIds, regions, hours, files);
      double writeSeconds = (System.nanoTime() - t0) / 1e9;
      String tampered = delivered.get(0).logKeys().get(0);
      fixture.edit(tampered, text -> text.replaceFirst("\"sourceIPAddress\" : \"[0-9.]+\"", "\"sourceIPAddress\" : \"192.0.2.1\""));
      int logFiles = delivered.stream().mapToInt(d -> d.logKeys().size()).sum();
      int digests = delivered.stream().mapToInt(d -> d.digestKeys().size()).sum();
      System.out.printf("Delivered %d log files and %d digests for %d accounts x %d regions into the emulator in %.1f s "
          + "(one log file then edited: %s).%n%n", logFiles, digests, accounts, regionCount, writeSeconds, tampered);

      var target = new LogVerifier.Target(BUCKET, Optional.empty(), Optional.of(organization), Seeder.MANAGEMENT_ACCOUNT,
          LogFixture.TRAIL, LogFixture.HOME_REGION, accountIds, regions);
      Instant from = fixture.start(hours);
      Instant to = fixture.end;
      List<String> rows = new ArrayList<>();

      Timed s3Run = time(() -> new LogVerifier(new S3LogStore(s3, Seeder.MANAGEMENT_ACCOUNT), fixture.publicKeys(), 16)
          .verify(target, from, to, Instant.now()));
      rows.add(row("trailwarden logs verify (emulator S3, 16 threads)", s3Run, digests, logFiles));

      Path locker = Files.createTempDirectory("trailwarden-bench-locker-");
      long f0 = System.nanoTime();
      new LogFetcher(s3, Seeder.MANAGEMENT_ACCOUNT, 16).fetch(target, from, to, fixture.publicKeys(),
          emptySnapshot(), Optional.of(trailArn), locker, Instant.now());
      double fetchSeconds = (System.nanoTime() - f0) / 1e9;
      rows.add(String.format("%-52s %9.1f %12s %12s %10s", "trailwarden logs fetch (emulator S3 -> locker)", fetchSeconds, "-", "-", "-"));

      LogStore disk = new LockerStore(locker);
      Timed diskRun = time(() -> new LogVerifier(disk, fixture.publicKeys(), Runtime.getRuntime().availableProcessors())
          .verify(target, from, to, Instant.now()));
      rows.add(row("trailwarden logs verify --source (locker on disk)", diskRun, digests, logFiles));

      Cli cli = cli(aws, moto.endpoint(), fixture, trailArn, accountIds, regions, from, to);
      rows.add(String.format("%-52s %9.1f %12.0f %12.0f %10s", "aws cloudtrail validate-logs (" + cli.processes + " processes)",
          cli.seconds, digests / cli.seconds, logFiles / cli.seconds, "-"));

      System.out.printf("%-52s %9s %12s %12s %10s%n", "run", "wall_s", "digests/s", "logfiles/s", "peak_mb");
      rows.forEach(System.out::println);
      System.out.println();
      int agree = 0;
      List<String> disagree = new ArrayList<>();
      for (LogIntegrity.Chain chain : s3Run.chains) {
        String place = chain.accountId() + "/" + chain.region();
        int[] counts = cli.counts.get(place);
        boolean same = counts != null && counts[0] == chain.digests() && counts[1] == chain.logFiles()
            && (counts[2] != 0) == (chain.problemCount() != 0);
        if (same) {
          agree++;
        } else {
          disagree.add(place + ": trailwarden " + chain.digests() + " digests, " + chain.logFiles() + " log files, "
              + chain.problemCount() + " problems; CLI " + (counts == null ? "no summary" : counts[0] + " digests, " + counts[1]
              + " log files, exit " + counts[2]));
        }
      }
      System.out.printf("The AWS CLI agrees with trailwarden on %d of %d chains (valid digests, valid log files, pass or fail).%n",
          agree, s3Run.chains.size());
      disagree.forEach(d -> System.out.println("  differs: " + d));
      System.out.println("The edited log file, as each reports it:");
      s3Run.chains.stream().filter(c -> c.problemCount() > 0).forEach(c -> c.problems().forEach(p ->
          System.out.println("  trailwarden: " + p.kind() + " " + p.key())));
      cli.invalid.forEach(line -> System.out.println("  aws cli:     " + line));
      try (var paths = Files.walk(locker)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  record Timed(List<LogIntegrity.Chain> chains, double seconds, long peakHeapMb) {}

  interface Run {
    List<LogIntegrity.Chain> run() throws Exception;
  }

  static Timed time(Run run) throws Exception {
    System.gc();
    List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP).toList();
    heap.forEach(MemoryPoolMXBean::resetPeakUsage);
    long start = System.nanoTime();
    List<LogIntegrity.Chain> chains = run.run();
    double seconds = (System.nanoTime() - start) / 1e9;
    long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() / (1024 * 1024);
    return new Timed(chains, seconds, peak);
  }

  static String row(String name, Timed timed, int digests, int logFiles) {
    long verifiedDigests = timed.chains.stream().mapToLong(LogIntegrity.Chain::digests).sum();
    long verifiedLogs = timed.chains.stream().mapToLong(LogIntegrity.Chain::logFiles).sum();
    if (verifiedDigests != digests || verifiedLogs != logFiles - 1) {
      throw new IllegalStateException(name + ": verified " + verifiedDigests + " digests and " + verifiedLogs
          + " log files, expected " + digests + " and " + (logFiles - 1));
    }
    return String.format("%-52s %9.1f %12.0f %12.0f %10d", name, timed.seconds, digests / timed.seconds, logFiles / timed.seconds,
        timed.peakHeapMb);
  }

  static List<LogDelivery.Delivered> deliver(LogFixture fixture, List<String> accounts, List<String> regions, int hours, int files)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<LogDelivery.Delivered>> futures = new ArrayList<>();
      for (String account : accounts) {
        for (String region : regions) {
          futures.add(pool.submit(() -> fixture.chain(account, region, hours, files)));
        }
      }
      List<LogDelivery.Delivered> delivered = new ArrayList<>();
      for (Future<LogDelivery.Delivered> future : futures) {
        delivered.add(future.get());
      }
      return delivered;
    } finally {
      pool.shutdownNow();
    }
  }

  record Cli(double seconds, int processes, Map<String, int[]> counts, List<String> invalid) {}

  /** validate-logs per account x region, with ListPublicKeys answered by a loopback stand-in (moto has none). */
  static Cli cli(Path aws, URI moto, LogFixture fixture, String trailArn, List<String> accounts, List<String> regions,
      Instant from, Instant to) throws Exception {
    if (!Files.isExecutable(aws)) {
      throw new IllegalStateException("the AWS CLI was not found at " + aws + ": run scripts/awscli.sh, or bench/logs-verify.sh");
    }
    HttpServer proxy = publicKeysStandIn(moto, fixture);
    Path config = Files.createTempFile("trailwarden-bench-aws-", ".config");
    Files.writeString(config, "[default]\nregion = us-east-1\ns3 =\n  addressing_style = path\n");
    Map<String, int[]> counts = new java.util.TreeMap<>();
    List<String> invalid = new ArrayList<>();
    Pattern digestRatio = Pattern.compile("(\\d+)/(\\d+) digest files valid");
    Pattern logRatio = Pattern.compile("(\\d+)/(\\d+) log files valid");
    long start = System.nanoTime();
    int processes = 0;
    try {
      for (String account : accounts) {
        for (String region : regions) {
          ProcessBuilder builder = new ProcessBuilder(aws.toString(), "cloudtrail", "validate-logs", "--trail-arn", trailArn,
              "--start-time", from.toString(), "--end-time", to.toString(), "--account-id", account, "--region", region,
              "--endpoint-url", "http://127.0.0.1:" + proxy.getAddress().getPort());
          if (System.getenv("BENCH_CLI_DEBUG") != null) {
            builder.command().add("--debug");
          }
          Map<String, String> env = builder.environment();
          env.put("AWS_ACCESS_KEY_ID", "emulator");
          env.put("AWS_SECRET_ACCESS_KEY", "emulator");
          env.put("AWS_CONFIG_FILE", config.toString());
          env.put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
          env.put("AWS_ENDPOINT_URL_S3", moto.toString());
          env.put("AWS_ENDPOINT_URL_ORGANIZATIONS", moto.toString());
          env.remove("AWS_PROFILE");
          builder.redirectErrorStream(true);
          Process process = builder.start();
          String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
          int exit = process.waitFor();
          processes++;
          Matcher d = digestRatio.matcher(output);
          Matcher l = logRatio.matcher(output);
          if (d.find() && l.find()) {
            counts.put(account + "/" + region, new int[] {Integer.parseInt(d.group(1)), Integer.parseInt(l.group(1)), exit});
          } else {
            System.err.println("validate-logs for " + account + "/" + region + " printed no summary (exit " + exit + "):\n" + output);
          }
          output.lines().filter(line -> line.contains("INVALID")).forEach(invalid::add);
          if (System.getenv("BENCH_CLI_DEBUG") != null) {
            System.err.println(output);
          }
        }
      }
    } finally {
      proxy.stop(0);
      Files.deleteIfExists(config);
    }
    return new Cli((System.nanoTime() - start) / 1e9, processes, counts, invalid);
  }

  /**
   * CloudTrail for the CLI: answers ListPublicKeys with the fixture's key (Value, a blob, base64 on the
   * wire as every blob is) and forwards every other CloudTrail call (DescribeTrails) to moto.
   */
  static HttpServer publicKeysStandIn(URI moto, LogFixture fixture) throws IOException {
    HttpClient http = HttpClient.newHttpClient();
    byte[] der = Pkcs1.encode((RSAPublicKey) fixture.signer.keys().getPublic());
    String value = Base64.getEncoder().encodeToString(der);
    String keys = "{\"PublicKeyList\":[{\"Fingerprint\":\"" + fixture.signer.fingerprint() + "\",\"Value\":\"" + value
        + "\",\"ValidityStartTime\":" + (fixture.end.getEpochSecond() - 86400 * 30) + ",\"ValidityEndTime\":"
        + (fixture.end.getEpochSecond() + 86400 * 30) + "}]}";
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      byte[] body = exchange.getRequestBody().readAllBytes();
      String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
      if (target != null && target.endsWith(".ListPublicKeys")) {
        answer(exchange, 200, keys.getBytes(StandardCharsets.UTF_8), "application/x-amz-json-1.1");
        return;
      }
      HttpRequest.Builder forward = HttpRequest.newBuilder(moto.resolve(exchange.getRequestURI().toString()))
          .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
      exchange.getRequestHeaders().forEach((name, values) -> {
        if (!Set.RESTRICTED.contains(name.toLowerCase())) {
          values.forEach(v -> forward.header(name, v));
        }
      });
      try {
        HttpResponse<byte[]> response = http.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
        answer(exchange, response.statusCode(), response.body(),
            response.headers().firstValue("Content-Type").orElse("application/x-amz-json-1.1"));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        answer(exchange, 500, new byte[0], "text/plain");
      }
    });
    server.start();
    return server;
  }

  static final class Set {
    static final java.util.Set<String> RESTRICTED = java.util.Set.of("host", "content-length", "connection", "expect", "upgrade");
  }

  static void answer(HttpExchange exchange, int status, byte[] body, String type) throws IOException {
    exchange.getResponseHeaders().add("Content-Type", type);
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      exchange.getResponseBody().write(body);
    }
    exchange.close();
  }

  static io.trailwarden.snapshot.Snapshot emptySnapshot() {
    return new io.trailwarden.snapshot.Snapshot(io.trailwarden.snapshot.Snapshot.SCHEMA_VERSION, Instant.now().truncatedTo(
        java.time.temporal.ChronoUnit.SECONDS), io.trailwarden.snapshot.Scope.of(Seeder.MANAGEMENT_ACCOUNT, List.of("us-east-1")),
        Optional.empty(), List.of(), List.of(), new java.util.TreeMap<>(), new java.util.TreeMap<>(), new java.util.TreeMap<>(),
        new java.util.TreeMap<>(), new java.util.TreeMap<>(), new java.util.TreeMap<>(), io.trailwarden.snapshot.GuardDuty.none(),
        List.of(), List.of(), Optional.empty(), Optional.empty());
  }
}
