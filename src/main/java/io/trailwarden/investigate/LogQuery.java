package io.trailwarden.investigate;

import io.trailwarden.InvalidInputException;
import io.trailwarden.logs.LogVerifier;
import io.trailwarden.snapshot.Snapshot;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A window of the organization's logs loaded into the embedded engine, on which any number of
 * investigations run: the files from a {@link LogSource}, the records of [from, to) in {@code events}.
 */
public final class LogQuery implements AutoCloseable {
  private final DuckDbEngine engine;
  private final LogSource.Fetched fetched;
  private final long events;
  private final Map<String, List<String>> context;

  private LogQuery(DuckDbEngine engine, LogSource.Fetched fetched, long events, Map<String, List<String>> context) {
    this.engine = engine;
    this.fetched = fetched;
    this.events = events;
    this.context = context;
  }

  /** Fetches and loads the target's window; the snapshot gives the defaults the organization fills. */
  public static LogQuery load(LogSource source, LogVerifier.Target target, Snapshot snapshot, Instant from, Instant to) {
    return load(source, target, context(snapshot, target), from, to);
  }

  /** As above, with the {@code @name} defaults given. */
  public static LogQuery load(LogSource source, LogVerifier.Target target, Map<String, List<String>> context, Instant from,
      Instant to) {
    LogSource.Fetched fetched = source.fetch(target, from, to);
    DuckDbEngine engine = new DuckDbEngine();
    try {
      long events = engine.load(fetched.files(), from, to);
      return new LogQuery(engine, fetched, events, Map.copyOf(context));
    } catch (RuntimeException e) {
      engine.close();
      throw e;
    }
  }

  /** The values of the {@code @name} defaults ({@link Investigation#CONTEXT}). */
  public static Map<String, List<String>> context(Snapshot snapshot, LogVerifier.Target target) {
    var sensitive = snapshot.scope().sensitiveResources();
    return Map.of("trail", List.of(target.trailName()), "log_bucket", List.of(target.bucket()),
        "sensitive_buckets", sensitive.s3Buckets(), "sensitive_tables", sensitive.dynamodbTables());
  }

  public LogSource.Fetched fetched() {
    return fetched;
  }

  /** Rows in the events table. */
  public long events() {
    return events;
  }

  /** Runs one investigation; its rows must have exactly the columns its header declares. */
  public DuckDbEngine.Result run(Investigation investigation, Map<String, String> params) {
    DuckDbEngine.Result result = engine.query(investigation.render(params, context), investigation.source());
    if (!result.columns().equals(investigation.columns())) {
      throw new InvalidInputException(investigation.source() + ": the SQL returns the columns " + String.join(", ",
          result.columns()) + " but the header declares " + String.join(", ", investigation.columns()));
    }
    return result;
  }

  /** Checks the parameters before anything is fetched, so a mistyped --param costs no download. */
  public static void checkParams(Investigation investigation, Map<String, String> params) {
    investigation.render(params, Map.of());
  }

  @Override
  public void close() {
    engine.close();
  }
}
