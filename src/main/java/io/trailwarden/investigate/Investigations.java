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
  /** The file of an investigation's Athena form, beside {@code <id>.sql}. */
  static final String ATHENA_SUFFIX = ".athena.sql";

  private Investigations() {}

  /** Every built-in investigation, by id, in its DuckDB form. */
  public static List<Investigation> builtIn() {
    return builtIn(Engine.DUCKDB);
  }

  /** Every built-in investigation, by id, in the form that runs on the engine. */
  public static List<Investigation> builtIn(Engine engine) {
    try {
      URI uri = Investigations.class.getResource(EMBEDDED).toURI();
      if (uri.getScheme().equals("jar")) {
        try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
          return read(jar.getPath(EMBEDDED), "investigations/", engine);
        }
      }
      return read(Path.of(uri), "investigations/", engine);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the built-in investigations", e);
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("the build carries no investigations at " + EMBEDDED, e);
    }
  }

  /** The investigations of a directory in their DuckDB form, each file named by its id. */
  public static List<Investigation> read(Path dir, String shownDir) throws IOException {
    return read(dir, shownDir, Engine.DUCKDB);
  }

  /**
   * The investigations of a directory in the engine's form: {@code <id>.sql} is the investigation; where
   * the Athena dialect needs other SQL, {@code <id>.athena.sql} beside it holds that form, with the same
   * header. Without one, the one file serves both engines.
   */
  public static List<Investigation> read(Path dir, String shownDir, Engine engine) throws IOException {
    List<Investigation> all = new ArrayList<>();
    List<String> names;
    try (Stream<Path> files = Files.list(dir)) {
      names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql")).sorted().toList();
    }
    for (String name : names) {
      if (name.endsWith(ATHENA_SUFFIX)) {
        String primary = name.substring(0, name.length() - ATHENA_SUFFIX.length()) + ".sql";
        if (!names.contains(primary)) {
          throw new InvalidInputException(shownDir + name + ": the Athena form of an investigation needs " + primary + " beside it");
        }
        continue;
      }
      Investigation investigation = parse(dir.resolve(name), shownDir + name);
      if (!name.equals(investigation.id() + ".sql")) {
        throw new InvalidInputException(shownDir + name + ": its id is " + investigation.id() + ", so the file must be "
            + investigation.id() + ".sql");
      }
      String athenaName = investigation.id() + ATHENA_SUFFIX;
      if (names.contains(athenaName)) {
        Investigation athena = parse(dir.resolve(athenaName), shownDir + athenaName);
        if (!athena.sameHeader(investigation)) {
          throw new InvalidInputException(shownDir + athenaName + ": its header must be the same as " + shownDir + name
              + "'s (id, title, description, window, parameters, columns): it is one investigation in two dialects");
        }
        if (engine == Engine.ATHENA) {
          investigation = athena;
        }
      }
      all.add(investigation);
    }
    all.sort(Comparator.comparing(Investigation::id));
    return all;
  }

  private static Investigation parse(Path file, String shown) throws IOException {
    return Investigation.parse(Files.readString(file, StandardCharsets.UTF_8), shown);
  }

  public static Optional<Investigation> find(String id) {
    return find(id, Engine.DUCKDB);
  }

  public static Optional<Investigation> find(String id, Engine engine) {
    return builtIn(engine).stream().filter(i -> i.id().equals(id)).findFirst();
  }

  /** A built-in investigation by id; an unknown id is an input error listing the known ones. */
  public static Investigation get(String id) {
    return get(id, Engine.DUCKDB);
  }

  /** As above, in the engine's form. */
  public static Investigation get(String id, Engine engine) {
    return find(id, engine).orElseThrow(() -> new InvalidInputException("no investigation " + id + " (known: "
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
