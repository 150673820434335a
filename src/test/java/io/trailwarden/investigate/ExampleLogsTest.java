package io.trailwarden.investigate;

import static io.trailwarden.demo.TrailEvent.call;
import static io.trailwarden.demo.TrailEvent.role;
import static io.trailwarden.demo.TrailEvent.root;
import static io.trailwarden.demo.TrailEvent.user;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwarden.Json;
import io.trailwarden.TestFiles;
import io.trailwarden.demo.LogDelivery;
import io.trailwarden.demo.TrailEvent;
import io.trailwarden.logs.LogVerification;
import io.trailwarden.logs.LogVerifier;
import io.trailwarden.logs.digest.DigestKeys;
import io.trailwarden.logs.fetch.LockerManifest;
import io.trailwarden.logs.store.Locker;
import io.trailwarden.snapshot.Snapshot;
import io.trailwarden.snapshot.SnapshotIo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code examples/logs}: a small evidence locker (the layout logs fetch writes) of the misconfigured
 * example organization's last day, so {@code logs query --source examples/logs ...} runs offline. The
 * files are made here, byte for byte the same each time (gzip without a time stamp, event ids from
 * their contents): {@code ./mvnw test -Dtest=ExampleLogsTest -Dgolden.update=true} rewrites them, and
 * otherwise this test fails while they are stale, then runs investigations over them. There are no
 * digests: the set is for investigating, not for logs verify.
 */
class ExampleLogsTest {
  static final String ORG = "o-a1b2c3d4e5";
  static final String MGMT = "111111111111";
  static final String LOGGING = "222222222222";
  static final String PROD = "333333333333";
  static final String DEV = "444444444444";
  static final String REGION = "us-east-1";
  static final String TRAIL = "acme-org-trail";
  static final String TRAIL_ARN = "arn:aws:cloudtrail:us-east-1:" + MGMT + ":trail/" + TRAIL;
  static final Instant END = Instant.parse("2026-11-23T00:00:00Z");

  static Path dir() {
    return TestFiles.projectDir().resolve("examples/logs");
  }

  /** Every file of the locker, by its path under examples/logs. */
  static Map<String, byte[]> files() throws Exception {
    Map<String, byte[]> files = new TreeMap<>();
    Map<String, List<TrailEvent>> byFile = new TreeMap<>();
    for (TrailEvent event : events()) {
      ObjectNode node = event.node();
      String account = node.get("recipientAccountId").asText();
      Instant at = Instant.parse(node.get("eventTime").asText());
      // One file per account and six hours, delivered at the end of them, as CloudTrail batches.
      Instant delivered = at.truncatedTo(java.time.temporal.ChronoUnit.DAYS)
          .plus(Duration.ofHours(6 * (at.atZone(java.time.ZoneOffset.UTC).getHour() / 6) + 6)).minusSeconds(60 * 5);
      DigestKeys keys = new DigestKeys(Optional.empty(), Optional.of(ORG), account, REGION, TRAIL, REGION);
      byFile.computeIfAbsent(keys.logKey(delivered, "Ex" + account.substring(0, 4) + delivered.getEpochSecond() % 10000),
          k -> new ArrayList<>()).add(event);
    }
    for (var file : byFile.entrySet()) {
      ObjectNode body = Json.mapper().createObjectNode();
      var records = body.putArray("Records");
      file.getValue().forEach(e -> records.add(e.node()));
      files.put(file.getKey(), LogDelivery.gzip((Json.mapper().writeValueAsString(body) + "\n").getBytes(StandardCharsets.UTF_8)));
    }
    Snapshot snapshot = new SnapshotIo().read(TestFiles.example("misconfigured-org.json"));
    files.put(Locker.SNAPSHOT_FILE, Files.readAllBytes(TestFiles.example("misconfigured-org.json")));
    LockerManifest manifest = new LockerManifest(LockerManifest.FORMAT_VERSION, TRAIL_ARN, "acme-org-cloudtrail-logs",
        END.minus(Duration.ofDays(1)), END, END, List.of(MGMT, LOGGING, PROD, DEV), snapshot.scope().regions(), 0, byFile.size());
    files.put(Locker.MANIFEST_FILE, (Json.pretty(Json.mapper().valueToTree(manifest)) + "\n").getBytes(StandardCharsets.UTF_8));
    return files;
  }

  /** The last day of the misconfigured organization: everyday calls, and what its logActivity records. */
  static List<TrailEvent> events() {
    Instant day = END.minus(Duration.ofDays(1));
    List<TrailEvent> events = new ArrayList<>();
    String[] accounts = {MGMT, LOGGING, PROD, DEV};
    for (int hour = 1; hour < 24; hour += 4) {
      for (String account : accounts) {
        events.add(call(role(account, "App", "worker"), account, REGION, day.plus(Duration.ofHours(hour)).plusSeconds(17),
            "ec2.amazonaws.com", "DescribeInstances").readOnly(true));
      }
    }
    events.add(call(role(DEV, "Developer", "jdoe"), PROD, REGION, Instant.parse("2026-11-22T08:55:10Z"), "sts.amazonaws.com",
        "AssumeRole").param("roleArn", "arn:aws:iam::" + PROD + ":role/OrganizationAccountAccessRole")
        .param("roleSessionName", "jdoe").from("198.51.100.23"));
    events.add(call(root(PROD), PROD, REGION, Instant.parse("2026-11-22T09:12:04Z"), "iam.amazonaws.com", "CreateAccessKey")
        .from("203.0.113.7"));
    events.add(call(role(DEV, "Developer", "jdoe"), DEV, REGION, Instant.parse("2026-11-22T14:07:31Z"),
        "cloudtrail.amazonaws.com", "StopLogging").param("name", TRAIL_ARN).from("198.51.100.23")
        .error("AccessDenied", "User is not authorized to perform: cloudtrail:StopLogging on resource: " + TRAIL_ARN));
    // Near-misses: a role assumed within its account, a developer stopping a trail of its own.
    events.add(call(role(PROD, "Deploy", "pipeline"), PROD, REGION, Instant.parse("2026-11-22T10:30:00Z"), "sts.amazonaws.com",
        "AssumeRole").param("roleArn", "arn:aws:iam::" + PROD + ":role/ReadOnly"));
    events.add(call(user(DEV, "jdoe"), DEV, REGION, Instant.parse("2026-11-22T15:40:00Z"), "cloudtrail.amazonaws.com",
        "StopLogging").param("name", "dev-debug-trail"));
    return events;
  }

  @Test
  void theExampleLockerIsCurrent() throws Exception {
    Map<String, byte[]> expected = files();
    if (Boolean.getBoolean("golden.update")) {
      if (Files.isDirectory(dir())) {
        try (Stream<Path> walk = Files.walk(dir())) {
          walk.sorted(java.util.Comparator.reverseOrder()).filter(p -> !p.equals(dir())).forEach(p -> p.toFile().delete());
        }
      }
      for (var file : expected.entrySet()) {
        Path path = Locker.file(dir(), file.getKey());
        Files.createDirectories(path.getParent());
        Files.write(path, file.getValue());
      }
    }
    Map<String, byte[]> actual = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir())) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        actual.put(dir().relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
      }
    }
    assertThat(actual.keySet()).as("examples/logs is stale: ./mvnw test -Dtest=ExampleLogsTest -Dgolden.update=true")
        .isEqualTo(expected.keySet());
    for (String key : expected.keySet()) {
      assertThat(actual.get(key)).as(key + " is stale: ./mvnw test -Dtest=ExampleLogsTest -Dgolden.update=true")
          .isEqualTo(expected.get(key));
    }
    long bytes = actual.entrySet().stream().filter(e -> e.getKey().endsWith(".json.gz")).mapToLong(e -> e.getValue().length).sum();
    assertThat(bytes).as("the log files stay small").isLessThan(16_000);
  }

  @Test
  void theInvestigationsRunOfflineOnTheExampleLocker() {
    Snapshot snapshot = new SnapshotIo().read(Locker.file(dir(), Locker.SNAPSHOT_FILE));
    var request = new LogVerification.Request(END.minus(Duration.ofDays(7)), END, List.of(), List.of(), 2);
    LogVerifier.Target target = LogVerification.target(snapshot, request);
    try (LogQuery query = LogQuery.load(LogSource.locker(dir(), 2), target, snapshot, request.from(), request.to())) {
      assertThat(query.events()).isEqualTo(events().size());
      assertThat(rows(query, "audit_log_tampering")).containsExactly("2026-11-22T14:07:31Z | " + DEV + " | us-east-1 | "
          + "arn:aws:sts::" + DEV + ":assumed-role/Developer/jdoe | StopLogging | " + TRAIL_ARN + " | AccessDenied | 198.51.100.23");
      assertThat(rows(query, "cross_account_assume_role")).containsExactly("2026-11-22T08:55:10Z | " + DEV + " | arn:aws:sts::"
          + DEV + ":assumed-role/Developer/jdoe | " + PROD + " | arn:aws:iam::" + PROD + ":role/OrganizationAccountAccessRole"
          + " | 198.51.100.23 | us-east-1 | null");
      assertThat(rows(query, "root_activity")).singleElement().asString().contains("CreateAccessKey", "203.0.113.7");
      // What scan --with-logs would record: the misconfigured example's logActivity, counts and events alike.
      var activity = LogActivityCheck.of(query, target, "s3://acme-org-cloudtrail-logs", false, request.from(), END, END);
      var recorded = snapshot.logActivity().orElseThrow();
      assertThat(activity.tamperAttempts()).isEqualTo(recorded.tamperAttempts());
      assertThat(activity.rootActivity()).isEqualTo(recorded.rootActivity());
      assertThat(activity.accounts()).extracting(a -> a.accountId() + " " + a.tamperAttempts() + " " + a.rootCalls())
          .isEqualTo(recorded.accounts().stream().map(a -> a.accountId() + " " + a.tamperAttempts() + " " + a.rootCalls()).toList());
    }
  }

  static List<String> rows(LogQuery query, String id) {
    return query.run(Investigations.get(id), Map.of()).rows().stream()
        .map(row -> row.stream().map(String::valueOf).collect(Collectors.joining(" | "))).toList();
  }
}
