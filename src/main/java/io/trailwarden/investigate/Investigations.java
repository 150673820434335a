package io.trailwarden.investigate;

import io.trailwarden.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The saved investigations: {@code investigations/<id>.sql} in the repository, carried in the jar at
 * {@value #EMBEDDED}; and a user's own file ({@code --sql FILE}) in the same format.
 */
public final class Investigations {
  static final String EMBEDDED = "/trailwarden/investigations";

  private Investigations() {}

  /** Every built-in investigation, by id. */
  public static List<Investigation> builtIn() {
    try {
      URI uri = Investigations.class.getResource(EMBEDDED).toURI();
      if (uri.getScheme().equals("jar")) {
        try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
          return read(jar.getPath(EMBEDDED), "investigations/");
        }
      }
      return read(Path.of(uri), "investigations/");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the built-in investigations", e);
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("the build carries no investigations at " + EMBEDDED, e);
    }
  }

  /** The investigations of a directory, each file named by its id. */
  public static List<Investigation> read(Path dir, String shownDir) throws IOException {
    List<Investigation> all = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(p -> p.getFileName().toString().endsWith(".sql")).sorted().toList()) {
        String name = file.getFileName().toString();
        Investigation investigation = Investigation.parse(Files.readString(file, StandardCharsets.UTF_8), shownDir + name);
        if (!name.equals(investigation.id() + ".sql")) {
          throw new InvalidInputException(shownDir + name + ": its id is " + investigation.id() + ", so the file must be "
              + investigation.id() + ".sql");
        }
        all.add(investigation);
      }
    }
    all.sort(Comparator.comparing(Investigation::id));
    return all;
  }

  public static Optional<Investigation> find(String id) {
    return builtIn().stream().filter(i -> i.id().equals(id)).findFirst();
  }

  /** A built-in investigation by id; an unknown id is an input error listing the known ones. */
  public static Investigation get(String id) {
    return find(id).orElseThrow(() -> new InvalidInputException("no investigation " + id + " (known: "
        + String.join(", ", builtIn().stream().map(Investigation::id).toList()) + "; or --sql FILE)"));
  }

  /** A user's investigation file. */
  public static Investigation file(Path file) {
    try {
      return Investigation.parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    } catch (NoSuchFileException e) {
      throw new InvalidInputException(file + ": no such file");
    } catch (IOException e) {
      throw new InvalidInputException(file + ": cannot read it: " + e.getMessage());
    }
  }
}
