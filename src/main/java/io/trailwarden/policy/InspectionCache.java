package io.trailwarden.policy;

import io.trailwarden.AtomicFiles;
import io.trailwarden.Caches;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The answers of {@code opa inspect}, kept under a digest of everything they depend on: the OPA binary
 * (path, size, time) and every file of the rules directory (its own name, which OPA's answer names files
 * by, then each file's relative path and bytes). Reading the catalogue takes {@code opa inspect} about
 * 0.7 s, a quarter of evaluating a small organization; while the rules are unchanged the answer is read
 * back instead. It is only a cache: a file that cannot be read, written or parsed means OPA is asked.
 */
public final class InspectionCache {
  /** Answers kept; the oldest beyond these are removed when one is added (rules directories of tests come and go). */
  static final int KEPT = 32;

  private final Path dir;

  private InspectionCache(Path dir) {
    this.dir = dir;
  }

  public static InspectionCache in(Path dir) {
    return new InspectionCache(dir);
  }

  /** Under {@code $XDG_CACHE_HOME/trailwarden/rules}, else {@code ~/.cache/trailwarden/rules}. */
  public static InspectionCache standard(Map<String, String> env) {
    return in(Caches.base(env).resolve("rules"));
  }

  /** The digest naming the answer for these rules on this OPA; empty when a file of the rules cannot be read. */
  Optional<String> key(Path opaBinary, Path rulesDir) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      Path binary = opaBinary.toAbsolutePath();
      update(digest, "opa " + binary + " " + Files.size(binary) + " " + Files.getLastModifiedTime(binary).toMillis());
      update(digest, "rules " + rulesDir.getFileName());
      List<Path> files;
      try (Stream<Path> walk = Files.walk(rulesDir)) {
        files = walk.filter(Files::isRegularFile).sorted().toList();
      }
      for (Path file : files) {
        update(digest, rulesDir.relativize(file).toString().replace('\\', '/'));
        byte[] bytes = Files.readAllBytes(file);
        update(digest, Integer.toString(bytes.length));
        digest.update(bytes);
      }
      return Optional.of(HexFormat.of().formatHex(digest.digest()));
    } catch (IOException e) {
      return Optional.empty();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  Optional<String> get(String key) {
    try {
      return Optional.of(Files.readString(file(key), StandardCharsets.UTF_8));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  void put(String key, String answer) {
    try {
      AtomicFiles.write(file(key), answer);
      prune();
    } catch (IOException e) {
      // Not kept: the next run asks OPA again.
    }
  }

  private void prune() throws IOException {
    List<Path> answers;
    try (Stream<Path> list = Files.list(dir)) {
      answers = list.filter(f -> f.getFileName().toString().endsWith(".json"))
          .sorted(Comparator.comparing(InspectionCache::modified).reversed()).toList();
    }
    for (Path old : answers.subList(Math.min(KEPT, answers.size()), answers.size())) {
      Files.deleteIfExists(old);
    }
  }

  private static FileTime modified(Path file) {
    try {
      return Files.getLastModifiedTime(file);
    } catch (IOException e) {
      return FileTime.fromMillis(0);
    }
  }

  private Path file(String key) {
    return dir.resolve(key + ".json");
  }

  private static void update(MessageDigest digest, String text) {
    digest.update(text.getBytes(StandardCharsets.UTF_8));
    digest.update((byte) 0);
  }
}
