package io.trailwarden.investigate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trailwarden.InvalidInputException;
import io.trailwarden.aws.AwsUnavailableException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.athena.model.ColumnInfo;
import software.amazon.awssdk.services.athena.model.Datum;
import software.amazon.awssdk.services.athena.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.athena.model.Row;

/**
 * What Athena's answers become, on the SDK's own model objects. moto (AthenaEngineIT) returns every row
 * in one page and knows no FAILED state, so the paging across several pages and the failure states
 * are held here; the calls themselves are tested on moto.
 */
class AthenaEngineTest {
  static final List<ColumnInfo> COLUMNS = List.of(column("event_time", "timestamp"), column("account", "varchar"),
      column("read_only", "boolean"), column("events", "bigint"), column("seen", "timestamp with time zone"));

  static ColumnInfo column(String name, String type) {
    return ColumnInfo.builder().name(name).label(name).type(type).build();
  }

  static Row row(String... values) {
    return Row.builder().data(Arrays.stream(values).map(v -> Datum.builder().varCharValue(v).build()).toList()).build();
  }

  static GetQueryResultsResponse page(String nextToken, Row... rows) {
    return GetQueryResultsResponse.builder().nextToken(nextToken)
        .resultSet(r -> r.rows(rows).resultSetMetadata(m -> m.columnInfo(COLUMNS))).build();
  }

  @Test
  void everyPageIsReadTheHeaderRowOnlyOnTheFirstAndValuesAreTypedAsTheEmbeddedEnginesAre() {
    var first = page("t1", row("event_time", "account", "read_only", "events", "seen"),
        row("2026-11-30 12:00:00.000", "111111111111", "true", "3", "2026-11-30 12:00:01.500 UTC"));
    // A later page has no header row: a row that looks like one there is data.
    var second = page("t2", row("2026-11-30 13:00:00.000", "222222222222", "false", "0", null));
    var third = page(null, row(null, "event_time", null, null, null));

    DuckDbEngine.Result result = AthenaEngine.results(List.of(first, second, third), "q-1");

    assertThat(result.columns()).containsExactly("event_time", "account", "read_only", "events", "seen");
    assertThat(result.rows()).containsExactly(
        List.of("2026-11-30T12:00:00Z", "111111111111", true, 3L, "2026-11-30T12:00:01.500Z"),
        Arrays.asList("2026-11-30T13:00:00Z", "222222222222", false, 0L, null),
        Arrays.asList(null, "event_time", null, null, null));
  }

  @Test
  void noRowsIsAnEmptyResultWithItsColumns() {
    DuckDbEngine.Result result = AthenaEngine.results(List.of(page(null, row("event_time", "account", "read_only", "events",
        "seen"))), "q-1");
    assertThat(result.columns()).hasSize(5);
    assertThat(result.rows()).isEmpty();
  }

  @Test
  void aValueThatIsNotOfItsColumnsTypeNamesTheQueryAndColumn() {
    assertThatThrownBy(() -> AthenaEngine.results(List.of(page(null, row("yesterday", "1", "true", "1", null))), "q-7"))
        .isInstanceOf(AwsUnavailableException.class).hasMessage("Athena query q-7: column event_time of type timestamp "
            + "holds 'yesterday'");
  }

  static QueryExecution execution(QueryExecutionState state, String reason, Integer category) {
    return QueryExecution.builder().queryExecutionId("5f1c-q").status(s -> {
      s.state(state).stateChangeReason(reason);
      if (category != null) {
        s.athenaError(e -> e.errorCategory(category).errorType(1000));
      }
    }).build();
  }

  @Test
  void queuedAndRunningAreWaitedForAndSucceededEndsTheWait() {
    assertThat(AthenaEngine.finished(execution(QueryExecutionState.QUEUED, null, null), "x.sql")).isFalse();
    assertThat(AthenaEngine.finished(execution(QueryExecutionState.RUNNING, null, null), "x.sql")).isFalse();
    assertThat(AthenaEngine.finished(execution(QueryExecutionState.SUCCEEDED, null, null), "x.sql")).isTrue();
  }

  @Test
  void aFailedQueryNamesItsIdStateAndReasonAnInputErrorWhenAthenaBlamesTheQuery() {
    assertThatThrownBy(() -> AthenaEngine.finished(execution(QueryExecutionState.FAILED,
        "COLUMN_NOT_FOUND: line 3:8: Column 'eventnam' cannot be resolved", 2), "investigations/x.athena.sql"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("investigations/x.athena.sql: Athena query 5f1c-q FAILED: COLUMN_NOT_FOUND: line 3:8: Column 'eventnam' "
            + "cannot be resolved");
    assertThatThrownBy(() -> AthenaEngine.finished(execution(QueryExecutionState.FAILED, "Internal error", 1), "x.sql"))
        .isInstanceOf(AwsUnavailableException.class).hasMessage("x.sql: Athena query 5f1c-q FAILED: Internal error");
    assertThatThrownBy(() -> AthenaEngine.finished(execution(QueryExecutionState.CANCELLED, null, null), "x.sql"))
        .isInstanceOf(AwsUnavailableException.class).hasMessage("x.sql: Athena query 5f1c-q CANCELLED: Athena gave no reason");
  }
}
