package io.trailwarden.investigate;

import io.trailwarden.InvalidInputException;
import io.trailwarden.logs.LogVerifier;
import io.trailwarden.snapshot.LogActivity;
import io.trailwarden.snapshot.LogIntegrity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What {@code scan --with-logs} records in the snapshot ({@code logActivity}): the tamper-attempt and
 * root-usage investigations run over the loaded window, counted per account, with their first events,
 * so the rules that judge them read the snapshot only and {@code evaluate} stays offline.
 */
public final class LogActivityCheck {
  /** The saved investigations it runs. */
  public static final String TAMPERING = "audit_log_tampering";
  public static final String ROOT = "root_activity";

  private LogActivityCheck() {}

  /**
   * Loads the window and runs both investigations; logs that cannot be read at all (an AWS error, a
   * damaged file) become the section's {@code error}, so the rules say UNKNOWN rather than nothing.
   */
  public static LogActivity check(Supplier<LogQuery> load, LogVerifier.Target target, String source, boolean verifiedOnly,
      Instant from, Instant to, Instant now) {
    try (LogQuery query = load.get()) {
      return of(query, target, source, verifiedOnly, from, to, now);
    } catch (io.trailwarden.logs.store.LogStore.StoreException e) {
      return failed(source, verifiedOnly, from, to, now, e.code(), e.getMessage());
    } catch (InvalidInputException e) {
      return failed(source, verifiedOnly, from, to, now, "LogsUnreadable", e.getMessage());
    } catch (software.amazon.awssdk.awscore.exception.AwsServiceException e) {
      return failed(source, verifiedOnly, from, to, now, e.awsErrorDetails() != null ? e.awsErrorDetails().errorCode()
          : "AwsError", e.getMessage());
    } catch (java.io.UncheckedIOException | software.amazon.awssdk.core.exception.SdkClientException e) {
      return failed(source, verifiedOnly, from, to, now, "LogsUnreadable", e.getMessage());
    }
  }

  /** The section for a window already loaded. */
  public static LogActivity of(LogQuery query, LogVerifier.Target target, String source, boolean verifiedOnly, Instant from,
      Instant to, Instant now) {
    DuckDbEngine.Result tampering = query.run(Investigations.get(TAMPERING), Map.of());
    DuckDbEngine.Result root = query.run(Investigations.get(ROOT), Map.of());
    Map<String, int[]> counts = new TreeMap<>();
    target.accounts().forEach(a -> counts.put(a, new int[4]));
    query.files().forEach(f -> counts.computeIfAbsent(f.account(), a -> new int[4])[0]++);
    query.excluded().forEach(f -> counts.computeIfAbsent(f.account(), a -> new int[4])[1]++);
    List<LogActivity.Event> attempts = events(tampering, counts, 2, row -> new LogActivity.Event(instant(row.get("event_time")),
        text(row.get("account")), text(row.get("region")), optional(row.get("principal")), text(row.get("event_name")),
        optional(row.get("target")), optional(row.get("error_code")), optional(row.get("source_ip"))));
    List<LogActivity.Event> rootCalls = events(root, counts, 3, row -> new LogActivity.Event(instant(row.get("event_time")),
        text(row.get("account")), text(row.get("region")), Optional.of("arn:aws:iam::" + text(row.get("account")) + ":root"),
        text(row.get("event_name")), Optional.empty(), optional(row.get("error_code")), optional(row.get("source_ip"))));
    List<LogActivity.Account> accounts = new ArrayList<>();
    counts.forEach((id, c) -> accounts.add(new LogActivity.Account(id, c[0], c[1], c[2], c[3])));
    return new LogActivity(now, from, to, source, verifiedOnly, query.files().size(), query.excluded().size(), query.events(),
        Optional.empty(), accounts, attempts, rootCalls);
  }

  public static LogActivity failed(String source, boolean verifiedOnly, Instant from, Instant to, Instant now, String code,
      String message) {
    return new LogActivity(now, from, to, source, verifiedOnly, 0, 0, 0, Optional.of(new LogIntegrity.Failure(code, message)),
        List.of(), List.of(), List.of());
  }

  /** Counts every row into its account's slot and keeps the first {@link LogActivity#MAX_EVENTS}. */
  private static List<LogActivity.Event> events(DuckDbEngine.Result result, Map<String, int[]> counts, int slot,
      Function<Map<String, Object>, LogActivity.Event> event) {
    List<LogActivity.Event> kept = new ArrayList<>();
    for (List<Object> values : result.rows()) {
      Map<String, Object> row = new TreeMap<>();
      for (int i = 0; i < result.columns().size(); i++) {
        row.put(result.columns().get(i), values.get(i));
      }
      LogActivity.Event e = event.apply(row);
      counts.computeIfAbsent(e.accountId(), a -> new int[4])[slot]++;
      if (kept.size() < LogActivity.MAX_EVENTS) {
        kept.add(e);
      }
    }
    return kept;
  }

  private static Instant instant(Object value) {
    return Instant.parse(text(value));
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString();
  }

  private static Optional<String> optional(Object value) {
    return value == null ? Optional.empty() : Optional.of(value.toString());
  }
}
