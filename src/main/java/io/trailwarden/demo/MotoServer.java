package io.trailwarden.demo;

import io.trailwarden.InvalidInputException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A moto server (the AWS API emulator) on a free loopback port, for the demo and the integration
 * tests. Found through {@code MOTO_SERVER_PATH}, {@code .tools/bin/moto_server} or {@code PATH};
 * scripts/moto.sh installs the pinned version.
 */
public final class MotoServer implements AutoCloseable {
  static final String INSTALL_HINT = "Run scripts/moto.sh (it installs moto[server] into .tools/ and prints its path) "
      + "and set MOTO_SERVER_PATH to that path, or use the ./trailwarden launcher, which does both.";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private final Process process;
  private final URI endpoint;
  private final Path log;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private MotoServer(Process process, URI endpoint, Path log) {
    this.process = process;
    this.endpoint = endpoint;
    this.log = log;
  }

  /** Starts moto_server on 127.0.0.1 at a free port and waits until it answers. */
  public static MotoServer start(Map<String, String> env) {
    Path executable = locate(env).orElseThrow(() -> new InvalidInputException("moto_server (the AWS emulator) was not found. " + INSTALL_HINT));
    try {
      int port = freePort();
      Path log = Files.createTempFile("trailwarden-moto-", ".log");
      ProcessBuilder builder = new ProcessBuilder(List.of(executable.toString(), "-H", "127.0.0.1", "-p", String.valueOf(port)))
          .redirectErrorStream(true)
          .redirectOutput(log.toFile());
      // Every account id comes from the request; a fixed MOTO_ACCOUNT_ID would break cross-account calls.
      builder.environment().remove("MOTO_ACCOUNT_ID");
      MotoServer server = new MotoServer(builder.start(), URI.create("http://127.0.0.1:" + port), log);
      server.awaitReady();
      return server;
    } catch (IOException e) {
      throw new InvalidInputException("cannot start " + executable + ": " + e.getMessage() + ". " + INSTALL_HINT, e);
    }
  }

  public URI endpoint() {
    return endpoint;
  }

  /** Forgets every resource, as a fresh server would. */
  public void reset() {
    post("/moto-api/reset");
  }

  /** Makes the account ids that CreateAccount returns the same on every run. */
  public void seedRandomness(int seed) {
    post("/moto-api/seed?a=" + seed);
  }

  /**
   * Queues what moto's Athena answers the next queries with, one result each ({@code /moto-api/static/
   * athena/query-results}): moto runs no SQL, so a test or the demo says what the engine would have
   * returned. {@code resultsJson} is moto's body: {@code {"account_id", "region", "results": [{"rows",
   * "column_info"}]}}.
   */
  public void queueAthenaResults(String resultsJson) {
    post("/moto-api/static/athena/query-results", resultsJson, 201);
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(Duration.ofSeconds(10).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    try {
      Files.deleteIfExists(log);
    } catch (IOException e) {
      // A leftover temporary log is harmless.
    }
  }

  static Optional<Path> locate(Map<String, String> env) {
    Optional<Path> named = Optional.ofNullable(env.get("MOTO_SERVER_PATH")).filter(s -> !s.isBlank()).map(Path::of);
    if (named.isPresent()) {
      return named.filter(Files::isExecutable);
    }
    Path local = Path.of(".tools", "bin", "moto_server");
    if (Files.isExecutable(local)) {
      return Optional.of(local.toAbsolutePath());
    }
    for (String dir : env.getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "moto_server"))) {
        return Optional.of(Path.of(dir, "moto_server"));
      }
    }
    return Optional.empty();
  }

  private void awaitReady() {
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new InvalidInputException("moto_server exited at start (code " + process.exitValue() + "): " + tail() + " " + INSTALL_HINT);
      }
      try {
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(endpoint.resolve("/moto-api/data.json"))
            .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        sleep();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    close();
    throw new InvalidInputException("moto_server did not answer on " + endpoint + " within " + START_TIMEOUT.toSeconds() + " s: " + tail());
  }

  private void post(String path) {
    post(path, null, 200);
  }

  /** Posts to one of moto's own endpoints (a JSON body, or none). */
  public void post(String path, String json, int expectedStatus) {
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.resolve(path)).timeout(Duration.ofSeconds(30));
      request = json == null ? request.POST(HttpRequest.BodyPublishers.noBody())
          : request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != expectedStatus) {
        throw new IllegalStateException("moto " + path + " answered " + response.statusCode() + ": " + response.body());
      }
    } catch (IOException e) {
      throw new IllegalStateException("moto " + path + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private String tail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 10), lines.size()));
    } catch (IOException e) {
      return "(no log)";
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
