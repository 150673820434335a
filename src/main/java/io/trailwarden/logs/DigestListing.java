package io.trailwarden.logs;

import io.trailwarden.logs.digest.DigestKeys;
import io.trailwarden.logs.store.LogStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The digests of one trail, account and region in a window, as the AWS CLI chooses them: delivered at
 * or after the window's start and at most an hour after its end (a late delivery still covers the
 * window), oldest first. Listing starts a day before the window and stops after the day past its end.
 */
public final class DigestListing {
  /** Digests are delivered about an hour after the hour they cover. */
  public static final Duration DELIVERY_DELAY = Duration.ofHours(1);

  private DigestListing() {}

  public static List<String> inWindow(LogStore store, String bucket, DigestKeys folder, Instant from, Instant to) {
    Instant latest = to.plus(DELIVERY_DELAY);
    String lastDay = DigestKeys.day(latest);
    try (Stream<String> keys = store.keys(bucket, folder.digestFolder(), folder.listStartAfter(from))) {
      return keys.takeWhile(key -> folder.dayOf(key).map(day -> day.compareTo(lastDay) <= 0).orElse(false))
          .filter(key -> folder.digestTime(key).map(t -> !t.isBefore(from) && !t.isAfter(latest)).orElse(false))
          .sorted(Comparator.comparing((String key) -> folder.digestTime(key).orElseThrow()).thenComparing(key -> key))
          .toList();
    }
  }
}
