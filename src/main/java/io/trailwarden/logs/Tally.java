package io.trailwarden.logs;

import io.trailwarden.snapshot.LogIntegrity;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** What one chain's verification has counted so far: a chain's result in the making. */
final class Tally {
  private final Instant from;
  private final Instant to;
  private final List<LogIntegrity.Problem> problems = new ArrayList<>();
  private final TreeSet<Instant> hours = new TreeSet<>();
  /** The keys of the log files whose hash a verified digest lists and matches. */
  final Set<String> provenLogFiles = new HashSet<>();
  private int problemCount;
  int listed;
  int digests;
  int backfillDigests;
  int logFiles;

  Tally(Instant from, Instant to) {
    this.from = from;
    this.to = to;
  }

  void problem(String kind, String key, String message) {
    problemCount++;
    if (problems.size() < LogIntegrity.MAX_PROBLEMS) {
      problems.add(new LogIntegrity.Problem(kind, key, message));
    }
  }

  /** Marks the window's hours that a verified digest's [start, end] overlaps. */
  void cover(Instant start, Instant end) {
    Instant first = start.truncatedTo(ChronoUnit.HOURS);
    for (Instant hour = first; hour.isBefore(end); hour = hour.plus(Duration.ofHours(1))) {
      Instant hourEnd = hour.plus(Duration.ofHours(1));
      if (hourEnd.isAfter(from) && hour.isBefore(to)) {
        hours.add(hour);
      }
    }
  }

  LogIntegrity.Chain chain(String accountId, String region, String digestFolder, Optional<LogIntegrity.Failure> error) {
    Optional<Instant> coveredFrom = hours.isEmpty() ? Optional.empty() : Optional.of(max(hours.first(), from));
    Optional<Instant> coveredTo = hours.isEmpty() ? Optional.empty() : Optional.of(min(hours.last().plus(Duration.ofHours(1)), to));
    return new LogIntegrity.Chain(accountId, region, digestFolder, digests, backfillDigests, logFiles, hours.size(), coveredFrom,
        coveredTo, problemCount, problems, error);
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
