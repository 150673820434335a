package io.trailwarden;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Paths of the project under test (Surefire passes the project directory). */
public final class TestFiles {
  private TestFiles() {}

  public static Path projectDir() {
    return Path.of(System.getProperty("trailwarden.projectDir", ".")).toAbsolutePath().normalize();
  }

  public static Path example(String name) {
    return projectDir().resolve("examples").resolve(name);
  }

  public static Path rulesDir() {
    return projectDir().resolve("rules");
  }

  public static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A copy of the project's rules in a temporary directory, for tests that break a rule. */
  public static Path copyOfRules(Path tempDir) throws IOException {
    Path target = tempDir.resolve("rules");
    try (var files = Files.walk(rulesDir())) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Path to = target.resolve(rulesDir().relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to);
        }
      }
    }
    return target;
  }

  /** Deletes a file or a directory with everything in it. */
  public static void deleteTree(Path root) throws IOException {
    try (var files = Files.walk(root)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
