package io.trailwarden.logs;

import io.trailwarden.logs.digest.DigestKeys;
import io.trailwarden.logs.keys.ListedKey;
import io.trailwarden.logs.keys.PublicKeySource;
import io.trailwarden.logs.store.LogStore;
import io.trailwarden.snapshot.LogIntegrity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Verifies the digest chain of every account × region of an organization trail, in parallel: one task
 * per chain, at most {@code concurrency} at once. The public keys are listed once per region.
 */
public final class LogVerifier {
  private final LogStore store;
  private final PublicKeySource keys;
  private final int concurrency;
  private final Set<String> provenLogFiles = ConcurrentHashMap.newKeySet();

  public LogVerifier(LogStore store, PublicKeySource keys, int concurrency) {
    this.store = store;
    this.keys = keys;
    this.concurrency = concurrency;
  }

  /**
   * Whose logs, and where: the bucket and key prefix of the trail, the organization id (null for a
   * trail that is not an organization trail), and the accounts and regions to verify. The management
   * account's digests are also looked for under its own {@code AWSLogs/<account>/} prefix, where a
   * trail made before it became an organization trail delivered them.
   */
  public record Target(String bucket, Optional<String> keyPrefix, Optional<String> organizationId, String managementAccountId,
      String trailName, String homeRegion, List<String> accounts, List<String> regions) {
    public Target {
      accounts = List.copyOf(accounts);
      regions = List.copyOf(regions);
    }

    /** The digest folders of one account and region. */
    public List<DigestKeys> folders(String account, String region) {
      List<DigestKeys> folders = new ArrayList<>();
      folders.add(new DigestKeys(keyPrefix, organizationId, account, region, trailName, homeRegion));
      if (organizationId.isPresent() && account.equals(managementAccountId)) {
        folders.add(new DigestKeys(keyPrefix, Optional.empty(), account, region, trailName, homeRegion));
      }
      return folders;
    }
  }

  /** The keys of every log file a verified digest listed with its hash, across the chains verified so far. */
  public Set<String> provenLogFiles() {
    return Set.copyOf(provenLogFiles);
  }

  /** One chain per account × region, sorted by account then region. */
  public List<LogIntegrity.Chain> verify(Target target, Instant from, Instant to, Instant now) {
    Map<String, Map<String, ListedKey>> rings = new HashMap<>();
    Map<String, LogIntegrity.Failure> keyFailures = new HashMap<>();
    for (String region : target.regions()) {
      try {
        Map<String, ListedKey> ring = new HashMap<>();
        // As the AWS CLI does: keys valid from the window's start to two hours after its end (late deliveries).
        keys.list(region, from, to.plus(Duration.ofHours(2))).forEach(k -> ring.put(k.fingerprint(), k));
        rings.put(region, ring);
      } catch (PublicKeySource.KeyListingException e) {
        keyFailures.put(region, new LogIntegrity.Failure(e.code(), e.getMessage()));
      }
    }
    ChainVerifier verifier = new ChainVerifier(store, target.bucket(), from, to, now);
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, concurrency), runnable -> {
      Thread thread = new Thread(runnable, "trailwarden-logs-verify");
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<Future<LogIntegrity.Chain>> futures = new ArrayList<>();
      for (String account : target.accounts().stream().sorted().toList()) {
        for (String region : target.regions().stream().sorted().toList()) {
          futures.add(pool.submit(() -> chain(verifier, target, account, region, from, to, rings.get(region),
              keyFailures.get(region))));
        }
      }
      List<LogIntegrity.Chain> chains = new ArrayList<>();
      for (Future<LogIntegrity.Chain> future : futures) {
        chains.add(result(future));
      }
      return chains;
    } finally {
      pool.shutdownNow();
    }
  }

  private LogIntegrity.Chain chain(ChainVerifier verifier, Target target, String account, String region, Instant from,
      Instant to, Map<String, ListedKey> ring, LogIntegrity.Failure keyFailure) {
    List<DigestKeys> folders = target.folders(account, region);
    String folder = folders.get(0).digestFolder();
    Tally tally = new Tally(from, to);
    if (keyFailure != null) {
      return tally.chain(account, region, folder, Optional.of(keyFailure));
    }
    try {
      for (DigestKeys keys : folders) {
        verifier.verify(keys, ring, region, tally);
      }
    } catch (LogStore.StoreException e) {
      return new Tally(from, to).chain(account, region, folder, Optional.of(new LogIntegrity.Failure(e.code(), e.getMessage())));
    }
    provenLogFiles.addAll(tally.provenLogFiles);
    if (tally.listed == 0) {
      tally.problem("no-digests", folder, "no digest file of trail " + target.trailName() + " between " + from + " and " + to);
    }
    return tally.chain(account, region, folder, Optional.empty());
  }

  private static LogIntegrity.Chain result(Future<LogIntegrity.Chain> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while verifying logs", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
