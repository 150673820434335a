package io.trailwarden.cli;

import io.trailwarden.InvalidInputException;
import io.trailwarden.logs.LogVerification;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/** The logs verbs' window (--from, --to) and narrowing (--accounts, --regions). */
final class WindowOptions {
  static final Duration DEFAULT_WINDOW = Duration.ofHours(24);
  private static final Pattern AGE = Pattern.compile("([0-9]+)([mhd])");

  @Option(names = "--from", paramLabel = "TIME",
      description = "Start of the window: a time (2026-11-30T00:00:00Z) or an age (90m, 24h, 7d); default: 24h before --to.")
  String from;

  @Option(names = "--to", paramLabel = "TIME", description = "End of the window, a time or an age; default: now.")
  String to;

  @Option(names = "--accounts", split = ",", paramLabel = "IDS", description = "Only these accounts (default: every account).")
  List<String> accounts = new ArrayList<>();

  @Option(names = "--regions", split = ",", paramLabel = "R", description = "Only these regions (default: the snapshot's).")
  List<String> regions = new ArrayList<>();

  /** The request; the defaults apply where --from or --to is not given (a locker's own window, say). */
  LogVerification.Request request(Instant now, int concurrency, Optional<Instant> defaultFrom, Optional<Instant> defaultTo) {
    Instant end = to != null ? time(to, now, "--to") : defaultTo.orElse(now);
    Instant start = from != null ? time(from, now, "--from") : defaultFrom.orElse(end.minus(DEFAULT_WINDOW));
    return new LogVerification.Request(start, end, accounts, regions, concurrency);
  }

  /** A UTC time, or an age counted back from now. */
  static Instant time(String text, Instant now, String option) {
    Matcher age = AGE.matcher(text.trim());
    if (age.matches()) {
      return now.minus(age(age));
    }
    try {
      return OffsetDateTime.parse(text.trim()).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(option + " " + text + ": expected a time such as 2026-11-30T00:00:00Z or an age such as 24h");
    }
  }

  /** A duration such as 90m, 24h or 7d. */
  static Duration duration(String text, String option) {
    Matcher age = AGE.matcher(text.trim());
    if (!age.matches()) {
      throw new InvalidInputException(option + " " + text + ": expected a duration such as 90m, 24h or 7d");
    }
    return age(age);
  }

  private static Duration age(Matcher age) {
    long n = Long.parseLong(age.group(1));
    return switch (age.group(2)) {
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofDays(n);
    };
  }
}
