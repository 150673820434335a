package io.trailwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwarden.Json;
import io.trailwarden.TestFiles;
import io.trailwarden.demo.LogDelivery;
import io.trailwarden.demo.Seeder;
import io.trailwarden.emulator.ArticleOrganization;
import io.trailwarden.emulator.FaultRuns;
import io.trailwarden.emulator.InjectedFailures;
import io.trailwarden.emulator.LogFixture;
import io.trailwarden.emulator.Moto;
import io.trailwarden.logs.store.Locker;
import io.trailwarden.report.JunitSchemas;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code logs verify}, {@code logs fetch} and {@code scan --verify-logs} end to end: the article
 * organization on the emulator, with signed chains for every account and region in its log bucket.
 */
class LogsIT {
  @RegisterExtension static final Moto MOTO = new Moto();
  static final List<String> REGIONS = List.of("eu-west-1", "us-east-1");
  static final int HOURS = 3;
  @TempDir Path temp;
  ArticleOrganization.Seeded seeded;
  LogFixture fixture;
  Map<String, LogDelivery.Delivered> chains = new TreeMap<>();
  Path config;
  Path keys;
  Seeder seeder;

  @BeforeEach
  void seed() throws Exception {
    seeder = new Seeder(MOTO.endpoint());
    {
      seeded = ArticleOrganization.seed(seeder, EnumSet.noneOf(ArticleOrganization.Fault.class));
      // moto 5.2.5 evaluates a bucket policy statement with a Condition as a Deny of every object call (it has no
      // request context to test aws:SecureTransport against), so CloudTrail's writes and the verifier's reads would all
      // be refused; on AWS they pass. These tests are about the logs, not the policy: the policy is set aside.
      seeder.s3(seeded.loggingAccount()).deleteBucketPolicy(r -> r.bucket(ArticleOrganization.BUCKET));
      fixture = new LogFixture(seeder.s3(seeded.loggingAccount()), ArticleOrganization.BUCKET, Optional.of(seeded.organizationId()),
          Optional.empty(), ArticleOrganization.TRAIL);
      for (String account : List.of(Seeder.MANAGEMENT_ACCOUNT, seeded.loggingAccount(), seeded.productionAccount(),
          seeded.developmentAccount())) {
        for (String region : REGIONS) {
          chains.put(account + "/" + region, fixture.chain(account, region, HOURS, 2));
        }
      }
    }
    config = temp.resolve("config.yaml");
    Files.writeString(config, FaultRuns.configFile(FaultRuns.articleConfig(seeded), MOTO.endpoint().toString()));
    keys = fixture.savePublicKeys(temp.resolve("public-keys.json"));
  }

  @AfterEach
  void clear() {
    System.clearProperty(InjectedFailures.DENY);
    seeder.close();
  }

  MainTest.Run logs(String... more) {
    List<String> args = new ArrayList<>(List.of("logs"));
    args.addAll(List.of(more));
    if (more[0].equals("verify")) {
      args.addAll(List.of("--rules", TestFiles.rulesDir().toString()));
    }
    return MainTest.run(args.toArray(String[]::new));
  }

  String window() {
    return fixture.start(HOURS).toString();
  }

  static Map<String, String> statuses(Path reports) throws Exception {
    JsonNode report = Json.mapper().readTree(reports.resolve("trailwarden.json").toFile());
    Map<String, String> statuses = new TreeMap<>();
    report.path("findings").forEach(f -> statuses.put(f.path("accountId").asText() + "/" + f.path("region").asText(),
        f.path("status").asText()));
    return statuses;
  }

  @Test
  void verifyPassesEveryAccountAndRegionOfAnUntouchedOrganization() throws Exception {
    Path reports = temp.resolve("reports");
    MainTest.Run run = logs("verify", "--config", config.toString(), "--output-dir", reports.toString(), "--from", window(),
        "--to", fixture.end.toString(), "--public-keys", keys.toString());

    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.OK.code());
    assertThat(statuses(reports)).hasSize(8).containsOnlyKeys(chains.keySet()).allSatisfy((chain, status) ->
        assertThat(status).isEqualTo("PASS"));
    assertThat(run.err()).contains("8 chains (account x region), 24 digests, 48 log files, 24 hours covered; 0 chains with problems");
    JsonNode snapshot = Json.mapper().readTree(reports.resolve("snapshot.json").toFile());
    assertThat(snapshot.path("logIntegrity").path("chains")).hasSize(8);
    JunitSchemas.validateBoth(reports.resolve("trailwarden-junit.xml"));
  }

  @Test
  void aTamperedLogFileFailsItsChainWithTheKeyAndExitsOne() throws Exception {
    String log = chains.get(seeded.productionAccount() + "/eu-west-1").logKeys().get(3);
    fixture.edit(log, text -> text.replace("DescribeInstances", "RunInstances"));
    Path reports = temp.resolve("reports");

    MainTest.Run run = logs("verify", "--config", config.toString(), "--output-dir", reports.toString(), "--from", window(),
        "--to", fixture.end.toString(), "--public-keys", keys.toString(), "--accounts", seeded.productionAccount());

    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.FAILURES.code());
    assertThat(statuses(reports)).containsExactlyInAnyOrderEntriesOf(Map.of(seeded.productionAccount() + "/eu-west-1", "FAIL",
        seeded.productionAccount() + "/us-east-1", "PASS"));
    String sarif = Files.readString(reports.resolve("trailwarden.sarif"));
    assertThat(sarif).contains(LogsVerifyCommand.RULE).contains(log);
  }

  @Test
  void accessDeniedOnTheBucketIsUnknownAndExitsThree() throws Exception {
    System.setProperty(InjectedFailures.DENY, "ListObjectsV2");
    Path reports = temp.resolve("reports");

    MainTest.Run run = logs("verify", "--config", config.toString(), "--output-dir", reports.toString(), "--from", window(),
        "--to", fixture.end.toString(), "--public-keys", keys.toString(), "--regions", "eu-west-1");

    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.INCOMPLETE.code());
    assertThat(statuses(reports)).hasSize(4).allSatisfy((chain, status) -> assertThat(status).isEqualTo("UNKNOWN"));
  }

  @Test
  void aFetchedLockerVerifiesOfflineAndASecondFetchResumes() throws Exception {
    Path locker = temp.resolve("locker");
    MainTest.Run fetch = logs("fetch", locker.toString(), "--config", config.toString(), "--from", window(), "--to",
        fixture.end.toString(), "--public-keys", keys.toString());
    assertThat(fetch.exitCode()).as(fetch.out() + fetch.err()).isZero();
    assertThat(fetch.out()).contains("Fetched 24 digests and 48 log files of 4 accounts x 2 regions").contains("(72 copied, 0 already there)");
    String digest = chains.get(seeded.loggingAccount() + "/us-east-1").digestKeys().get(0);
    assertThat(Locker.file(locker, digest)).exists();
    assertThat(Files.readString(Locker.metadataFile(locker, digest))).contains("\"signature\"").contains("SHA256withRSA");
    try (var files = Files.walk(locker)) {
      assertThat(files.filter(p -> p.toString().endsWith(".part"))).isEmpty();
    }

    MainTest.Run again = logs("fetch", locker.toString(), "--config", config.toString(), "--from", window(), "--to",
        fixture.end.toString(), "--public-keys", keys.toString());
    assertThat(again.out()).contains("(0 copied, 72 already there)");

    // Offline: an endpoint nothing listens on, so any AWS call would fail.
    Path offline = temp.resolve("offline.yaml");
    Files.writeString(offline, "version: 1\norganization:\n  endpoint: http://127.0.0.1:9\n");
    Path reports = temp.resolve("reports");
    MainTest.Run verify = logs("verify", "--source", locker.toString(), "--config", offline.toString(), "--output-dir",
        reports.toString());
    assertThat(verify.exitCode()).as(verify.out() + verify.err()).isEqualTo(ExitCode.OK.code());
    assertThat(statuses(reports)).hasSize(8).allSatisfy((chain, status) -> assertThat(status).isEqualTo("PASS"));

    // The copy proves tampering after the fact too: a log file changed in the locker fails.
    String log = chains.get(seeded.developmentAccount() + "/eu-west-1").logKeys().get(0);
    Files.write(Locker.file(locker, log), LogDelivery.gzip("{\"Records\":[]}".getBytes()));
    MainTest.Run tampered = logs("verify", "--source", locker.toString(), "--config", offline.toString(), "--output-dir",
        reports.toString());
    assertThat(tampered.exitCode()).as(tampered.out() + tampered.err()).isEqualTo(ExitCode.FAILURES.code());
    assertThat(statuses(reports)).containsEntry(seeded.developmentAccount() + "/eu-west-1", "FAIL");
  }

  @Test
  void scanWithVerifyLogsAddsTheIntegrityFindingsToTheScan() throws Exception {
    Path reports = temp.resolve("reports");
    // moto has no ListPublicKeys: the scan asks it, and every chain is UNKNOWN with the error.
    MainTest.Run run = MainTest.run("scan", "--config", config.toString(), "--output-dir", reports.toString(), "--rules",
        TestFiles.rulesDir().toString(), "--verify-logs", "--since", "6h");

    JsonNode report = Json.mapper().readTree(reports.resolve("trailwarden.json").toFile());
    List<String> integrity = new ArrayList<>();
    List<String> rules = new ArrayList<>();
    report.path("findings").forEach(f -> {
      rules.add(f.path("ruleId").asText());
      if (f.path("ruleId").asText().equals(LogsVerifyCommand.RULE)) {
        integrity.add(f.path("status").asText() + " " + f.path("message").asText());
      }
    });
    assertThat(rules).contains("cloudtrail_org_trail_exists", LogsVerifyCommand.RULE);
    assertThat(integrity).hasSize(8).allSatisfy(f -> assertThat(f).startsWith("UNKNOWN").contains("ListPublicKeys"));
    // The set-aside bucket policy fails its rules, and failures take precedence over missing evidence.
    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.FAILURES.code());
  }

  /** scan --with-logs: the refused StopLogging and root's call are findings naming who, when and from where. */
  @Test
  void scanWithLogsJudgesTamperAttemptsAndRootCallsPerAccount() throws Exception {
    String member = seeded.productionAccount();
    Instant at = fixture.end.minusSeconds(1800);
    fixture.events(io.trailwarden.demo.TrailEvent.call(io.trailwarden.demo.TrailEvent.role(member, "Intruder", "x"), member,
        "us-east-1", at, "cloudtrail.amazonaws.com", "StopLogging").param("name", ArticleOrganization.TRAIL)
        .error("AccessDenied", "denied by a service control policy").from("198.51.100.66"),
        io.trailwarden.demo.TrailEvent.call(io.trailwarden.demo.TrailEvent.root(seeded.developmentAccount()),
            seeded.developmentAccount(), "eu-west-1", at, "iam.amazonaws.com", "CreateAccessKey"));
    Path reports = temp.resolve("reports");
    MainTest.Run run = MainTest.run("scan", "--config", config.toString(), "--output-dir", reports.toString(), "--rules",
        TestFiles.rulesDir().toString(), "--with-logs", "--since", "6h", "--cache", temp.resolve("cache").toString());

    assertThat(run.err()).contains("Queried the logs of s3://" + ArticleOrganization.BUCKET)
        .contains("1 attempt to blind the audit log, 1 call by a root user");
    JsonNode snapshot = Json.mapper().readTree(reports.resolve("snapshot.json").toFile());
    assertThat(snapshot.path("logActivity").path("accounts")).hasSize(4);
    Map<String, String> found = new TreeMap<>();
    Json.mapper().readTree(reports.resolve("trailwarden.json").toFile()).path("findings").forEach(f -> {
      if (f.path("ruleId").asText().equals("cloudtrail_org_trail_no_tampering_attempts")
          || f.path("ruleId").asText().equals("iam_root_user_not_used")) {
        found.put(f.path("ruleId").asText() + " " + f.path("accountId").asText(), f.path("status").asText() + " "
            + f.path("message").asText());
      }
    });
    assertThat(found).hasSize(8);
    assertThat(found.get("cloudtrail_org_trail_no_tampering_attempts " + member)).startsWith("FAIL")
        .contains("StopLogging of " + ArticleOrganization.TRAIL + " by arn:aws:sts::" + member + ":assumed-role/Intruder/x from "
            + "198.51.100.66 at " + at, "refused (AccessDenied)");
    assertThat(found.get("iam_root_user_not_used " + seeded.developmentAccount())).startsWith("FAIL").contains("CreateAccessKey");
    assertThat(found.values()).filteredOn(v -> v.startsWith("PASS")).hasSize(6);

    // Without --with-logs the section is null and neither rule judges anything.
    Path plain = temp.resolve("plain");
    MainTest.run("scan", "--config", config.toString(), "--output-dir", plain.toString(), "--rules", TestFiles.rulesDir().toString());
    assertThat(Json.mapper().readTree(plain.resolve("snapshot.json").toFile()).path("logActivity").isNull()).isTrue();
    MainTest.Run alone = MainTest.run("scan", "--config", config.toString(), "--verified-only");
    assertThat(alone.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(alone.err()).contains("give --with-logs too");
  }

  /** --verified-only on a locker: the edited file is left out, counted and named; the others are read. */
  @Test
  void verifiedOnlyLeavesOutAnEditedFileAndSaysSo() throws Exception {
    Path locker = temp.resolve("locker");
    assertThat(logs("fetch", locker.toString(), "--config", config.toString(), "--from", window(), "--to", fixture.end.toString(),
        "--public-keys", keys.toString()).exitCode()).isZero();
    String edited = chains.get(seeded.productionAccount() + "/us-east-1").logKeys().get(0);
    Path file = io.trailwarden.logs.store.Locker.file(locker, edited);
    Files.write(file, io.trailwarden.demo.LogDelivery.gzip("{\"Records\":[]}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    Path count = temp.resolve("files.sql");
    Files.writeString(count, """
        -- id: count_files
        -- title: Events
        -- description: How many events were read.
        -- window: 24h
        -- columns: events
        SELECT count(*) AS events FROM events
        """);
    MainTest.Run all = logs("query", "--sql", count.toString(), "--source", locker.toString(), "--from", window(), "--to",
        fixture.end.toString(), "--format", "csv");
    MainTest.Run verified = logs("query", "--sql", count.toString(), "--source", locker.toString(), "--from", window(), "--to",
        fixture.end.toString(), "--format", "csv", "--verified-only");
    assertThat(verified.exitCode()).as(verified.err()).isZero();
    assertThat(verified.err()).contains("--verified-only: read " + (chains.size() * HOURS * 2 - 1) + " log files whose digest chain "
        + "verifies; 1 unverified excluded: " + file);
    // The emptied file holds no events either way: the same count, but one file fewer was read.
    assertThat(all.exitCode()).isZero();
    assertThat(all.err()).doesNotContain("--verified-only");
  }

  @Test
  void queryCountsTheSameEventsFromS3AndALockerThenFindsATamperAttempt() throws Exception {
    Path cache = temp.resolve("cache");

    // A query of your own, over S3 and over a locker logs fetch made: the same events.
    Path count = temp.resolve("count.sql");
    Files.writeString(count, """
        -- id: count_events
        -- title: Events per account
        -- description: How many events each account logged.
        -- window: 24h
        -- columns: account, events
        SELECT account, count(*) AS events FROM events GROUP BY account ORDER BY account
        """);
    Path locker = temp.resolve("locker");
    assertThat(logs("fetch", locker.toString(), "--config", config.toString(), "--from", window(), "--to", fixture.end.toString(),
        "--public-keys", keys.toString()).exitCode()).isZero();
    MainTest.Run fromS3 = logs("query", "--sql", count.toString(), "--config", config.toString(), "--cache", cache.toString(),
        "--from", window(), "--to", fixture.end.toString(), "--format", "csv");
    MainTest.Run fromLocker = logs("query", "--sql", count.toString(), "--source", locker.toString(), "--from", window(), "--to",
        fixture.end.toString(), "--format", "csv");
    assertThat(fromS3.exitCode()).as(fromS3.err()).isZero();
    assertThat(fromLocker.exitCode()).as(fromLocker.err()).isZero();
    assertThat(fromS3.out()).startsWith("account,events\r\n").hasLineCount(5).isEqualTo(fromLocker.out());

    String member = seeded.productionAccount();
    fixture.events(io.trailwarden.demo.TrailEvent.call(io.trailwarden.demo.TrailEvent.role(member, "Intruder", "x"), member,
        "us-east-1", fixture.end.minusSeconds(1800), "cloudtrail.amazonaws.com", "StopLogging")
        .param("name", ArticleOrganization.TRAIL).error("AccessDenied", "denied by a service control policy"));
    MainTest.Run run = logs("query", "audit_log_tampering", "--config", config.toString(), "--cache", cache.toString(),
        "--format", "json");

    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.OK.code());
    JsonNode rows = Json.mapper().readTree(run.out());
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).path("account").asText()).isEqualTo(member);
    assertThat(rows.get(0).path("event_name").asText()).isEqualTo("StopLogging");
    assertThat(rows.get(0).path("error_code").asText()).isEqualTo("AccessDenied");

    MainTest.Run unknown = logs("query", "audit_log_tampering", "--param", "trial=x", "--config", config.toString());
    assertThat(unknown.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(unknown.err()).contains("--param trial: investigation audit_log_tampering has no such parameter (it has trail, bucket)");
  }
}
