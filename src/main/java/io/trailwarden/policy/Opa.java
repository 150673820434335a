package io.trailwarden.policy;

import io.trailwarden.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * The OPA binary: found through {@code OPA_PATH}, then {@code PATH}; checked against the version
 * pinned in {@code scripts/opa.version} (carried in the jar).
 */
public final class Opa {
  static final String VERSION_RESOURCE = "/trailwarden/opa.version";
  private static final long TIMEOUT_SECONDS = 300;

  private final Path binary;

  private Opa(Path binary) {
    this.binary = binary;
  }

  /** Finds OPA, warning on {@code err} when it is not the pinned version. */
  public static Opa locate(Map<String, String> env, PrintWriter err) {
    Path binary = Optional.ofNullable(env.get("OPA_PATH")).filter(s -> !s.isBlank()).map(Path::of)
        .or(() -> onPath(env.getOrDefault("PATH", "")))
        .orElseThrow(() -> new InvalidInputException(
            "OPA " + pinnedVersion() + " was not found. Run scripts/opa.sh (it installs OPA into .tools/ and prints"
                + " its path) and set OPA_PATH to that path, or use the ./trailwarden launcher, which does both."));
    if (!Files.isExecutable(binary)) {
      throw new InvalidInputException("OPA_PATH=" + binary + " is not an executable file; run scripts/opa.sh to install OPA "
          + pinnedVersion() + ".");
    }
    Opa opa = new Opa(binary);
    String version = opa.version();
    if (!version.equals(pinnedVersion())) {
      if (!version.startsWith("1.")) {
        throw new InvalidInputException("OPA " + binary + " is version " + version + "; TrailWarden's rules need OPA 1.x (pinned: "
            + pinnedVersion() + "). Run scripts/opa.sh.");
      }
      err.println("warning: " + binary + " is OPA " + version + "; TrailWarden is tested with " + pinnedVersion()
          + " (scripts/opa.sh installs it).");
    }
    return opa;
  }

  public static String pinnedVersion() {
    try (InputStream in = Opa.class.getResourceAsStream(VERSION_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the build carries no " + VERSION_RESOURCE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Path binary() {
    return binary;
  }

  String version() {
    Result result = run(Path.of("."), List.of("version"), "");
    return result.stdout().lines().filter(l -> l.startsWith("Version: ")).findFirst()
        .map(l -> l.substring("Version: ".length()).trim())
        .orElseThrow(() -> new InvalidInputException(binary + " does not answer 'opa version' like OPA does: " + result.stderr()));
  }

  /** Runs OPA in {@code workDir} with stdin text; never throws on a non-zero exit. */
  Result run(Path workDir, List<String> args, String stdin) {
    List<String> command = new ArrayList<>();
    command.add(binary.toString());
    command.addAll(args);
    try {
      Process process = new ProcessBuilder(command).directory(workDir.toFile()).start();
      CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
      CompletableFuture<String> errText = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
      try (var in = process.getOutputStream()) {
        in.write(stdin.getBytes(StandardCharsets.UTF_8));
      }
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("opa " + args.get(0) + " did not finish within " + TIMEOUT_SECONDS + " s");
      }
      return new Result(process.exitValue(), out.join(), errText.join());
    } catch (IOException e) {
      throw new InvalidInputException("cannot run OPA at " + binary + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while OPA ran", e);
    }
  }

  /** Reads OPA's standard output as it is written, so a large result is never held as one text. */
  @FunctionalInterface
  interface StdoutReader<T> {
    T read(InputStream stdout) throws IOException;
  }

  /**
   * Runs OPA in {@code workDir} with stdin text, handing its standard output to {@code reader} while it
   * runs; never throws on a non-zero exit, and a reader that fails (output that is not what it expects)
   * is in the result, beside the exit code and standard error that say why.
   */
  <T> Streamed<T> stream(Path workDir, List<String> args, String stdin, StdoutReader<T> reader) {
    return stream(workDir, args, in -> in.write(stdin), reader, new CompletableFuture<>());
  }

  /** Writes OPA's standard input while it runs, so that a large input is never held as one text either. */
  @FunctionalInterface
  interface StdinWriter {
    void write(java.io.Writer stdin) throws IOException;
  }

  /**
   * As {@link #stream(Path, List, String, StdoutReader)}, with the input written by {@code stdin}; OPA is
   * killed when {@code abandoned} completes.
   */
  <T> Streamed<T> stream(Path workDir, List<String> args, StdinWriter stdin, StdoutReader<T> reader, CompletionStage<?> abandoned) {
    List<String> command = new ArrayList<>();
    command.add(binary.toString());
    command.addAll(args);
    try {
      Process process = new ProcessBuilder(command).directory(workDir.toFile()).start();
      abandoned.thenRun(process::destroyForcibly);
      // Threads of their own, not the common pool: on a two-core machine that has one thread, and the
      // stdin writer would wait behind the stderr reader while OPA waits for its input.
      CompletableFuture<String> errText = new CompletableFuture<>();
      Thread.ofPlatform().daemon().start(() -> errText.complete(readAll(process.getErrorStream())));
      CompletableFuture<Void> written = new CompletableFuture<>();
      Thread.ofPlatform().daemon().start(() -> {
        try (var in = new java.io.BufferedWriter(new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8),
            64 * 1024)) {
          stdin.write(in);
        } catch (IOException e) {
          // OPA stopped reading (it failed early): its exit code and standard error say why.
        } catch (RuntimeException e) {
          written.completeExceptionally(e); // the input could not be made: not OPA's fault, said as it is
        }
        written.complete(null);
      });
      T value = null;
      Exception failure = null;
      try (InputStream out = process.getInputStream()) {
        try {
          // The reader may close what it is given; the rest is drained below, so that OPA never blocks on a full pipe.
          value = reader.read(new java.io.FilterInputStream(out) {
            @Override
            public void close() {}
          });
        } catch (IOException | RuntimeException e) {
          failure = e;
        }
        out.transferTo(java.io.OutputStream.nullOutputStream());
      }
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("opa " + args.get(0) + " did not finish within " + TIMEOUT_SECONDS + " s");
      }
      written.join();
      stopped(args, abandoned);
      return new Streamed<>(process.exitValue(), Optional.ofNullable(value), Optional.ofNullable(failure), errText.join());
    } catch (IOException e) {
      stopped(args, abandoned); // killing OPA closes its streams
      throw new InvalidInputException("cannot run OPA at " + binary + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while OPA ran", e);
    }
  }

  private static void stopped(List<String> args, CompletionStage<?> abandoned) {
    if (abandoned.toCompletableFuture().isDone()) {
      throw new CancellationException("opa " + args.get(0) + " was stopped: its answer is no longer wanted");
    }
  }

  record Streamed<T>(int exitCode, Optional<T> value, Optional<Exception> failure, String stderr) {}

  private static String readAll(InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Optional<Path> onPath(String path) {
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "opa"))) {
        return Optional.of(Path.of(dir, "opa"));
      }
    }
    return Optional.empty();
  }

  record Result(int exitCode, String stdout, String stderr) {}
}
