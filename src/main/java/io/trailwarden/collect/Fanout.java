package io.trailwarden.collect;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/** Runs independent collection tasks on the bounded pool and waits for all of them. */
final class Fanout {
  private final ExecutorService pool;

  Fanout(ExecutorService pool) {
    this.pool = pool;
  }

  /** Runs every task; a task's own AWS failures are already recorded, so only bugs propagate. */
  <T> void runAll(List<T> items, java.util.function.Consumer<T> task) {
    List<Future<?>> futures = new ArrayList<>();
    for (T item : items) {
      futures.add(pool.submit(() -> task.accept(item)));
    }
    futures.forEach(Fanout::join);
  }

  /** The task's result, waited for; its AWS failures are already recorded, so only bugs propagate. */
  static <T> T join(Future<T> future) {
    try {
      return future.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while collecting", e);
    }
  }
}
