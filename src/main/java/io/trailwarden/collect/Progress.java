package io.trailwarden.collect;

import java.io.PrintWriter;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Collection progress: accounts and account x region pairs done, errors so far. On a terminal it
 * redraws one status line; in CI or a pipe it stays quiet.
 */
public interface Progress {
  void started(int accounts, int places);

  void placeDone(String accountId, int errorsSoFar);

  void finished();

  Progress QUIET = new Progress() {
    @Override
    public void started(int accounts, int places) {}

    @Override
    public void placeDone(String accountId, int errorsSoFar) {}

    @Override
    public void finished() {}
  };

  /** A status line on the terminal when there is one and this is not CI; quiet otherwise. */
  static Progress forTerminal(PrintWriter err, java.util.Map<String, String> env) {
    boolean interactive = System.console() != null && env.get("CI") == null;
    return interactive ? new Line(err) : QUIET;
  }

  /** Redraws one line: "collecting: 12/45 account-regions, 3/15 accounts, 1 error". */
  final class Line implements Progress {
    private final PrintWriter err;
    private final AtomicInteger places = new AtomicInteger();
    private final Set<String> accountsSeen = ConcurrentHashMap.newKeySet();
    private volatile int totalPlaces;
    private volatile int totalAccounts;

    Line(PrintWriter err) {
      this.err = err;
    }

    @Override
    public void started(int accounts, int places) {
      totalAccounts = accounts;
      totalPlaces = places;
    }

    @Override
    public synchronized void placeDone(String accountId, int errorsSoFar) {
      accountsSeen.add(accountId);
      err.printf("\rcollecting: %d/%d account-regions, %d/%d accounts, %d error%s   ", places.incrementAndGet(), totalPlaces,
          accountsSeen.size(), totalAccounts, errorsSoFar, errorsSoFar == 1 ? "" : "s");
      err.flush();
    }

    @Override
    public synchronized void finished() {
      err.print("\r" + " ".repeat(78) + "\r");
      err.flush();
    }
  }
}
