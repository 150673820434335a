package io.trailwarden.investigate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwarden.InvalidInputException;
import io.trailwarden.Json;
import io.trailwarden.TestFiles;
import io.trailwarden.aws.AwsUnavailableException;
import io.trailwarden.cli.Main;
import io.trailwarden.demo.Seeder;
import io.trailwarden.emulator.Moto;
import io.trailwarden.logs.LogVerifier;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.QueryExecution;

/**
 * The Athena client path on moto's Athena: the real SDK's StartQueryExecution, GetQueryExecution and
 * GetQueryResults. moto runs no SQL: each query is answered with the rows the test queued
 * ({@code /moto-api/static/athena/query-results}), standing in for Athena's engine, and moto records
 * the statement it was sent, which is checked for the window's partition predicates. Its query states
 * are driven through moto's state manager (QUEUED, RUNNING, SUCCEEDED; a stopped query is CANCELLED).
 */
class AthenaEngineIT {
  @RegisterExtension static final Moto MOTO = new Moto();
  static final String ACCOUNT = Seeder.MANAGEMENT_ACCOUNT; // moto's account for any base credentials
  static final AthenaEngine.Settings SETTINGS = new AthenaEngine.Settings("investigations",
      new AthenaTable.Name("security_logs", "org_events"), Optional.of("s3://athena-results-bucket/trailwarden/"));
  static final LogVerifier.Target TARGET = new LogVerifier.Target("org-logs", Optional.empty(), Optional.of("o-fixture0001"),
      ACCOUNT, "org-trail", "us-east-1", List.of("210987654321", "333333333333"), List.of("us-east-1"));
  static final Instant TO = Instant.parse("2026-11-30T12:00:00Z");
  static final Instant FROM = TO.minus(Duration.ofHours(24));
  static final Map<String, List<String>> CONTEXT = Map.of("trail", List.of("org-trail"), "log_bucket", List.of("org-logs"),
      "sensitive_buckets", List.of("phi-records"), "sensitive_tables", List.of("patients"));

  final AtomicInteger polls = new AtomicInteger();
  AthenaClient athena;

  @BeforeEach
  void connect() {
    athena = AthenaClient.builder().endpointOverride(MOTO.endpoint()).region(Region.US_EAST_1).credentialsProvider(Seeder.credentials())
        .overrideConfiguration(o -> o.addExecutionInterceptor(new ExecutionInterceptor() {
          @Override
          public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            if ("GetQueryExecution".equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))) {
              polls.incrementAndGet();
            }
          }
        })).build();
    athena.createWorkGroup(r -> r.name(SETTINGS.workgroup()));
  }

  @AfterEach
  void close() {
    MOTO.server().post("/moto-api/state-manager/unset-transition", "{\"model_name\": \"athena::execution\"}", 201);
    athena.close();
  }

  /** Each GetQueryExecution is one tick; after {@code times} ticks the query moves on (QUEUED, RUNNING, SUCCEEDED). */
  static void ticks(int times) {
    MOTO.server().post("/moto-api/state-manager/set-transition", "{\"model_name\": \"athena::execution\", \"transition\": "
        + "{\"progression\": \"manual\", \"times\": " + times + "}}", 201);
  }

  /** Athena's answer to a SELECT: the labels as the first row, then the rows; every value is text. */
  static void queue(List<String[]> columns, List<List<String>> rows) {
    ObjectNode body = Json.mapper().createObjectNode().put("account_id", ACCOUNT).put("region", "us-east-1");
    ObjectNode result = body.putArray("results").addObject();
    ArrayNode info = result.putArray("column_info");
    ArrayNode data = result.putArray("rows");
    ArrayNode header = data.addObject().putArray("Data");
    for (String[] column : columns) {
      info.addObject().put("Name", column[0]).put("Label", column[0]).put("Type", column[1]).put("Nullable", "UNKNOWN");
      header.addObject().put("VarCharValue", column[0]);
    }
    for (List<String> row : rows) {
      ArrayNode cells = data.addObject().putArray("Data");
      row.forEach(v -> {
        if (v == null) {
          cells.addObject();
        } else {
          cells.addObject().put("VarCharValue", v);
        }
      });
    }
    MOTO.server().queueAthenaResults(body.toString());
  }

  static final List<String[]> ASSUME_ROLE_COLUMNS = List.of(new String[] {"event_time", "timestamp"},
      new String[] {"caller_account", "varchar"}, new String[] {"caller_arn", "varchar"}, new String[] {"target_account", "varchar"},
      new String[] {"role_arn", "varchar"}, new String[] {"source_ip", "varchar"}, new String[] {"region", "varchar"},
      new String[] {"error_code", "varchar"});

  AthenaEngine engine() {
    return new AthenaEngine(athena, SETTINGS, Duration.ofMillis(20), Duration.ofMillis(100));
  }

  @Test
  void anInvestigationIsStartedPolledUntilItSucceedsAndItsRowsReadTyped() {
    ticks(2);
    queue(ASSUME_ROLE_COLUMNS, List.of(
        List.of("2026-11-30 09:15:02.000", "333333333333", "arn:aws:iam::333333333333:user/mallory", "210987654321",
            "arn:aws:iam::210987654321:role/Admin", "203.0.113.9", "us-east-1", "AccessDenied"),
        java.util.Arrays.asList("2026-11-30 10:00:00.000", "210987654321", "arn:aws:iam::210987654321:role/ci",
            "333333333333", "arn:aws:iam::333333333333:role/Deploy", "198.51.100.4", "us-east-1", null)));
    Investigation investigation = Investigations.get("cross_account_assume_role", Engine.ATHENA);

    AthenaEngine.Run run = engine().run(investigation, Map.of("role", "%:role/%"), CONTEXT, TARGET, FROM, TO);

    assertThat(run.result().columns()).isEqualTo(investigation.columns());
    assertThat(run.result().rows()).containsExactly(
        List.of("2026-11-30T09:15:02Z", "333333333333", "arn:aws:iam::333333333333:user/mallory", "210987654321",
            "arn:aws:iam::210987654321:role/Admin", "203.0.113.9", "us-east-1", "AccessDenied"),
        java.util.Arrays.asList("2026-11-30T10:00:00Z", "210987654321", "arn:aws:iam::210987654321:role/ci", "333333333333",
            "arn:aws:iam::333333333333:role/Deploy", "198.51.100.4", "us-east-1", null));
    // QUEUED for two polls, RUNNING for two: the client waited them out.
    assertThat(polls.get()).isGreaterThanOrEqualTo(4);

    QueryExecution sent = athena.getQueryExecution(r -> r.queryExecutionId(run.queryExecutionId())).queryExecution();
    assertThat(sent.workGroup()).isEqualTo("investigations");
    assertThat(sent.queryExecutionContext().database()).isEqualTo("security_logs");
    assertThat(sent.resultConfiguration().outputLocation()).startsWith("s3://athena-results-bucket/trailwarden/");
    assertThat(sent.query())
        .contains("FROM \"security_logs\".\"org_events\"")
        .contains("WHERE account IN ('210987654321', '333333333333')")
        .contains("AND region IN ('us-east-1')")
        .contains("AND day BETWEEN '2026/11/29' AND '2026/11/30'")
        .contains(">= from_iso8601_timestamp('2026-11-29T12:00:00Z')")
        .contains("< from_iso8601_timestamp('2026-11-30T12:00:00Z')")
        .contains("json_extract_scalar(requestParameters, '$.roleArn')")
        .contains("LIKE '%:role/%'")
        .doesNotContain("json_extract_string");
  }

  @Test
  void aWorkgroupAthenaDoesNotKnowIsAnInputErrorNamingTheFile() {
    var elsewhere = new AthenaEngine(athena, new AthenaEngine.Settings("nonexistent", SETTINGS.table(), Optional.empty()),
        Duration.ofMillis(20), Duration.ofMillis(100));

    assertThatThrownBy(() -> elsewhere.query("SELECT 1 AS n", "mine.sql")).isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("mine.sql: Athena refused to start the query: InvalidRequestException: WorkGroup does not exist");
  }

  @Test
  void rowsWithOtherColumnsThanTheHeaderDeclaresAreRefusedNamingTheFileAndQuery() {
    queue(List.<String[]>of(new String[] {"n", "bigint"}), List.of(List.of("1")));

    assertThatThrownBy(() -> engine().run(Investigations.get("root_activity", Engine.ATHENA), Map.of(), CONTEXT, TARGET, FROM, TO))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("investigations/root_activity.sql: the SQL returns the columns n but the header declares event_time")
        .hasMessageContaining("(Athena query ");
  }

  @Test
  void aCancelledQueryIsAnErrorNamingItsIdAndState() throws Exception {
    ticks(1_000_000); // queued until stopped
    CompletableFuture<AthenaEngine.Run> running = CompletableFuture.supplyAsync(() -> engine().query("SELECT 1 AS n", "mine.sql"));
    String id = null;
    for (int i = 0; i < 200 && id == null; i++) {
      id = athena.listQueryExecutions(r -> { }).queryExecutionIds().stream().findFirst().orElse(null);
      Thread.sleep(20);
    }
    assertThat(id).isNotNull();
    String stopped = id;
    athena.stopQueryExecution(r -> r.queryExecutionId(stopped));

    assertThatThrownBy(() -> running.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(AwsUnavailableException.class)
        .cause().hasMessage("mine.sql: Athena query " + stopped + " CANCELLED: Athena gave no reason");
  }

  @Test
  void theVerbsRunOnTheEmulatorsAthenaAndWriteTheDdl(@TempDir Path temp) throws Exception {
    Path config = temp.resolve("config.yaml");
    Files.writeString(config, """
        version: 1
        organization:
          endpoint: %s
        athena:
          workgroup: primary
          database: security_logs
          table: org_events
          outputLocation: s3://athena-results-bucket/
        """.formatted(MOTO.endpoint()));
    Path snapshot = TestFiles.example("compliant-org.json");
    queue(List.of(new String[] {"event_time", "timestamp"}, new String[] {"account", "varchar"},
        new String[] {"region", "varchar"}, new String[] {"event_source", "varchar"}, new String[] {"event_name", "varchar"},
        new String[] {"error_code", "varchar"}, new String[] {"source_ip", "varchar"}, new String[] {"user_agent", "varchar"}),
        List.of(java.util.Arrays.asList("2026-11-30 08:00:00.000", "222222222222", "us-east-1", "iam.amazonaws.com",
            "CreateAccessKey", null, "203.0.113.7", "console.amazonaws.com")));

    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), "logs", "query", "root_activity", "--engine", "athena",
        "--snapshot", snapshot.toString(), "--config", config.toString(), "--format", "csv", "--accounts", "222222222222");

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).isEqualTo("event_time,account,region,event_source,event_name,error_code,source_ip,user_agent\r\n"
        + "2026-11-30T08:00:00Z,222222222222,us-east-1,iam.amazonaws.com,CreateAccessKey,,203.0.113.7,console.amazonaws.com\r\n");
    String id = athena.listQueryExecutions(r -> { }).queryExecutionIds().get(0);
    assertThat(athena.getQueryExecution(r -> r.queryExecutionId(id)).queryExecution().query())
        .contains("WHERE account IN ('222222222222')").contains("FROM \"security_logs\".\"org_events\"");

    Path ddl = temp.resolve("table.sql");
    code = Main.run(new PrintWriter(out), new PrintWriter(err), "logs", "athena-ddl", "--snapshot", snapshot.toString(),
        "--config", config.toString(), "--output", ddl.toString(), "--first-day", "2024-01-01");
    assertThat(code).as(err.toString()).isZero();
    assertThat(Files.readString(ddl)).startsWith("CREATE EXTERNAL TABLE IF NOT EXISTS `security_logs`.`org_events` (");

    code = Main.run(new PrintWriter(out), new PrintWriter(err), "logs", "query", "root_activity", "--engine", "athena",
        "--snapshot", snapshot.toString(), "--config", config.toString(), "--source", temp.toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--source is for the embedded engine");
  }
}
