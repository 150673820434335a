package io.trailwarden.investigate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trailwarden.InvalidInputException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The investigation file format: the header, the parameters and how their values reach the SQL. */
class InvestigationTest {
  static final String GOOD = """
      -- id: some_calls
      -- title: Some calls
      -- description: What it finds.
      -- window: 36h
      -- param: name text StopLogging the event name
      -- param: limit int 10 how many
      -- param: accounts list @sensitive_buckets some list
      -- columns: event_name
      SELECT eventName AS event_name FROM events
      WHERE eventName = {{name}} AND list_contains({{accounts}}, account) LIMIT {{limit}}
      """;

  @Test
  void theHeaderGivesTheMetadataAndTheDefaultsFillTheSql() {
    Investigation i = Investigation.parse(GOOD, "x.sql");

    assertThat(i.id()).isEqualTo("some_calls");
    assertThat(i.window()).isEqualTo(Duration.ofHours(36));
    assertThat(i.columns()).containsExactly("event_name");
    assertThat(i.params()).extracting(Investigation.Param::name).containsExactly("name", "limit", "accounts");
    assertThat(i.render(Map.of(), Map.of("sensitive_buckets", List.of("a", "b'c"))))
        .endsWith("WHERE eventName = 'StopLogging' AND list_contains(['a', 'b''c'], account) LIMIT 10");
  }

  @Test
  void aGivenValueIsALiteralThatCannotChangeTheStatement() {
    Investigation i = Investigation.parse(GOOD, "x.sql");

    assertThat(i.render(Map.of("name", "x' OR '1'='1", "limit", "3", "accounts", ""), Map.of()))
        .endsWith("WHERE eventName = 'x'' OR ''1''=''1' AND list_contains(CAST([] AS VARCHAR[]), account) LIMIT 3");
    assertThatThrownBy(() -> i.render(Map.of("limit", "3; DROP TABLE events"), Map.of()))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("--param limit").hasMessageContaining("whole number");
  }

  @Test
  void anUnknownParameterIsRefusedNamingTheKnownOnes() {
    Investigation i = Investigation.parse(GOOD, "x.sql");

    assertThatThrownBy(() -> i.render(Map.of("hours", "5"), Map.of())).isInstanceOf(InvalidInputException.class)
        .hasMessage("--param hours: investigation some_calls has no such parameter (it has name, limit, accounts)");
  }

  @Test
  void aMalformedFileIsRefusedNamingTheFileAndLine() {
    assertThatThrownBy(() -> Investigation.parse(GOOD.replace("-- window: 36h", "-- windw: 36h"), "mine.sql"))
        .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("mine.sql line 4: unknown header field 'windw'");
    assertThatThrownBy(() -> Investigation.parse(GOOD.replace("-- window: 36h\n", ""), "mine.sql"))
        .hasMessage("mine.sql: the header has no '-- window:' line");
    assertThatThrownBy(() -> Investigation.parse(GOOD.replace("{{limit}}", "{{limt}}"), "mine.sql"))
        .hasMessageContaining("mine.sql: the SQL uses {{limt}}, which no '-- param:' line declares");
    assertThatThrownBy(() -> Investigation.parse(GOOD.replace("-- param: limit int 10", "-- param: limit int ten"), "mine.sql"))
        .hasMessageContaining("mine.sql line 6: the default of int parameter 'limit' is not a number");
    assertThatThrownBy(() -> Investigation.parse(GOOD.replace("@sensitive_buckets", "@secret"), "mine.sql"))
        .hasMessageContaining("mine.sql line 7: default @secret is not one the organization fills");
    assertThatThrownBy(() -> Investigation.parse(GOOD.lines().limit(8).reduce("", (a, b) -> a + b + "\n"), "mine.sql"))
        .hasMessage("mine.sql: no SQL after the header");
  }

  @Test
  void everyBuiltInInvestigationParsesAndIsNamedByItsId() {
    List<Investigation> all = Investigations.builtIn();

    assertThat(all).extracting(Investigation::id).containsExactly("audit_log_tampering", "console_login_without_mfa",
        "cross_account_assume_role", "failed_access", "root_activity", "sensitive_resource_access");
    assertThat(all).allSatisfy(i -> {
      assertThat(i.title()).isNotBlank();
      assertThat(i.description()).isNotBlank();
      assertThat(i.columns()).isNotEmpty();
    });
  }

  /**
   * The window is the engine's (the day folders listed and one WHERE on eventTime when loading), so
   * --from and --to mean the same for every investigation: none filters eventTime, nor computes a time
   * of its own from now, in its SQL.
   */
  @Test
  void noSavedInvestigationFiltersTheWindowItself() {
    java.util.regex.Pattern ownWindow = java.util.regex.Pattern.compile(
        "(?i)(eventTime|event_time|\\bday\\b)\\s*(>|<|>=|<=|=|between)|now\\(\\)|current_(date|timestamp)|\\binterval\\b");
    assertThat(Investigations.builtIn()).allSatisfy(i -> assertThat(ownWindow.matcher(i.sql()).find())
        .as(i.source() + " filters the window itself").isFalse());
  }

  @Test
  void aWrongSqlFailsNamingTheFile() {
    Investigation i = Investigation.parse(GOOD.replace("FROM events", "FROM evnts"), "mine.sql");
    try (DuckDbEngine engine = new DuckDbEngine()) {
      assertThatThrownBy(() -> engine.query(i.render(Map.of(), Map.of()), i.source())).isInstanceOf(InvalidInputException.class)
          .hasMessageStartingWith("mine.sql: the SQL failed:").hasMessageContaining("evnts");
    }
  }

  /** DuckDB functions and syntax Athena's Trino dialect does not have, and Trino's that DuckDB does not. */
  static final List<String> DUCKDB_ONLY = List.of("json_extract_string(", "list_contains(", "list_transform(", "->>", "::");
  static final List<String> ATHENA_ONLY = List.of("json_extract_scalar(", "transform(", "contains(", "from_iso8601");

  @Test
  void everyInvestigationHasAFormForEachEngineWithTheSameHeader() {
    List<Investigation> duckdb = Investigations.builtIn(Engine.DUCKDB);
    List<Investigation> athena = Investigations.builtIn(Engine.ATHENA);

    assertThat(athena).extracting(Investigation::id).isEqualTo(duckdb.stream().map(Investigation::id).toList());
    for (int n = 0; n < duckdb.size(); n++) {
      Investigation d = duckdb.get(n);
      Investigation a = athena.get(n);
      assertThat(a.sameHeader(d)).as(a.source()).isTrue();
      assertThat(d.source()).isEqualTo("investigations/" + d.id() + ".sql");
      // The DuckDB form uses nothing of Trino's; the Athena form (its own file, or the shared one) nothing of DuckDB's.
      assertThat(ATHENA_ONLY.stream().filter(f -> d.sql().replace("list_contains(", "").replace("list_transform(", "")
          .contains(f)).toList()).as(d.source()).isEmpty();
      assertThat(DUCKDB_ONLY.stream().filter(f -> a.sql().contains(f)).toList()).as(a.source()).isEmpty();
      // Lists render as the engine writes them.
      String rendered = a.render(Map.of(), Map.of("trail", List.of("t"), "log_bucket", List.of("b"),
          "sensitive_buckets", List.of("phi"), "sensitive_tables", List.of()), Engine.ATHENA);
      assertThat(rendered).doesNotContain("CAST([]").doesNotContain("({{");
    }
    assertThat(athena).filteredOn(i -> i.source().endsWith(".athena.sql")).extracting(Investigation::id)
        .containsExactly("audit_log_tampering", "console_login_without_mfa", "cross_account_assume_role", "failed_access",
            "sensitive_resource_access");
  }

  @Test
  void listsAreAthenaArraysOnAthena() {
    Investigation i = Investigation.parse(GOOD, "x.sql");
    assertThat(i.render(Map.of(), Map.of("sensitive_buckets", List.of("a", "b'c")), Engine.ATHENA))
        .endsWith("list_contains(ARRAY['a', 'b''c'], account) LIMIT 10");
    assertThat(i.render(Map.of("accounts", ""), Map.of(), Engine.ATHENA)).contains("(CAST(ARRAY[] AS ARRAY(VARCHAR)), account)");
  }

  @Test
  void anAthenaFormWithAnotherHeaderOrNoInvestigationBesideItIsRefused(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Files.writeString(dir.resolve("some_calls.sql"), GOOD);
    java.nio.file.Files.writeString(dir.resolve("some_calls.athena.sql"), GOOD.replace("-- window: 36h", "-- window: 24h"));
    assertThatThrownBy(() -> Investigations.read(dir, "mine/", Engine.ATHENA)).isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("mine/some_calls.athena.sql: its header must be the same as mine/some_calls.sql's");

    java.nio.file.Files.writeString(dir.resolve("some_calls.athena.sql"), GOOD.replace("list_contains(", "contains("));
    assertThat(Investigations.read(dir, "mine/", Engine.ATHENA).get(0).sql()).contains(" contains(");
    assertThat(Investigations.read(dir, "mine/", Engine.DUCKDB).get(0).sql()).contains("list_contains(");

    java.nio.file.Files.delete(dir.resolve("some_calls.sql"));
    assertThatThrownBy(() -> Investigations.read(dir, "mine/")).isInstanceOf(InvalidInputException.class)
        .hasMessage("mine/some_calls.athena.sql: the Athena form of an investigation needs some_calls.sql beside it");
  }
}
