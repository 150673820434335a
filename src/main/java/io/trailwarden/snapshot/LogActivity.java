package io.trailwarden.snapshot;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What {@code scan --with-logs} found in the organization trail's delivered logs of a window: the saved
 * investigations {@code audit_log_tampering} and {@code root_activity} run over them, counted per account,
 * with the first {@value #MAX_EVENTS} events of each kind so a finding can say who, when and from where.
 * {@code error} says why the logs could not be read at all; {@code excludedFiles} counts the log files
 * left out because {@code logs verify} could not prove them ({@code verifiedOnly}).
 */
public record LogActivity(
    Instant queriedAt,
    Instant from,
    Instant to,
    String source,
    boolean verifiedOnly,
    int files,
    int excludedFiles,
    long events,
    Optional<LogIntegrity.Failure> error,
    List<Account> accounts,
    List<Event> tamperAttempts,
    List<Event> rootActivity) {

  /** At most this many events of each kind are kept; the accounts' counts have them all. */
  public static final int MAX_EVENTS = 100;

  public LogActivity {
    accounts = List.copyOf(accounts);
    tamperAttempts = List.copyOf(tamperAttempts);
    rootActivity = List.copyOf(rootActivity);
  }

  /** One account's counts: its log files read and left out, and the events of each kind logged for it. */
  public record Account(String accountId, int files, int excludedFiles, int tamperAttempts, int rootCalls) {}

  /**
   * One event: when, in which account and region, who ({@code principal}: the caller's ARN), the call,
   * what it was aimed at ({@code target}: a trail or bucket), its error code (AccessDenied: refused) and
   * the caller's source IP address.
   */
  public record Event(Instant eventTime, String accountId, String region, Optional<String> principal, String eventName,
      Optional<String> target, Optional<String> errorCode, Optional<String> sourceIp) {}
}
