package io.trailwarden.investigate;

import io.trailwarden.InvalidInputException;
import io.trailwarden.logs.LogVerifier;
import io.trailwarden.snapshot.Snapshot;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A window of the organization's logs loaded into the embedded engine, on which any number of
 * investigations run: the files from a {@link LogSource}, the records of [from, to) in {@code events}.
 * The window is the engine's alone: the day folders listed and this WHERE on eventTime; a saved
 * investigation never filters eventTime itself. With {@code --verified-only} the files whose key the
 * digest chains did not prove are left out, and counted ({@link #excluded}).
 */
public final class LogQuery implements AutoCloseable {
  private final DuckDbEngine engine;
  private final LogSource.Fetched fetched;
  private final long events;
  private final Map<String, List<String>> context;
  private final List<LogFile> read;
  private final List<LogFile> excluded;

  private LogQuery(DuckDbEngine engine, LogSource.Fetched fetched, long events, Map<String, List<String>> context,
      List<LogFile> read, List<LogFile> excluded) {
    this.read = List.copyOf(read);
    this.engine = engine;
    this.fetched = fetched;
    this.events = events;
    this.context = context;
    this.excluded = List.copyOf(excluded);
  }

  /** Fetches and loads the target's window; the snapshot gives the defaults the organization fills. */
  public static LogQuery load(LogSource source, LogVerifier.Target target, Snapshot snapshot, Instant from, Instant to) {
    return load(source, target, context(snapshot, target), from, to);
  }

  /** As above, with the {@code @name} defaults given. */
  public static LogQuery load(LogSource source, LogVerifier.Target target, Map<String, List<String>> context, Instant from,
      Instant to) {
    return load(source, target, context, from, to, Optional.empty());
  }

  /** As above; with {@code proven} (the keys logs verify proved), only those files are read. */
  public static LogQuery load(LogSource source, LogVerifier.Target target, Map<String, List<String>> context, Instant from,
      Instant to, Optional<Set<String>> proven) {
    LogSource.Fetched fetched = source.fetch(target, from, to);
    List<LogFile> read = proven.map(keys -> fetched.files().stream().filter(f -> keys.contains(f.key())).toList())
        .orElse(fetched.files());
    // A file delivered before the window holds none of its events: unproven, it is not needed, not excluded.
    List<LogFile> excluded = proven.map(keys -> fetched.files().stream()
        .filter(f -> !keys.contains(f.key()) && !delivered(f).isBefore(from)).toList()).orElse(List.of());
    DuckDbEngine engine = new DuckDbEngine();
    try {
      long events = engine.load(read, from, to);
      return new LogQuery(engine, fetched, events, Map.copyOf(context), read, excluded);
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

  /** The files read. */
  public List<LogFile> files() {
    return read;
  }

  /** When CloudTrail delivered a file: the yyyyMMddTHHmmZ of its name ({@link LogKeys} checked it). */
  static Instant delivered(LogFile file) {
    java.util.regex.Matcher m = DELIVERED.matcher(file.key());
    if (!m.find()) {
      return Instant.MAX; // Not in the layout: never taken for one before the window.
    }
    return java.time.LocalDateTime.parse(m.group(1), java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'"))
        .toInstant(java.time.ZoneOffset.UTC);
  }

  private static final java.util.regex.Pattern DELIVERED = java.util.regex.Pattern.compile("_(\\d{8}T\\d{4}Z)_[A-Za-z0-9]+\\.json\\.gz$");

  /** The files left out because their digest chain did not prove them (--verified-only); empty otherwise. */
  public List<LogFile> excluded() {
    return excluded;
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
