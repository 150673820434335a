package io.trailwarden.investigate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trailwarden.InvalidInputException;
import io.trailwarden.TestFiles;
import io.trailwarden.logs.LogVerification;
import io.trailwarden.logs.LogVerifier;
import io.trailwarden.snapshot.SnapshotIo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The Athena table: its DDL is a golden file ({@code -Dgolden.update=true} rewrites it; read the diff), its
 * columns are the embedded engine's, and each query's {@code events} narrows the partitions.
 */
class AthenaTableTest {
  static final Path GOLDEN = TestFiles.projectDir().resolve("src/test/resources/investigate/athena-ddl.sql");
  static final AthenaTable.Name NAME = new AthenaTable.Name("security_logs", "org_events");

  static LogVerifier.Target target() {
    var snapshot = new SnapshotIo().read(TestFiles.example("compliant-org.json"));
    Instant now = Instant.parse("2026-12-01T00:00:00Z");
    return LogVerification.target(snapshot, new LogVerification.Request(now.minusSeconds(1), now, List.of(), List.of(), 4));
  }

  @Test
  void theDdlIsTheGoldenFile() throws Exception {
    String ddl = AthenaTable.ddl(NAME, target(), LocalDate.of(2024, 1, 1));
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(GOLDEN, ddl, StandardCharsets.UTF_8);
    }
    assertThat(ddl).isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
  }

  @Test
  void theTableHasTheEmbeddedEnginesColumnsAndTheKeyAsProjectedPartitions() {
    String ddl = AthenaTable.ddl(NAME, target(), LocalDate.of(2024, 1, 1));

    for (EventSchema.Column c : EventSchema.RECORD_COLUMNS) {
      assertThat(ddl).contains("  `" + c.name() + "` ");
    }
    assertThat(ddl).contains("PARTITIONED BY (`account` STRING, `region` STRING, `day` STRING)")
        .contains("'projection.account.values' = '111111111111,222222222222,333333333333,444444444444'")
        .contains("'projection.region.values' = 'us-east-1,us-west-2,eu-west-1'")
        .contains("'projection.day.range' = '2024/01/01,NOW'")
        .contains("'storage.location.template' = 's3://acme-org-cloudtrail-logs/AWSLogs/o-a1b2c3d4e5/${account}/CloudTrail/"
            + "${region}/${day}'")
        .contains("ROW FORMAT SERDE 'com.amazon.emr.hive.serde.CloudTrailSerde'");
    assertThat(AthenaTable.hiveType(EventSchema.RECORD_COLUMNS.get(1).type())).isEqualTo("STRUCT<type:STRING, "
        + "principalId:STRING, arn:STRING, accountId:STRING, invokedBy:STRING, accessKeyId:STRING, userName:STRING, "
        + "sessionContext:STRING, onBehalfOf:STRING>");
  }

  @Test
  void aKeyPrefixGoesBeforeAwsLogsAndATrailOfOneAccountIsRefused() {
    LogVerifier.Target t = target();
    var prefixed = new LogVerifier.Target(t.bucket(), Optional.of("org/"), t.organizationId(), t.managementAccountId(),
        t.trailName(), t.homeRegion(), t.accounts(), t.regions());
    assertThat(AthenaTable.location(prefixed)).isEqualTo("s3://acme-org-cloudtrail-logs/org/AWSLogs/o-a1b2c3d4e5/");

    var single = new LogVerifier.Target(t.bucket(), Optional.empty(), Optional.empty(), t.managementAccountId(),
        t.trailName(), t.homeRegion(), t.accounts(), t.regions());
    assertThatThrownBy(() -> AthenaTable.ddl(NAME, single, LocalDate.of(2024, 1, 1))).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("is not an organization trail");
  }

  @Test
  void eventsIsTheWindowOnThePartitionsAndJoinsAQuerysOwnWith() {
    LogVerifier.Target t = target();
    var narrowed = new LogVerifier.Target(t.bucket(), t.keyPrefix(), t.organizationId(), t.managementAccountId(),
        t.trailName(), t.homeRegion(), List.of("222222222222"), List.of("eu-west-1"));
    Instant from = Instant.parse("2026-11-29T23:30:00Z");
    Instant to = Instant.parse("2026-11-30T23:30:00Z");

    String plain = AthenaTable.events("SELECT count(*) AS n FROM events", NAME, narrowed, from, to);
    assertThat(plain).startsWith("WITH events AS (\n  SELECT account, region, CAST(date_parse(day, '%Y/%m/%d') AS date) AS day, ")
        .contains("CAST(from_iso8601_timestamp(eventTime) AS timestamp) AS eventTime")
        .contains("FROM \"security_logs\".\"org_events\"\n")
        .contains("WHERE account IN ('222222222222')\n    AND region IN ('eu-west-1')\n")
        // The day after the window's end too: its first file may hold the window's last events.
        .contains("AND day BETWEEN '2026/11/29' AND '2026/12/01'\n")
        .contains("from_iso8601_timestamp(eventTime) >= from_iso8601_timestamp('2026-11-29T23:30:00Z')")
        .contains("from_iso8601_timestamp(eventTime) < from_iso8601_timestamp('2026-11-30T23:30:00Z')")
        .endsWith(")\nSELECT count(*) AS n FROM events");

    String with = AthenaTable.events("with calls AS (SELECT * FROM events)\nSELECT * FROM calls", NAME, narrowed, from, to);
    assertThat(with).startsWith("WITH events AS (").endsWith("),\ncalls AS (SELECT * FROM events)\nSELECT * FROM calls");
  }
}
