package io.trailwarden.snapshot;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What {@code logs verify} (or {@code scan --verify-logs}) proved about the delivered logs of the
 * organization trail in a window: per account and region, the digests and log files that verified,
 * the hours they cover, and every problem with its S3 key. {@code error} says why nothing could be
 * verified at all (no organization trail, say); a chain's {@code error} why that chain could not be read.
 */
public record LogIntegrity(
    Instant verifiedAt,
    Instant from,
    Instant to,
    Optional<String> trailArn,
    Optional<String> bucket,
    String source,
    Optional<Failure> error,
    List<Chain> chains) {

  /** At most this many problems are kept per chain; {@code problemCount} has them all. */
  public static final int MAX_PROBLEMS = 100;

  public LogIntegrity {
    chains = List.copyOf(chains);
  }

  /** The digest chain of one account and region. */
  public record Chain(
      String accountId,
      String region,
      String digestFolder,
      int digests,
      int backfillDigests,
      int logFiles,
      int hoursCovered,
      Optional<Instant> coveredFrom,
      Optional<Instant> coveredTo,
      int problemCount,
      List<Problem> problems,
      Optional<Failure> error) {
    public Chain {
      problems = List.copyOf(problems);
    }
  }

  /**
   * One thing wrong: {@code kind} is one of invalid, moved, unknown-key, missing, gap, chain-mismatch,
   * no-digests, log-missing, log-modified, log-trailing-data, log-invalid; {@code key} the S3 key.
   */
  public record Problem(String kind, String key, String message) {}

  /** Why something could not be read: AWS's error code (AccessDenied, NoSuchBucket, ...) and message. */
  public record Failure(String code, String message) {}
}
