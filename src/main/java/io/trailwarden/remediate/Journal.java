package io.trailwarden.remediate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.trailwarden.InputFiles;
import io.trailwarden.InvalidInputException;
import io.trailwarden.Json;
import io.trailwarden.remediate.facet.Target;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The remediation journal: JSON Lines, append-only, one entry before and one after every AWS change,
 * each forced to disk before the next step. An interrupted run therefore leaves an {@code intent}
 * without its outcome, never a change that is not written down. Rollback reads it back.
 */
public final class Journal {
  private final Path file;

  /** What happened to a change: intent (about to call AWS), then applied, failed, drift or skipped. */
  public enum Event { INTENT, APPLIED, ALREADY_APPLIED, FAILED, DRIFT, SKIPPED, ROLLBACK_INTENT, ROLLED_BACK, ROLLBACK_REFUSED }

  /** One line of the journal. {@code caller} is the ARN of the identity that made the change. */
  public record Entry(Instant time, Event event, String planId, String changeId, String caller, String facet, Target target,
      JsonNode before, JsonNode after, Optional<String> message) {}

  public Journal(Path file) {
    this.file = file;
  }

  public Path file() {
    return file;
  }

  synchronized void append(Entry entry) {
    byte[] line = (Json.mapper().valueToTree(entry).toString() + "\n").getBytes(StandardCharsets.UTF_8);
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.APPEND)) {
        ByteBuffer buffer = ByteBuffer.wrap(line);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
    } catch (IOException e) {
      // Without the journal a change could not be reviewed or rolled back: stop rather than go on blind.
      throw new UncheckedIOException(file + ": cannot write the remediation journal: " + e.getMessage(), e);
    }
  }

  public static List<Entry> read(Path file) {
    String text = InputFiles.read(file, "journal");
    List<Entry> entries = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      try {
        entries.add(Json.mapper().readValue(lines[i], Entry.class));
      } catch (JsonProcessingException e) {
        throw new InvalidInputException(file + ":" + (i + 1) + ": not a journal entry: " + e.getOriginalMessage());
      }
    }
    return entries;
  }
}
