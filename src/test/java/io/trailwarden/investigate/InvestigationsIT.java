package io.trailwarden.investigate;

import static io.trailwarden.demo.TrailEvent.call;
import static io.trailwarden.demo.TrailEvent.role;
import static io.trailwarden.demo.TrailEvent.root;
import static io.trailwarden.demo.TrailEvent.service;
import static io.trailwarden.demo.TrailEvent.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trailwarden.InvalidInputException;
import io.trailwarden.demo.LogDelivery;
import io.trailwarden.demo.Seeder;
import io.trailwarden.emulator.LogFixture;
import io.trailwarden.emulator.Moto;
import io.trailwarden.logs.LogVerifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every saved investigation on DuckDB over log files in the emulator's S3: three accounts, two regions,
 * three days of everyday events, the events each investigation looks for and the near-misses it must
 * leave out; each returns exactly its rows. Also the cache (a second query downloads nothing), the
 * locker layout, and damaged input refused by name with nothing left in the cache.
 */
class InvestigationsIT {
  @RegisterExtension static final Moto MOTO = new Moto();
  static final String ORG = "o-fixture0001";
  static final String MGMT = Seeder.MANAGEMENT_ACCOUNT;
  static final String A = "210987654321";
  static final String B = "333333333333";
  static final String US = "us-east-1";
  static final String EU = "eu-west-1";
  static final String BUCKET = "fixture-org-trail-logs";
  static final String TRAIL_ARN = "arn:aws:cloudtrail:us-east-1:" + MGMT + ":trail/" + LogFixture.TRAIL;
  static final String PATIENTS = "arn:aws:dynamodb:us-east-1:" + B + ":table/patients";

  @TempDir Path cache;
  Seeder seeder;
  LogFixture fixture;
  Instant end;
  final Map<String, LogDelivery.Delivered> chains = new java.util.HashMap<>();

  @BeforeEach
  void deliver() {
    seeder = new Seeder(MOTO.endpoint());
    fixture = LogFixture.withNewBucket(seeder.s3(MGMT), BUCKET, ORG);
    end = fixture.end;
    for (String account : List.of(MGMT, A, B)) {
      for (String region : List.of(US, EU)) {
        // everyday events, none of which an investigation returns
        chains.put(account + " " + region, fixture.chain(account, region, 3, 1));
      }
    }
  }

  @AfterEach
  void close() {
    seeder.close();
  }

  Instant ago(int hours) {
    return end.minus(Duration.ofHours(hours));
  }

  /** The scenario: each event an investigation must return, and the near-misses it must not. */
  void scenario() {
    fixture.events(
        // cross_account_assume_role
        call(role(A, "Deploy", "ci"), B, US, ago(2), "sts.amazonaws.com", "AssumeRole")
            .param("roleArn", "arn:aws:iam::" + B + ":role/Admin").param("roleSessionName", "ci"),
        call(user(B, "mallory"), MGMT, EU, ago(5), "sts.amazonaws.com", "AssumeRole")
            .param("roleArn", "arn:aws:iam::" + MGMT + ":role/OrganizationAccountAccessRole")
            .error("AccessDenied", "User is not authorized to perform: sts:AssumeRole").from("198.51.100.66"),
        call(role(A, "Deploy", "ci"), A, US, ago(1), "sts.amazonaws.com", "AssumeRole") // same account
            .param("roleArn", "arn:aws:iam::" + A + ":role/ReadOnly"),
        call(service("ec2.amazonaws.com"), A, US, ago(3), "sts.amazonaws.com", "AssumeRole") // a service
            .param("roleArn", "arn:aws:iam::" + A + ":role/InstanceRole"),
        call(role(A, "Deploy", "ci"), B, US, ago(30), "sts.amazonaws.com", "AssumeRole") // before the 24 hours
            .param("roleArn", "arn:aws:iam::" + B + ":role/Admin"),
        // failed_access
        call(user(B, "mallory"), B, US, ago(4), "signin.amazonaws.com", "ConsoleLogin")
            .response("ConsoleLogin", "Failure").additional("MFAUsed", "No").set("errorMessage", "Failed authentication")
            .from("198.51.100.66"),
        call(role(A, "Deploy", "ci"), A, EU, ago(6), "iam.amazonaws.com", "GetRole") // not about access
            .param("roleName", "gone").error("NoSuchEntity", "The role cannot be found."),
        // audit_log_tampering
        call(role(A, "Intruder", "x"), A, US, ago(26), "cloudtrail.amazonaws.com", "StopLogging")
            .param("name", TRAIL_ARN).error("AccessDenied", "denied by a service control policy").from("198.51.100.66"),
        call(user(MGMT, "admin"), MGMT, US, ago(50), "cloudtrail.amazonaws.com", "PutEventSelectors")
            .param("trailName", LogFixture.TRAIL),
        call(role(B, "App", "batch"), MGMT, US, ago(3), "s3.amazonaws.com", "PutBucketLifecycle")
            .param("bucketName", BUCKET).error("AccessDenied", "Access Denied"),
        call(role(A, "Deploy", "ci"), A, US, ago(2), "cloudtrail.amazonaws.com", "StopLogging") // its own trail
            .param("name", "member-audit"),
        call(role(B, "App", "batch"), B, EU, ago(7), "s3.amazonaws.com", "PutBucketPolicy") // another bucket
            .param("bucketName", "app-assets"),
        call(user(MGMT, "admin"), MGMT, US, ago(8), "cloudtrail.amazonaws.com", "GetTrailStatus") // reads only
            .param("name", LogFixture.TRAIL).readOnly(true),
        // root_activity and console_login_without_mfa
        call(root(B), B, US, ago(10), "signin.amazonaws.com", "ConsoleLogin")
            .response("ConsoleLogin", "Success").additional("MFAUsed", "No"),
        call(root(B), B, US, ago(9), "iam.amazonaws.com", "CreateAccessKey"),
        call(root(A), A, US, ago(9), "iam.amazonaws.com", "GetAccountSummary") // root itself, whatever its user agent
            .set("userAgent", "support.amazonaws.com"),
        call(user(A, "bob"), A, US, ago(20), "signin.amazonaws.com", "ConsoleLogin")
            .response("ConsoleLogin", "Success").additional("MFAUsed", "No"),
        call(user(A, "alice"), A, US, ago(21), "signin.amazonaws.com", "ConsoleLogin") // with MFA
            .response("ConsoleLogin", "Success").additional("MFAUsed", "Yes"),
        call(role(A, "AWSReservedSSO_Admin", "carol"), A, US, ago(22), "signin.amazonaws.com", "ConsoleLogin") // SSO
            .response("ConsoleLogin", "Success").additional("MFAUsed", "No"),
        // sensitive_resource_access
        call(role(A, "Analytics", "etl"), B, US, ago(12), "s3.amazonaws.com", "GetObject")
            .param("bucketName", "phi-records").param("key", "2026/visit.json").readOnly(true).data(),
        call(role(B, "App", "api"), B, US, ago(11), "dynamodb.amazonaws.com", "PutItem")
            .param("tableName", "patients").data(),
        call(role(A, "Analytics", "etl"), B, US, ago(8), "dynamodb.amazonaws.com", "GetItem")
            .param("tableName", PATIENTS).readOnly(true).data()
            .error("AccessDeniedException", "not authorized to perform: dynamodb:GetItem"),
        call(role(A, "Analytics", "etl"), B, EU, ago(12), "s3.amazonaws.com", "GetObject") // not sensitive
            .param("bucketName", "app-assets").readOnly(true).data(),
        call(role(B, "App", "api"), B, US, ago(11), "dynamodb.amazonaws.com", "Query") // not sensitive
            .param("tableName", "sessions").readOnly(true).data());
    // Root acting through a service: CloudTrail names the service in invokedBy.
    fixture.events(withInvokedBy(call(root(A), A, US, ago(9), "iam.amazonaws.com", "ListRoles"), "support.amazonaws.com"));
    // Nine days ago: outside every window, in a day folder no window lists.
    fixture.events(call(user(B, "mallory"), B, US, ago(9 * 24), "s3.amazonaws.com", "GetObject")
        .param("bucketName", "phi-records").error("AccessDenied", "Access Denied").data());
  }

  static io.trailwarden.demo.TrailEvent withInvokedBy(io.trailwarden.demo.TrailEvent event, String service) {
    ((com.fasterxml.jackson.databind.node.ObjectNode) event.node().get("userIdentity")).put("invokedBy", service);
    return event;
  }

  LogVerifier.Target target() {
    return new LogVerifier.Target(BUCKET, Optional.empty(), Optional.of(ORG), MGMT, LogFixture.TRAIL, LogFixture.HOME_REGION,
        List.of(MGMT, A, B), List.of(US, EU));
  }

  static final Map<String, List<String>> CONTEXT = Map.of("trail", List.of(LogFixture.TRAIL), "log_bucket", List.of(BUCKET),
      "sensitive_buckets", List.of("phi-records"), "sensitive_tables", List.of(PATIENTS));

  LogSource s3() {
    return LogSource.s3(seeder.s3(MGMT), MGMT, BUCKET, cache, 4);
  }

  List<String> rows(LogSource source, String id) {
    return rows(source, id, Map.of());
  }

  List<String> rows(LogSource source, String id, Map<String, String> params) {
    Investigation investigation = Investigations.get(id);
    Instant now = Instant.now();
    try (LogQuery query = LogQuery.load(source, target(), CONTEXT, now.minus(investigation.window()), now)) {
      return query.run(investigation, params).rows().stream()
          .map(row -> row.stream().map(String::valueOf).collect(Collectors.joining(" | "))).toList();
    }
  }

  String t(int hours) {
    return ago(hours).toString();
  }

  @Test
  void crossAccountRoleAssumptionsOfTheLastDayOnly() {
    scenario();
    assertThat(rows(s3(), "cross_account_assume_role")).containsExactly(
        t(5) + " | " + B + " | arn:aws:iam::" + B + ":user/mallory | " + MGMT + " | arn:aws:iam::" + MGMT
            + ":role/OrganizationAccountAccessRole | 198.51.100.66 | eu-west-1 | AccessDenied",
        t(2) + " | " + A + " | arn:aws:sts::" + A + ":assumed-role/Deploy/ci | " + B + " | arn:aws:iam::" + B
            + ":role/Admin | 203.0.113.10 | us-east-1 | null");
    assertThat(rows(s3(), "cross_account_assume_role", Map.of("role", "%OrganizationAccountAccessRole"))).hasSize(1);
  }

  @Test
  void failedAuthenticationAndAuthorization() {
    scenario();
    assertThat(rows(s3(), "failed_access")).containsExactly(
        t(26) + " | " + A + " | us-east-1 | arn:aws:sts::" + A + ":assumed-role/Intruder/x | cloudtrail.amazonaws.com | StopLogging"
            + " | AccessDenied | 198.51.100.66",
        t(8) + " | " + B + " | us-east-1 | arn:aws:sts::" + A + ":assumed-role/Analytics/etl | dynamodb.amazonaws.com | GetItem"
            + " | AccessDeniedException | 203.0.113.10",
        t(5) + " | " + MGMT + " | eu-west-1 | arn:aws:iam::" + B + ":user/mallory | sts.amazonaws.com | AssumeRole"
            + " | AccessDenied | 198.51.100.66",
        t(4) + " | " + B + " | us-east-1 | arn:aws:iam::" + B + ":user/mallory | signin.amazonaws.com | ConsoleLogin"
            + " | Failed authentication | 198.51.100.66",
        t(3) + " | " + MGMT + " | us-east-1 | arn:aws:sts::" + B + ":assumed-role/App/batch | s3.amazonaws.com | PutBucketLifecycle"
            + " | AccessDenied | 203.0.113.10");
  }

  @Test
  void attemptsToBlindTheAuditLogButNotAMembersOwnTrail() {
    scenario();
    assertThat(rows(s3(), "audit_log_tampering")).containsExactly(
        t(50) + " | " + MGMT + " | us-east-1 | arn:aws:iam::" + MGMT + ":user/admin | PutEventSelectors | " + LogFixture.TRAIL
            + " | null | 203.0.113.10",
        t(26) + " | " + A + " | us-east-1 | arn:aws:sts::" + A + ":assumed-role/Intruder/x | StopLogging | " + TRAIL_ARN
            + " | AccessDenied | 198.51.100.66",
        t(3) + " | " + MGMT + " | us-east-1 | arn:aws:sts::" + B + ":assumed-role/App/batch | PutBucketLifecycle | " + BUCKET
            + " | AccessDenied | 203.0.113.10");
    // The parameter names another trail: the member's own one is then what is found.
    assertThat(rows(s3(), "audit_log_tampering", Map.of("trail", "member-audit")))
        .anyMatch(row -> row.contains("StopLogging | member-audit")).noneMatch(row -> row.contains(TRAIL_ARN));
  }

  @Test
  void rootActivityAndConsoleSignInWithoutMfa() {
    scenario();
    assertThat(rows(s3(), "root_activity")).containsExactly(
        t(10) + " | " + B + " | us-east-1 | signin.amazonaws.com | ConsoleLogin | null | 203.0.113.10 | aws-cli/2.15.0 Python/3.11.6 Linux/6.1 exe/x86_64",
        t(9) + " | " + A + " | us-east-1 | iam.amazonaws.com | GetAccountSummary | null | 203.0.113.10 | support.amazonaws.com",
        t(9) + " | " + B + " | us-east-1 | iam.amazonaws.com | CreateAccessKey | null | 203.0.113.10 | aws-cli/2.15.0 Python/3.11.6 Linux/6.1 exe/x86_64");
    assertThat(rows(s3(), "console_login_without_mfa")).containsExactly(
        t(20) + " | " + A + " | IAMUser | arn:aws:iam::" + A + ":user/bob | 203.0.113.10 | aws-cli/2.15.0 Python/3.11.6 Linux/6.1 exe/x86_64",
        t(10) + " | " + B + " | Root | arn:aws:iam::" + B + ":root | 203.0.113.10 | aws-cli/2.15.0 Python/3.11.6 Linux/6.1 exe/x86_64");
  }

  @Test
  void whoReadOrWroteEachSensitiveBucketAndTable() {
    scenario();
    assertThat(rows(s3(), "sensitive_resource_access")).containsExactly(
        t(12) + " | s3://phi-records | " + A + " | arn:aws:sts::" + A + ":assumed-role/Analytics/etl | " + B
            + " | us-east-1 | GetObject | read | null",
        t(11) + " | dynamodb:patients | " + B + " | arn:aws:sts::" + B + ":assumed-role/App/api | " + B
            + " | us-east-1 | PutItem | write | null",
        t(8) + " | dynamodb:patients | " + A + " | arn:aws:sts::" + A + ":assumed-role/Analytics/etl | " + B
            + " | us-east-1 | GetItem | read | AccessDeniedException");
  }

  @Test
  void aSecondQueryOverTheSameWindowDownloadsNothingAndTheCacheIsALocker() {
    scenario();
    Instant now = Instant.now();
    Instant from = now.minus(Duration.ofDays(7));
    LogSource.Fetched first;
    try (LogQuery query = LogQuery.load(s3(), target(), CONTEXT, from, now)) {
      first = query.fetched();
    }
    // 6 chains x 3 hours, the scenario's 25 files; not the one of nine days ago.
    assertThat(first.files()).hasSize(18 + 25);
    assertThat(first.downloaded()).isEqualTo(first.files().size());
    try (LogQuery query = LogQuery.load(s3(), target(), CONTEXT, from, now)) {
      assertThat(query.fetched().downloaded()).isZero();
      assertThat(query.fetched().cached()).isEqualTo(first.files().size());
    }
    // Only the window's days are listed: 3 accounts x 2 regions x 8 or 9 days, the management account's twice.
    assertThat(first.folders()).isBetween(4 * 2 * 8, 4 * 2 * 9);
    assertThat(rows(LogSource.locker(cache.resolve(BUCKET), 2), "audit_log_tampering"))
        .isEqualTo(rows(s3(), "audit_log_tampering"));
  }

  /** What scan --with-logs records: both investigations counted per account, with who, when and from where. */
  @Test
  void theLogActivityOfTheSnapshotCountsTamperAttemptsAndRootCallsPerAccount() {
    scenario();
    Instant now = Instant.now();
    Instant from = now.minus(Duration.ofDays(7));
    io.trailwarden.snapshot.LogActivity activity;
    try (LogQuery query = LogQuery.load(s3(), target(), CONTEXT, from, now)) {
      activity = LogActivityCheck.of(query, target(), "s3://" + BUCKET, false, from, now, now);
    }
    assertThat(activity.error()).isEmpty();
    assertThat(activity.files()).isEqualTo(18 + 25);
    assertThat(activity.excludedFiles()).isZero();
    assertThat(activity.accounts()).extracting(a -> a.accountId() + " " + a.tamperAttempts() + " " + a.rootCalls())
        .containsExactly(MGMT + " 2 0", A + " 1 1", B + " 0 2");
    assertThat(activity.tamperAttempts()).extracting(e -> e.eventName() + " " + e.accountId() + " " + e.principal().orElse("")
        + " " + e.sourceIp().orElse("") + " " + e.errorCode().orElse("-")).containsExactly(
        "PutEventSelectors " + MGMT + " arn:aws:iam::" + MGMT + ":user/admin 203.0.113.10 -",
        "StopLogging " + A + " arn:aws:sts::" + A + ":assumed-role/Intruder/x 198.51.100.66 AccessDenied",
        "PutBucketLifecycle " + MGMT + " arn:aws:sts::" + B + ":assumed-role/App/batch 203.0.113.10 AccessDenied");
    assertThat(activity.tamperAttempts().get(1).eventTime()).isEqualTo(ago(26));
    assertThat(activity.rootActivity()).extracting(e -> e.eventName() + " " + e.principal().orElse("")).containsExactly(
        "ConsoleLogin arn:aws:iam::" + B + ":root", "GetAccountSummary arn:aws:iam::" + A + ":root",
        "CreateAccessKey arn:aws:iam::" + B + ":root");
  }

  /**
   * --verified-only: the files the digest chains prove are read; an edited file and the files no digest
   * lists (the scenario's, written without one) are left out and counted, and their events are not found.
   */
  @Test
  void verifiedOnlyReadsTheProvenFilesAndCountsTheOthers() {
    scenario();
    String edited = chains.get(A + " " + EU).logKeys().get(0);
    fixture.edit(edited, text -> text.replace("\"Records\" : [", "\"Records\" : [" + call(role(A, "Intruder", "y"), A, EU, ago(1),
        "cloudtrail.amazonaws.com", "StopLogging").param("name", LogFixture.TRAIL).node() + ","));
    Instant now = Instant.now();
    Instant from = now.minus(Duration.ofDays(7));
    LogVerifier verifier = new LogVerifier(new io.trailwarden.logs.store.S3LogStore(seeder.s3(MGMT), MGMT), fixture.publicKeys(), 4);
    verifier.verify(target(), from, now, now);
    java.util.Set<String> proven = verifier.provenLogFiles();
    assertThat(proven).hasSize(18 - 1).doesNotContain(edited);
    try (LogQuery query = LogQuery.load(s3(), target(), CONTEXT, from, now, Optional.of(proven))) {
      assertThat(query.files()).hasSize(18 - 1);
      assertThat(query.excluded()).hasSize(25 + 1).anyMatch(f -> f.key().equals(edited));
      // The tamper attempts are all in files no digest proves: none is read.
      assertThat(query.run(Investigations.get("audit_log_tampering"), Map.of()).rows()).isEmpty();
      var activity = LogActivityCheck.of(query, target(), "s3://" + BUCKET, true, from, now, now);
      assertThat(activity.excludedFiles()).isEqualTo(26);
      assertThat(activity.accounts()).allSatisfy(a -> assertThat(a.excludedFiles()).isPositive());
    }
  }

  @Test
  void aTruncatedLogFileIsRefusedByNameAndNotCached() throws IOException {
    List<String> keys = fixture.events(call(root(A), A, US, ago(2), "iam.amazonaws.com", "CreateUser"));
    byte[] whole = LogDelivery.gzip("{\"Records\":[]}".getBytes(StandardCharsets.UTF_8));
    fixture.putRaw(keys.get(0), Arrays.copyOf(whole, whole.length - 6));

    assertThatThrownBy(() -> rows(s3(), "root_activity")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("s3://" + BUCKET + "/" + keys.get(0)).hasMessageContaining("gzip");
    assertThat(leftInCache()).noneMatch(p -> p.endsWith(".part") || p.endsWith(keys.get(0)));
  }

  @Test
  void aCorruptJsonLogFileIsRefusedByName() {
    List<String> keys = fixture.events(call(root(A), A, US, ago(2), "iam.amazonaws.com", "CreateUser"));
    fixture.putRaw(keys.get(0), LogDelivery.gzip("{\"Records\":[{\"eventName\":".getBytes(StandardCharsets.UTF_8)));

    assertThatThrownBy(() -> rows(s3(), "root_activity")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("s3://" + BUCKET + "/" + keys.get(0)).hasMessageContaining("malformed JSON");
    assertThat(leftInCache()).noneMatch(p -> p.endsWith(".part") || p.endsWith(keys.get(0)));
  }

  @Test
  void aKeyOutsideTheLayoutIsRefusedByName() {
    String stray = fixture.keys(A, US).logFolder() + io.trailwarden.logs.digest.DigestKeys.day(ago(1)) + "/notes.txt";
    fixture.putRaw(stray, "hello".getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> rows(s3(), "root_activity")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("s3://" + BUCKET + "/" + stray).hasMessageContaining("not a CloudTrail log file");
  }

  List<String> leftInCache() {
    try (Stream<Path> files = Files.walk(cache)) {
      return files.filter(Files::isRegularFile).map(p -> cache.relativize(p).toString().replace('\\', '/')).toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
