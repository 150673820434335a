package io.trailwarden.report;

import io.trailwarden.AtomicFiles;
import io.trailwarden.finding.Evaluation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes the chosen report files into the output directory, each one atomically. The files are
 * independent and rendering is pure, so they are written side by side, one thread per core: at
 * 10,000 accounts writing the reports took most of Java's time (bench/evaluate.sh).
 */
public final class ReportWriter {
  private ReportWriter() {}

  /** Returns the files written, in the order of {@code formats}. */
  public static List<Path> write(Evaluation evaluation, Collection<ReportFormat> formats, Path outputDir,
      ReportSettings settings) throws IOException {
    List<ReportFormat> distinct = formats.stream().distinct().toList();
    int threads = Math.max(1, Math.min(distinct.size(), Runtime.getRuntime().availableProcessors()));
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> Thread.ofPlatform().daemon().unstarted(r));
    try {
      List<Future<Path>> pending = new ArrayList<>();
      for (ReportFormat format : distinct) {
        pending.add(pool.submit(() -> {
          Path file = outputDir.resolve(format.fileName());
          Reporter reporter = Reporters.of(format, settings);
          AtomicFiles.write(file, out -> reporter.write(evaluation, out));
          return file;
        }));
      }
      List<Path> written = new ArrayList<>();
      for (Future<Path> file : pending) {
        written.add(result(file));
      }
      return written;
    } finally {
      pool.shutdownNow();
    }
  }

  /** The file written, or the failure of writing it as it was thrown. */
  private static Path result(Future<Path> file) throws IOException {
    try {
      return file.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing the reports", e);
    } catch (ExecutionException e) {
      switch (e.getCause()) {
        case IOException io -> throw io;
        case UncheckedIOException io -> throw io.getCause();
        case RuntimeException runtime -> throw runtime;
        case Error error -> throw error;
        default -> throw new IllegalStateException(e.getCause());
      }
    }
  }
}
