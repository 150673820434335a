package io.trailwarden.policy;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwarden.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The independent oracle: {@code @cloud-copilot/iam-simulate} (npm, AGPL; a test instrument installed by
 * scripts/iam-simulate.sh into .tools/, never shipped) run through our driver src/test/node/iam-oracle.mjs,
 * one Node process per batch of simulations.
 */
final class IamSimulator {
  static final String VERSION = "0.1.173";
  static final String INSTALL_HINT = "install it with: bash scripts/iam-simulate.sh (the Maven build runs it and sets"
      + " IAM_SIMULATE_ORACLE to .tools/bin/iam-simulate-oracle)";
  private static final long TIMEOUT_SECONDS = 600;
  private static final java.util.concurrent.Executor READERS = java.util.concurrent.Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "iam-simulate-reader");
    t.setDaemon(true);
    return t;
  });

  private final Path driver;

  private IamSimulator(Path driver) {
    this.driver = driver;
  }

  static IamSimulator locate() {
    Path driver = Optional.ofNullable(System.getenv("IAM_SIMULATE_ORACLE")).filter(s -> !s.isBlank()).map(Path::of)
        .orElseGet(() -> io.trailwarden.TestFiles.projectDir().resolve(".tools/bin/iam-simulate-oracle"));
    if (!Files.isReadable(driver)) {
      fail("The IAM simulator (@cloud-copilot/iam-simulate " + VERSION + ") was not found at " + driver + "; " + INSTALL_HINT);
    }
    return new IamSimulator(driver);
  }

  /** The simulator's answer for each simulation, in order. */
  List<JsonNode> run(List<? extends JsonNode> simulations) {
    try {
      Process process = new ProcessBuilder("node", driver.toRealPath().toString()).start();
      // Own threads, not the common pool: on two cores it has one worker, which the caller may hold.
      CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()), READERS);
      CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()), READERS);
      try (Writer in = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8)) {
        int id = 0;
        for (JsonNode simulation : simulations) {
          var line = Json.mapper().createObjectNode();
          line.put("id", Integer.toString(id++));
          line.set("simulation", simulation);
          in.write(Json.mapper().writeValueAsString(line));
          in.write('\n');
        }
      }
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        fail("the IAM simulator did not finish " + simulations.size() + " simulations within " + TIMEOUT_SECONDS + " s");
      }
      if (process.exitValue() != 0) {
        fail("the IAM simulator exited " + process.exitValue() + ": " + err.join());
      }
      List<JsonNode> answers = new ArrayList<>();
      for (String line : out.join().split("\n")) {
        if (!line.isBlank()) {
          answers.add(Json.mapper().readTree(line));
        }
      }
      if (answers.size() != simulations.size()) {
        fail("the IAM simulator answered " + answers.size() + " of " + simulations.size() + " simulations: " + err.join());
      }
      return answers;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run node " + driver + " (" + INSTALL_HINT + ")", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String readAll(InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
