package io.trailwarden.logs.fetch;

import io.trailwarden.AtomicFiles;
import io.trailwarden.Json;
import io.trailwarden.logs.DigestListing;
import io.trailwarden.logs.LogVerifier;
import io.trailwarden.logs.digest.Digest;
import io.trailwarden.logs.digest.DigestKeys;
import io.trailwarden.logs.digest.GzipMember;
import io.trailwarden.logs.keys.ListedKey;
import io.trailwarden.logs.keys.PublicKeySource;
import io.trailwarden.logs.keys.SavedPublicKeys;
import io.trailwarden.logs.store.Locker;
import io.trailwarden.logs.store.LogStore;
import io.trailwarden.logs.store.S3LogStore;
import io.trailwarden.snapshot.Snapshot;
import io.trailwarden.snapshot.SnapshotIo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Copies a window's digests and the log files they list into an evidence locker ({@link Locker}):
 * in parallel per account × region; each file through a {@code .part} file moved into place only
 * once its bytes match the S3 ETag (MD5 for a single-part upload, the length otherwise), so nothing
 * half-written is ever there; files already present with the same ETag are skipped, so a second run
 * resumes. Each digest's user metadata (its signature) goes into a sidecar first; the public keys,
 * the snapshot and, last, the manifest follow.
 */
public final class LogFetcher {
  private final S3Client s3;
  private final String account;
  private final ObjectCopier copier;
  private final int concurrency;

  /** What a fetch did; {@code notFound} lists keys a digest names that the bucket does not have (verify reports them). */
  public record Fetched(int digests, int logFiles, int copied, int alreadyThere, List<String> notFound) {
    public Fetched {
      notFound = List.copyOf(notFound);
    }
  }

  public LogFetcher(S3Client s3, String account, int concurrency) {
    this.s3 = s3;
    this.account = account;
    this.copier = new ObjectCopier(s3, account);
    this.concurrency = concurrency;
  }

  public Fetched fetch(LogVerifier.Target target, Instant from, Instant to, PublicKeySource keys, Snapshot snapshot,
      Optional<String> trailArn, Path dir, Instant now) throws IOException {
    Files.createDirectories(dir);
    LogStore store = new S3LogStore(s3, account);
    Counts counts = new Counts();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, concurrency), runnable -> {
      Thread thread = new Thread(runnable, "trailwarden-logs-fetch");
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (String accountId : target.accounts()) {
        for (String region : target.regions()) {
          for (DigestKeys folder : target.folders(accountId, region)) {
            futures.add(pool.submit(() -> {
              copyChain(store, target.bucket(), folder, from, to, dir, counts);
              return null;
            }));
          }
        }
      }
      for (Future<?> future : futures) {
        await(future);
      }
    } finally {
      pool.shutdownNow();
    }
    for (String region : target.regions()) {
      List<ListedKey> listed = keys.list(region, from, to.plus(Duration.ofHours(2)));
      AtomicFiles.write(Locker.file(dir, Locker.PUBLIC_KEYS_FOLDER + "/" + region + ".json"), SavedPublicKeys.toJson(listed));
    }
    new SnapshotIo().write(snapshot, Locker.file(dir, Locker.SNAPSHOT_FILE));
    LockerManifest manifest = new LockerManifest(LockerManifest.FORMAT_VERSION, trailArn.orElse(""), target.bucket(), from, to,
        now, target.accounts(), target.regions(), counts.digests.get(), counts.logFiles.get());
    AtomicFiles.write(Locker.file(dir, Locker.MANIFEST_FILE), Json.pretty(manifest));
    return new Fetched(counts.digests.get(), counts.logFiles.get(), counts.copied.get(), counts.alreadyThere.get(),
        counts.notFound.stream().sorted().toList());
  }

  private static final class Counts {
    final AtomicInteger digests = new AtomicInteger();
    final AtomicInteger logFiles = new AtomicInteger();
    final AtomicInteger copied = new AtomicInteger();
    final AtomicInteger alreadyThere = new AtomicInteger();
    final List<String> notFound = java.util.Collections.synchronizedList(new ArrayList<>());
  }

  private void copyChain(LogStore store, String bucket, DigestKeys folder, Instant from, Instant to, Path dir, Counts counts)
      throws IOException {
    for (String key : DigestListing.inWindow(store, bucket, folder, from, to)) {
      if (!copy(bucket, key, dir, true, counts)) {
        continue;
      }
      counts.digests.incrementAndGet();
      Digest digest;
      try (InputStream in = Files.newInputStream(Locker.file(dir, key))) {
        digest = Digest.parse(GzipMember.inflateAll(in));
      } catch (IOException | Digest.FormatException e) {
        continue; // Copied as it is: verify will say what is wrong with it.
      }
      for (Digest.LogFile log : digest.logFiles()) {
        if (copy(log.s3Bucket(), log.s3Object(), dir, false, counts)) {
          counts.logFiles.incrementAndGet();
        }
      }
    }
  }

  /** Copies one object unless an identical copy is there; false when the bucket has no such key. */
  private boolean copy(String bucket, String key, Path dir, boolean sidecar, Counts counts) throws IOException {
    switch (copier.copy(bucket, key, dir, sidecar)) {
      case NOT_FOUND -> {
        counts.notFound.add(key);
        return false;
      }
      case ALREADY_THERE -> counts.alreadyThere.incrementAndGet();
      case COPIED -> counts.copied.incrementAndGet();
    }
    return true;
  }

  private static void await(Future<?> future) throws IOException {
    try {
      future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while fetching logs", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
