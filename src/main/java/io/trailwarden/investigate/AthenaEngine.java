package io.trailwarden.investigate;

import io.trailwarden.InvalidInputException;
import io.trailwarden.aws.AwsUnavailableException;
import io.trailwarden.logs.LogVerifier;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.AthenaException;
import software.amazon.awssdk.services.athena.model.ColumnInfo;
import software.amazon.awssdk.services.athena.model.Datum;
import software.amazon.awssdk.services.athena.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.athena.model.Row;

/**
 * The distributed engine: the saved investigations on Amazon Athena over the {@link AthenaTable}.
 * A query is started ({@code StartQueryExecution}, in the configured workgroup and database, results to
 * the output location), polled ({@code GetQueryExecution}, the wait doubling up to a ceiling) and
 * read ({@code GetQueryResults}, every page, following {@code NextToken}); the rows come back typed as
 * the embedded engine's do, so the same formats print them.
 */
public final class AthenaEngine {
  /** Athena hands out at most this many rows a page. */
  static final int PAGE_SIZE = 1000;
  private static final Duration FIRST_POLL = Duration.ofMillis(250);
  private static final Duration MAX_POLL = Duration.ofSeconds(5);
  /** Athena's own DML timeout is 30 minutes by default; past an hour the query is stopped. */
  private static final Duration DEADLINE = Duration.ofHours(1);
  private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder().appendPattern("yyyy-MM-dd HH:mm:ss")
      .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd().toFormatter();
  private static final DateTimeFormatter TIMESTAMP_ZONE = new DateTimeFormatterBuilder().append(TIMESTAMP).appendLiteral(' ')
      .appendZoneOrOffsetId().toFormatter();

  private final AthenaClient athena;
  private final Settings settings;
  private final Duration firstPoll;
  private final Duration maxPoll;

  /** config.yaml {@code athena}: the workgroup, the table's database and name, where results go (default: the workgroup's). */
  public record Settings(String workgroup, AthenaTable.Name table, Optional<String> outputLocation) {}

  /** One query's answer: its execution id (to find it in Athena's history), the rows, the bytes it scanned. */
  public record Run(String queryExecutionId, DuckDbEngine.Result result, long bytesScanned) {}

  public AthenaEngine(AthenaClient athena, Settings settings) {
    this(athena, settings, FIRST_POLL, MAX_POLL);
  }

  AthenaEngine(AthenaClient athena, Settings settings, Duration firstPoll, Duration maxPoll) {
    this.athena = athena;
    this.settings = settings;
    this.firstPoll = firstPoll;
    this.maxPoll = maxPoll;
  }

  /**
   * Runs an investigation (its Athena form) over [from, to) of the target's accounts and regions; its
   * rows must have exactly the columns its header declares.
   */
  public Run run(Investigation investigation, Map<String, String> params, Map<String, List<String>> context,
      LogVerifier.Target target, Instant from, Instant to) {
    String sql = AthenaTable.events(investigation.render(params, context, Engine.ATHENA), settings.table(), target, from, to);
    Run run = query(sql, investigation.source());
    if (!run.result().columns().equals(investigation.columns())) {
      throw new InvalidInputException(investigation.source() + ": the SQL returns the columns " + String.join(", ",
          run.result().columns()) + " but the header declares " + String.join(", ", investigation.columns())
          + " (Athena query " + run.queryExecutionId() + ")");
    }
    return run;
  }

  /** Runs one statement to the end; {@code source} names the file in an error. */
  public Run query(String sql, String source) {
    String id;
    try {
      id = athena.startQueryExecution(r -> {
        r.queryString(sql).workGroup(settings.workgroup())
            .queryExecutionContext(c -> c.database(settings.table().database()));
        settings.outputLocation().ifPresent(location -> r.resultConfiguration(c -> c.outputLocation(location)));
      }).queryExecutionId();
    } catch (SdkException e) {
      throw refused(e, source, "refused to start the query");
    }
    QueryExecution execution = await(id, source);
    try {
      var pages = athena.getQueryResultsPaginator(r -> r.queryExecutionId(id).maxResults(PAGE_SIZE));
      long scanned = execution.statistics() == null || execution.statistics().dataScannedInBytes() == null ? 0
          : execution.statistics().dataScannedInBytes();
      return new Run(id, results(pages, id), scanned);
    } catch (SdkException e) {
      throw refused(e, source, "did not give the results of query " + id);
    }
  }

  private QueryExecution await(String id, String source) {
    Instant deadline = Instant.now().plus(DEADLINE);
    Duration wait = firstPoll;
    while (true) {
      QueryExecution execution;
      try {
        execution = athena.getQueryExecution(r -> r.queryExecutionId(id)).queryExecution();
      } catch (SdkException e) {
        throw refused(e, source, "did not say how query " + id + " went");
      }
      if (finished(execution, source)) {
        return execution;
      }
      if (Instant.now().isAfter(deadline)) {
        athena.stopQueryExecution(r -> r.queryExecutionId(id));
        throw new AwsUnavailableException(source + ": Athena query " + id + " was still " + execution.status().stateAsString()
            + " after " + DEADLINE.toMinutes() + " minutes; it was stopped", null);
      }
      try {
        Thread.sleep(wait.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AwsUnavailableException(source + ": interrupted while waiting for Athena query " + id, e);
      }
      wait = wait.multipliedBy(2).compareTo(maxPoll) > 0 ? maxPoll : wait.multipliedBy(2);
    }
  }

  /**
   * True once the query succeeded, false while it is queued or running. A failed query is an error
   * naming its id, its state and Athena's reason: an input error (exit 2) when Athena blames the query
   * (error category 2, USER: bad SQL, a missing table), otherwise one to retry later (exit 3), as is a
   * cancelled one.
   */
  static boolean finished(QueryExecution execution, String source) {
    var status = execution.status();
    QueryExecutionState state = status.state();
    if (state == QueryExecutionState.SUCCEEDED) {
      return true;
    }
    if (state != QueryExecutionState.FAILED && state != QueryExecutionState.CANCELLED) {
      return false;
    }
    String reason = Optional.ofNullable(status.stateChangeReason()).filter(s -> !s.isBlank()).orElse("Athena gave no reason");
    String message = source + ": Athena query " + execution.queryExecutionId() + " " + status.stateAsString() + ": " + reason;
    Integer category = status.athenaError() == null ? null : status.athenaError().errorCategory();
    if (state == QueryExecutionState.FAILED && category != null && category == 2) {
      throw new InvalidInputException(message);
    }
    throw new AwsUnavailableException(message, null);
  }

  /**
   * The rows of every page, typed by the columns' Athena types. The first row of a SELECT's first page
   * repeats the column labels, and is not a row.
   */
  static DuckDbEngine.Result results(Iterable<GetQueryResultsResponse> pages, String id) {
    List<ColumnInfo> columns = null;
    List<List<Object>> rows = new ArrayList<>();
    for (GetQueryResultsResponse page : pages) {
      List<Row> pageRows = page.resultSet().rows();
      int first = 0;
      if (columns == null) {
        columns = page.resultSet().resultSetMetadata().columnInfo();
        List<String> labels = columns.stream().map(AthenaEngine::label).toList();
        if (!pageRows.isEmpty() && pageRows.get(0).data().stream().map(Datum::varCharValue).toList().equals(labels)) {
          first = 1;
        }
      }
      for (Row row : pageRows.subList(first, pageRows.size())) {
        if (row.data().size() != columns.size()) {
          throw new AwsUnavailableException("Athena query " + id + " gave a row of " + row.data().size() + " values for "
              + columns.size() + " columns", null);
        }
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
          values.add(value(row.data().get(i).varCharValue(), columns.get(i), id));
        }
        rows.add(values);
      }
    }
    return new DuckDbEngine.Result(columns == null ? List.of() : columns.stream().map(AthenaEngine::label).toList(), rows);
  }

  private static String label(ColumnInfo column) {
    return column.label() != null ? column.label() : column.name();
  }

  /** Athena sends every value as text; its column type says what it is, as the embedded engine's JDBC types do. */
  static Object value(String text, ColumnInfo column, String id) {
    if (text == null) {
      return null;
    }
    String type = String.valueOf(column.type()).toLowerCase(java.util.Locale.ROOT);
    try {
      return switch (type) {
        case "boolean" -> Boolean.parseBoolean(text);
        case "tinyint", "smallint", "integer", "int", "bigint" -> Long.parseLong(text);
        case "double", "float", "real", "decimal" -> Double.parseDouble(text);
        case "timestamp" -> LocalDateTime.parse(text, TIMESTAMP).toInstant(ZoneOffset.UTC).toString();
        case "timestamp with time zone" -> ZonedDateTime.parse(text, TIMESTAMP_ZONE).toInstant().toString();
        default -> text;
      };
    } catch (NumberFormatException | DateTimeParseException e) {
      throw new AwsUnavailableException("Athena query " + id + ": column " + label(column) + " of type " + type
          + " holds '" + text + "'", e);
    }
  }

  private static RuntimeException refused(SdkException e, String source, String what) {
    String message = source + ": Athena " + what + ": " + AwsUnavailableException.describe(e);
    if (AwsUnavailableException.isTransient(e)) {
      return new AwsUnavailableException(message, e);
    }
    if (e instanceof AthenaException) {
      // InvalidRequestException: the SQL, the workgroup or the output location; AccessDenied: the credentials.
      return new InvalidInputException(message);
    }
    return new AwsUnavailableException(message, e);
  }
}
