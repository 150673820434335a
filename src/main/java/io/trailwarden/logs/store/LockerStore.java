package io.trailwarden.logs.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwarden.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A copy of the bucket on disk, laid out as {@link Locker} says; no AWS access. The bucket name is not
 * part of the layout: every key is read from the one directory, whichever bucket it was copied from.
 */
public final class LockerStore implements LogStore {
  private final Path dir;

  public LockerStore(Path dir) {
    this.dir = dir;
  }

  @Override
  public Stream<String> keys(String bucket, String prefix, String startAfter) {
    int cut = prefix.lastIndexOf('/');
    Path folder = Locker.file(dir, cut < 0 ? "." : prefix.substring(0, cut + 1) + ".");
    if (!Files.isDirectory(folder)) {
      return Stream.empty();
    }
    Path root = dir.toAbsolutePath().normalize();
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(Files::isRegularFile)
          .map(p -> root.relativize(p.toAbsolutePath().normalize()).toString().replace('\\', '/'))
          .filter(key -> key.startsWith(prefix) && key.compareTo(startAfter) > 0 && !key.endsWith(Locker.METADATA_SUFFIX)
              && !key.endsWith(".part"))
          .sorted()
          .toList()
          .stream();
    } catch (IOException e) {
      throw new StoreException("ReadError", "cannot list " + folder + ": " + e.getMessage());
    }
  }

  @Override
  public Optional<StoredObject> get(String bucket, String key) {
    Path file = Locker.file(dir, key);
    InputStream body;
    try {
      body = Files.newInputStream(file);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new StoreException("ReadError", "cannot read " + file + ": " + e.getMessage());
    }
    Map<String, String> metadata = new TreeMap<>();
    String eTag = "";
    Path sidecar = Locker.metadataFile(dir, key);
    if (Files.isRegularFile(sidecar)) {
      try {
        JsonNode tree = Json.mapper().readTree(sidecar.toFile());
        tree.path("metadata").fields().forEachRemaining(e -> metadata.put(e.getKey(), e.getValue().asText()));
        eTag = tree.path("eTag").asText("");
      } catch (IOException e) {
        closeQuietly(body);
        throw new StoreException("ReadError", sidecar + ": not a readable metadata sidecar: " + e.getMessage());
      }
    }
    return Optional.of(new StoredObject(body, metadata, eTag));
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException e) {
      // A read stream; nothing to lose.
    }
  }
}
