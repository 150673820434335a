package io.trailwarden.snapshot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.trailwarden.InputFiles;
import io.trailwarden.InvalidInputException;
import io.trailwarden.Json;
import io.trailwarden.JsonProblems;
import io.trailwarden.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Collectors;

/**
 * Reads and writes snapshots. Reading checks, in order: JSON syntax (file:line:column), the schema
 * version, then the JSON Schema in {@code rules/schema/snapshot.json} (every violation by JSON path).
 */
public final class SnapshotIo {
  static final String SCHEMA_RESOURCE = "/trailwarden/rules/schema/snapshot.json";
  private static final int MAX_REPORTED_VIOLATIONS = 20;

  // Compiled on first read only: writing a snapshot (collect, scan, the engine's input) needs no schema.
  private JsonSchema schema;

  private JsonSchema schema() {
    if (schema == null) {
      try (InputStream in = SnapshotIo.class.getResourceAsStream(SCHEMA_RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("snapshot schema missing from the build: " + SCHEMA_RESOURCE);
        }
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
      } catch (IOException e) {
        throw new IllegalStateException("cannot read the snapshot schema", e);
      }
    }
    return schema;
  }

  public Snapshot read(Path file) {
    String text = InputFiles.read(file, "snapshot");
    return parse(text, file.toString());
  }

  /** Parses snapshot text; {@code source} names it in error messages. */
  public Snapshot parse(String text, String source) {
    JsonNode tree;
    try {
      tree = Json.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      throw new InvalidInputException(source + JsonProblems.syntax(e));
    }
    if (tree == null || !tree.isObject()) {
      throw new InvalidInputException(source + ": $: a snapshot is a JSON object");
    }
    JsonNode version = tree.get("schemaVersion");
    if (version == null || !version.isInt() || version.intValue() != Snapshot.SCHEMA_VERSION) {
      throw new InvalidInputException(source + ": $.schemaVersion: is " + (version == null ? "missing" : version)
          + "; this TrailWarden reads snapshot schema version " + Snapshot.SCHEMA_VERSION);
    }
    var violations = schema().validate(tree);
    if (!violations.isEmpty()) {
      String list = violations.stream()
          .sorted(Comparator.comparing((ValidationMessage m) -> m.getInstanceLocation().toString())
              .thenComparing(ValidationMessage::getMessage))
          .limit(MAX_REPORTED_VIOLATIONS)
          .map(m -> "  " + m.getMessage())
          .collect(Collectors.joining("\n"));
      throw new InvalidInputException(source + ": does not match the snapshot schema ("
          + violations.size() + " problem" + (violations.size() == 1 ? "" : "s") + "):\n" + list);
    }
    try {
      return Json.mapper().treeToValue(tree, Snapshot.class);
    } catch (JsonMappingException e) {
      throw new InvalidInputException(source + ": " + JsonProblems.path(e) + ": " + JsonProblems.describe(e));
    } catch (JsonProcessingException e) {
      throw new InvalidInputException(source + ": " + e.getOriginalMessage());
    }
  }

  /** The canonical text of a snapshot: what the rules see, and what {@code collect} writes. */
  public String toJson(Snapshot snapshot) {
    return Json.pretty(snapshot);
  }

  /** {@link #toJson} written to {@code out} as it is made (the input of {@code opa eval}). */
  public void writeJson(Snapshot snapshot, java.io.Writer out) throws IOException {
    Json.pretty(snapshot, out);
  }

  public void write(Snapshot snapshot, Path file) throws IOException {
    AtomicFiles.write(file, toJson(snapshot));
  }
}
