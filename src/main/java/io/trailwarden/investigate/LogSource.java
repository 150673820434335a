package io.trailwarden.investigate;

import io.trailwarden.Caches;
import io.trailwarden.logs.LogVerifier;
import io.trailwarden.logs.fetch.ObjectCopier;
import io.trailwarden.logs.store.Locker;
import io.trailwarden.logs.store.LockerStore;
import io.trailwarden.logs.store.S3LogStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The window's log files on disk: listed day folder by day folder (only the window's days and the
 * chosen accounts and regions), in parallel; from S3 through a download cache in the evidence
 * locker's layout ({@code <cache>/<bucket>/<key>}), where a file whose ETag the listing still gives is
 * not downloaded again; or read in place from a locker that {@code logs fetch} wrote. Every file is
 * checked ({@link LogFileCheck}) before the cache takes it, so the cache never holds a damaged file.
 */
public final class LogSource {
  /** What it took: day folders listed, files found, downloaded (and their bytes), already in the cache. */
  public record Fetched(List<LogFile> files, int folders, int downloaded, long bytesDownloaded, int cached) {}

  private final Lister lister;
  private final int concurrency;

  private interface Lister {
    List<LogFile> files(LogKeys.DayFolder folder, Counts counts) throws IOException;
  }

  private static final class Counts {
    final AtomicInteger downloaded = new AtomicInteger();
    final AtomicLong bytes = new AtomicLong();
    final AtomicInteger cached = new AtomicInteger();
  }

  private LogSource(Lister lister, int concurrency) {
    this.lister = lister;
    this.concurrency = concurrency;
  }

  /** The bucket through S3, cached under {@code cache/<bucket>/}. */
  public static LogSource s3(S3Client s3, String account, String bucket, Path cache, int concurrency) {
    S3LogStore store = new S3LogStore(s3, account);
    ObjectCopier copier = new ObjectCopier(s3, account);
    Path dir = cache.resolve(bucket);
    return new LogSource((folder, counts) -> {
      List<S3LogStore.Listed> listed;
      try (Stream<S3LogStore.Listed> objects = store.objects(bucket, folder.prefix(), "")) {
        listed = objects.toList();
      }
      List<LogFile> files = new ArrayList<>();
      for (S3LogStore.Listed object : listed) {
        String shown = "s3://" + bucket + "/" + object.key();
        folder.check(object.key(), shown);
        ObjectCopier.Result result = copier.copy(bucket, object.key(), object.eTag(), object.size(), dir,
            part -> LogFileCheck.check(part, shown));
        switch (result) {
          case COPIED -> {
            counts.downloaded.incrementAndGet();
            counts.bytes.addAndGet(object.size());
          }
          case ALREADY_THERE -> counts.cached.incrementAndGet();
          case NOT_FOUND -> {
            continue; // Deleted since it was listed: a query reads what is there.
          }
        }
        files.add(new LogFile(Locker.file(dir, object.key()), object.key(), shown, folder.account(), folder.region(), folder.day()));
      }
      return files;
    }, concurrency);
  }

  /** An evidence locker, read in place; every file is checked as it is found. */
  public static LogSource locker(Path dir, int concurrency) {
    LockerStore store = new LockerStore(dir);
    return new LogSource((folder, counts) -> {
      List<LogFile> files = new ArrayList<>();
      try (Stream<String> keys = store.keys("", folder.prefix(), "")) {
        for (String key : (Iterable<String>) keys::iterator) {
          Path file = Locker.file(dir, key);
          folder.check(key, file.toString());
          LogFileCheck.check(file, file.toString());
          files.add(new LogFile(file, key, file.toString(), folder.account(), folder.region(), folder.day()));
        }
      }
      return files;
    }, concurrency);
  }

  /** The window's files of the target's accounts and regions, sorted by key. */
  public Fetched fetch(LogVerifier.Target target, Instant from, Instant to) {
    List<LogKeys.DayFolder> folders = LogKeys.folders(target, from, to);
    Counts counts = new Counts();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, concurrency), runnable -> {
      Thread thread = new Thread(runnable, "trailwarden-logs-query");
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<Future<List<LogFile>>> futures = new ArrayList<>();
      for (LogKeys.DayFolder folder : folders) {
        futures.add(pool.submit(() -> lister.files(folder, counts)));
      }
      List<LogFile> files = new ArrayList<>();
      for (Future<List<LogFile>> future : futures) {
        files.addAll(result(future));
      }
      files.sort(Comparator.comparing(LogFile::shown));
      return new Fetched(files, folders.size(), counts.downloaded.get(), counts.bytes.get(), counts.cached.get());
    } finally {
      pool.shutdownNow();
    }
  }

  /** The default cache: {@code $XDG_CACHE_HOME/trailwarden/logs}, else {@code ~/.cache/trailwarden/logs}. */
  public static Path defaultCache(java.util.Map<String, String> env) {
    return Caches.base(env).resolve("logs");
  }

  private static <T> T result(Future<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading logs", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof IOException io) {
        throw new UncheckedIOException(io);
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
