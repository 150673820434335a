package io.trailwarden.logs.fetch;

import io.trailwarden.InvalidInputException;
import io.trailwarden.Json;
import io.trailwarden.logs.store.Locker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a locker holds, written last by {@code logs fetch} (so a locker without it is unfinished): the
 * trail, bucket, window, accounts and regions, and how many files were copied.
 */
public record LockerManifest(int formatVersion, String trailArn, String bucket, Instant from, Instant to, Instant fetchedAt,
    List<String> accounts, List<String> regions, int digests, int logFiles) {
  public static final int FORMAT_VERSION = 1;

  public LockerManifest {
    accounts = List.copyOf(accounts);
    regions = List.copyOf(regions);
  }

  /** The locker's manifest, or empty for a directory that is not a finished locker (a plain aws s3 sync copy, say). */
  public static Optional<LockerManifest> read(Path dir) {
    Path file = Locker.file(dir, Locker.MANIFEST_FILE);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      LockerManifest manifest = Json.mapper().readValue(file.toFile(), LockerManifest.class);
      if (manifest.formatVersion() != FORMAT_VERSION) {
        throw new InvalidInputException(file + ": $.formatVersion: is " + manifest.formatVersion() + "; this TrailWarden reads "
            + FORMAT_VERSION);
      }
      return Optional.of(manifest);
    } catch (IOException e) {
      throw new InvalidInputException(file + ": not a locker manifest: " + e.getMessage());
    }
  }
}
