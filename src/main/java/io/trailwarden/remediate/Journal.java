package io.trailwarden.remediate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.trailwarden.InputFiles;
import io.trailwarden.InvalidInputException;
import io.trailwarden.Json;
import io.trailwarden.JsonProblems;
import io.trailwarden.remediate.facet.Facets;
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
  private boolean recovered;

  /**
   * What happened to a change: intent (about to call AWS), then applied, failed, drift or skipped; a
   * change of several calls also journals each call's intent and completion between them.
   */
  public enum Event {
    INTENT, APPLIED, ALREADY_APPLIED, FAILED, DRIFT, SKIPPED, ROLLBACK_INTENT, ROLLED_BACK, ROLLBACK_REFUSED,
    /** One call of a change that takes several (before and after are that call's documents): about to be sent, and done. */
    CALL_INTENT, CALL_DONE
  }

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
      if (!recovered) {
        // Never append onto a line a crash cut short: that would make two entries one unreadable line.
        recover();
      }
      boolean created = !Files.exists(file);
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.APPEND)) {
        ByteBuffer buffer = ByteBuffer.wrap(line);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      if (created) {
        forceDirectory(dir);
      }
    } catch (IOException e) {
      // Without the journal a change could not be reviewed or rolled back: stop rather than go on blind.
      throw new UncheckedIOException(file + ": cannot write the remediation journal: " + e.getMessage(), e);
    }
  }

  /**
   * Makes the journal safe to append to after a crash. A final line without its newline is a write the
   * crash interrupted: a complete entry gets its newline; a partial one is cut off (the change it was
   * about is then known only by the entries before, which is what a crash before the write would have
   * left). Returns what was cut off, to report; a damaged line anywhere else is corruption, an input error.
   */
  public synchronized Optional<String> recover() {
    recovered = true;
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    String text = InputFiles.read(file, "journal");
    if (text.isEmpty() || text.endsWith("\n")) {
      parse(file, text);
      return Optional.empty();
    }
    Lines lines = parse(file, text);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      if (lines.torn().isEmpty()) {
        channel.position(channel.size());
        channel.write(ByteBuffer.wrap("\n".getBytes(StandardCharsets.UTF_8)));
        channel.force(true);
        return Optional.empty();
      }
      channel.truncate(lines.completeBytes());
      channel.force(true);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot repair the remediation journal: " + e.getMessage(), e);
    }
    return Optional.of(file + ":" + lines.tornLine() + ": the last line (" + lines.torn().get().length()
        + " characters) was cut short by an interrupted write and is removed; the " + lines.entries().size()
        + " entries before it are kept");
  }

  /** The complete entries; a torn final line (see {@link #recover()}) is left out, any other damage is an input error. */
  public static List<Entry> read(Path file) {
    return parse(file, InputFiles.read(file, "journal")).entries();
  }

  /** The entries of a journal's text, and its torn final line with where the complete lines end. */
  private record Lines(List<Entry> entries, Optional<String> torn, int tornLine, long completeBytes) {}

  private static Lines parse(Path file, String text) {
    List<Entry> entries = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    long bytes = 0;
    for (int i = 0; i < lines.length; i++) {
      boolean unterminated = i == lines.length - 1 && !lines[i].isEmpty();
      if (!lines[i].isBlank()) {
        try {
          entries.add(entry(file, i + 1, lines[i]));
        } catch (InvalidInputException e) {
          if (!unterminated) {
            throw e;
          }
          return new Lines(entries, Optional.of(lines[i]), i + 1, bytes);
        }
      }
      bytes += lines[i].getBytes(StandardCharsets.UTF_8).length + 1;
    }
    return new Lines(entries, Optional.empty(), 0, bytes);
  }

  private static Entry entry(Path file, int line, String text) {
    String at = file + ":" + line + ": not a journal entry: ";
    JsonNode node;
    try {
      node = Json.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      throw new InvalidInputException(at + "not valid JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw new InvalidInputException(at + "each line is a JSON object written by 'trailwarden remediate', not "
          + (node == null ? "nothing" : node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT)));
    }
    Entry entry;
    try {
      entry = Json.mapper().treeToValue(node, Entry.class);
    } catch (JsonMappingException e) {
      throw new InvalidInputException(at + JsonProblems.path(e) + ": " + JsonProblems.describe(e));
    } catch (JsonProcessingException e) {
      throw new InvalidInputException(at + e.getOriginalMessage());
    }
    List<String> missing = new ArrayList<>();
    if (entry.time() == null) missing.add("time");
    if (entry.event() == null) missing.add("event");
    if (entry.planId() == null) missing.add("planId");
    if (entry.changeId() == null) missing.add("changeId");
    if (entry.facet() == null) missing.add("facet");
    Target target = entry.target();
    if (target == null || target.kind() == null || target.accountId() == null || target.region() == null
        || target.resource() == null || target.name() == null) {
      missing.add("target (kind, accountId, region, resource, name)");
    }
    if (!missing.isEmpty()) {
      throw new InvalidInputException(at + "it lacks " + String.join(", ", missing));
    }
    if (Facets.find(entry.facet()).isEmpty()) {
      throw new InvalidInputException(at + "it names facet '" + entry.facet() + "', which this TrailWarden does not know");
    }
    return entry;
  }

  // A new file's name is durable only once its directory is: without this a crash could lose the journal.
  private static void forceDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // Some file systems cannot sync a directory; the entry itself is on disk.
    }
  }
}
