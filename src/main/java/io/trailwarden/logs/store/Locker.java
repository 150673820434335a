package io.trailwarden.logs.store;

import java.nio.file.Path;

/**
 * The evidence locker's layout, which {@code logs fetch} writes and {@code logs verify --source} reads:
 * every object at its own key under the directory (as {@code aws s3 sync} lays a bucket out), each
 * digest's S3 user metadata (the signature, lost by a plain sync) in a sidecar beside it, and, in
 * {@value #META_FOLDER}/, the ListPublicKeys answers per region and the snapshot the copy was made from.
 */
public final class Locker {
  public static final String METADATA_SUFFIX = ".s3-metadata.json";
  public static final String META_FOLDER = "trailwarden-locker";
  public static final String PUBLIC_KEYS_FOLDER = META_FOLDER + "/public-keys";
  public static final String SNAPSHOT_FILE = META_FOLDER + "/snapshot.json";
  public static final String MANIFEST_FILE = META_FOLDER + "/locker.json";

  private Locker() {}

  /** The file of an object; keys are relative paths, so one that climbs out of the directory is refused. */
  public static Path file(Path dir, String key) {
    Path root = dir.toAbsolutePath().normalize();
    Path file = root.resolve(key).normalize();
    if (!file.startsWith(root) || key.startsWith("/") || key.isEmpty()) {
      throw new IllegalArgumentException("the key " + key + " does not name a file inside " + dir);
    }
    return file;
  }

  public static Path metadataFile(Path dir, String key) {
    return file(dir, key + METADATA_SUFFIX);
  }
}
