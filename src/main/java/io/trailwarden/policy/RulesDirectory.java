package io.trailwarden.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where the Rego rules are: a directory the user names ({@code --rules}, or {@code TRAILWARDEN_RULES}),
 * else the copy carried in the jar, unpacked into a temporary directory that {@link #close()} removes.
 */
public final class RulesDirectory implements AutoCloseable {
  static final String EMBEDDED = "/trailwarden/rules";

  private final Path dir;
  private final Optional<Path> temporary;
  private final String shown;

  private RulesDirectory(Path dir, Optional<Path> temporary, String shown) {
    this.dir = dir;
    this.temporary = temporary;
    this.shown = shown;
  }

  public static RulesDirectory resolve(Optional<Path> option, Map<String, String> env) {
    Optional<Path> named = option.or(() -> Optional.ofNullable(env.get("TRAILWARDEN_RULES"))
        .filter(s -> !s.isBlank()).map(Path::of));
    if (named.isPresent()) {
      Path dir = named.get().toAbsolutePath().normalize();
      if (!Files.isDirectory(dir)) {
        throw new io.trailwarden.InvalidInputException(named.get() + ": no such rules directory");
      }
      return new RulesDirectory(dir, Optional.empty(), named.get().toString());
    }
    return embedded();
  }

  /**
   * The directory holding the rules. OPA runs in its parent on the directory's own name, so its
   * messages read {@code <name>/<area>/<rule>.rego} whatever the directory is called.
   */
  public Path path() {
    return dir;
  }

  /** The directory as the user named it, for messages (the built-in copy's temporary path means nothing to them). */
  public String shown() {
    return shown;
  }

  /** The rule and library files OPA evaluates: every .rego except tests and test helpers. */
  public List<Path> policyFiles() {
    try (Stream<Path> files = Files.walk(dir)) {
      return files
          .filter(p -> p.toString().endsWith(".rego"))
          .filter(p -> !p.getFileName().toString().endsWith("_test.rego"))
          .filter(p -> !dir.relativize(p).startsWith(Path.of("lib", "test")))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    temporary.ifPresent(RulesDirectory::deleteTree);
  }

  private static RulesDirectory embedded() {
    try {
      URI uri = RulesDirectory.class.getResource(EMBEDDED).toURI();
      Path temp = Files.createTempDirectory("trailwarden-");
      Path target = temp.resolve("rules");
      if (uri.getScheme().equals("jar")) {
        try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
          copyTree(jar.getPath(EMBEDDED), target);
        }
      } else {
        copyTree(Path.of(uri), target);
      }
      return new RulesDirectory(target, Optional.of(temp), "the built-in rules");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot unpack the built-in rules", e);
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("the build carries no rules at " + EMBEDDED, e);
    }
  }

  private static void copyTree(Path source, Path target) throws IOException {
    try (Stream<Path> files = Files.walk(source)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Path to = target.resolve(source.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to);
        }
      }
    }
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A leftover temporary directory is harmless; the OS cleans its temp space.
    }
  }
}
