package io.trailwarden.logs;

import io.trailwarden.InvalidInputException;
import io.trailwarden.logs.keys.PublicKeySource;
import io.trailwarden.logs.store.LogStore;
import io.trailwarden.snapshot.LogIntegrity;
import io.trailwarden.snapshot.Organization;
import io.trailwarden.snapshot.Snapshot;
import io.trailwarden.snapshot.Trail;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Log verification of a snapshot's organization trail: which trail, bucket, accounts and regions
 * (from the snapshot, narrowed by --accounts and --regions), then {@link LogVerifier}. What stops it
 * altogether (no organization trail, Organizations unread) becomes the result's {@code error}, so the
 * rule reports UNKNOWN rather than nothing.
 */
public final class LogVerification {
  /** The window and the narrowing; empty lists mean every account or region of the snapshot. */
  public record Request(Instant from, Instant to, List<String> accounts, List<String> regions, int concurrency) {
    public Request {
      accounts = List.copyOf(accounts);
      regions = List.copyOf(regions);
      if (!from.isBefore(to)) {
        throw new InvalidInputException("--from " + from + " is not before --to " + to);
      }
    }
  }

  private LogVerification() {}

  /** The organization trail an auditor means: the management account's organization trail. */
  public static Optional<Trail> organizationTrail(Snapshot snapshot) {
    String management = snapshot.scope().managementAccountId();
    return snapshot.trails().stream()
        .filter(t -> t.isOrganizationTrail() && t.accountId().equals(management))
        .filter(t -> snapshot.scope().trailName().map(n -> n.equals(t.name())).orElse(true))
        .findFirst();
  }

  /** What to verify, or why nothing can be. */
  public static LogVerifier.Target target(Snapshot snapshot, Request request) {
    Trail trail = organizationTrail(snapshot).orElseThrow(() -> new Unverifiable("NoOrganizationTrail",
        "the snapshot has no organization trail of the management account " + snapshot.scope().managementAccountId()
            + snapshot.scope().trailName().map(n -> " named " + n).orElse("")));
    Organization organization = snapshot.organization().orElseThrow(() -> new Unverifiable("OrganizationUnread",
        "Organizations could not be read, so the organization id in the log keys is unknown"));
    List<String> known = organization.accounts().stream().filter(a -> !"SUSPENDED".equals(a.status()))
        .map(Organization.Account::id).sorted().toList();
    List<String> accounts = narrow(known, request.accounts(), "--accounts", "an account of the organization");
    List<String> regions = narrow(snapshot.scope().regions(), request.regions(), "--regions", "a region of the snapshot");
    return new LogVerifier.Target(trail.s3BucketName(), trail.s3KeyPrefix(), Optional.of(organization.id()),
        snapshot.scope().managementAccountId(), trail.name(), trail.homeRegion(), accounts, regions);
  }

  /** A verification: the snapshot with its {@code logIntegrity}, and the keys of the log files it proved. */
  public record Proven(Snapshot snapshot, Set<String> logFiles) {
    public Proven {
      logFiles = Set.copyOf(logFiles);
    }
  }

  /**
   * Verifies and returns the snapshot with its {@code logIntegrity}.
   *
   * @param stores the store that reads a bucket, by bucket name
   */
  public static Snapshot verify(Snapshot snapshot, Request request, Function<String, LogStore> stores, PublicKeySource keys,
      String source, Instant now) {
    return prove(snapshot, request, stores, keys, source, now).snapshot();
  }

  /** As {@link #verify}, keeping the keys of the log files whose digest chain proved them ({@code --verified-only}). */
  public static Proven prove(Snapshot snapshot, Request request, Function<String, LogStore> stores, PublicKeySource keys,
      String source, Instant now) {
    Set<String> proven = Set.of();
    Optional<String> trailArn = organizationTrail(snapshot).map(Trail::arn);
    Optional<String> bucket = organizationTrail(snapshot).map(Trail::s3BucketName);
    LogIntegrity integrity;
    try {
      LogVerifier.Target target = target(snapshot, request);
      LogVerifier verifier = new LogVerifier(stores.apply(target.bucket()), keys, request.concurrency());
      List<LogIntegrity.Chain> chains = verifier.verify(target, request.from(), request.to(), now);
      proven = verifier.provenLogFiles();
      integrity = new LogIntegrity(now, request.from(), request.to(), trailArn, bucket, source, Optional.empty(), chains);
    } catch (Unverifiable e) {
      integrity = new LogIntegrity(now, request.from(), request.to(), trailArn, bucket, source,
          Optional.of(new LogIntegrity.Failure(e.code, e.getMessage())), List.of());
    }
    return new Proven(snapshot.withLogIntegrity(integrity), proven);
  }

  private static List<String> narrow(List<String> known, List<String> asked, String option, String what) {
    if (asked.isEmpty()) {
      return known;
    }
    for (String name : asked) {
      if (!known.contains(name)) {
        throw new InvalidInputException(option + " names " + name + ", which is not " + what + " (known: "
            + String.join(", ", known) + ")");
      }
    }
    return asked.stream().distinct().sorted().toList();
  }

  /** Nothing can be verified (or queried); {@code code} says why in one word. */
  public static final class Unverifiable extends RuntimeException {
    private final String code;

    Unverifiable(String code, String message) {
      super(message);
      this.code = code;
    }

    public String code() {
      return code;
    }
  }
}
