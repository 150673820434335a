package io.trailwarden.logs.keys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwarden.InputFiles;
import io.trailwarden.InvalidInputException;
import io.trailwarden.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Saved ListPublicKeys answers, as {@code aws cloudtrail list-public-keys} prints them
 * ({@code {"PublicKeyList": [{"Value", "ValidityStartTime", "ValidityEndTime", "Fingerprint"}]}}, the
 * value base64). Digests name their key by fingerprint, so the answers of every region are pooled.
 */
public final class SavedPublicKeys implements PublicKeySource {
  private final List<ListedKey> keys;

  private SavedPublicKeys(List<ListedKey> keys) {
    this.keys = List.copyOf(keys);
  }

  /** Reads files, or every {@code *.json} in a directory; errors name the file and the JSON path. */
  public static SavedPublicKeys read(List<Path> paths) {
    List<ListedKey> keys = new ArrayList<>();
    for (Path path : paths) {
      for (Path file : files(path)) {
        keys.addAll(parse(InputFiles.read(file, "public keys"), file.toString()));
      }
    }
    return new SavedPublicKeys(keys);
  }

  @Override
  public List<ListedKey> list(String region, Instant start, Instant end) {
    return keys;
  }

  static List<ListedKey> parse(String text, String source) {
    JsonNode tree;
    try {
      tree = Json.mapper().readTree(text);
    } catch (IOException e) {
      throw new InvalidInputException(source + ": not valid JSON (a saved ListPublicKeys answer is expected)");
    }
    JsonNode list = tree == null ? null : tree.get("PublicKeyList");
    if (list == null || !list.isArray()) {
      throw new InvalidInputException(source + ": $.PublicKeyList: missing; expected the output of aws cloudtrail list-public-keys");
    }
    List<ListedKey> keys = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode key = list.get(i);
      String at = source + ": $.PublicKeyList[" + i + "]";
      JsonNode fingerprint = key.get("Fingerprint");
      JsonNode value = key.get("Value");
      if (fingerprint == null || !fingerprint.isTextual() || value == null || !value.isTextual()) {
        throw new InvalidInputException(at + ": Fingerprint and Value must be strings");
      }
      byte[] bytes;
      try {
        bytes = Base64.getDecoder().decode(value.asText().trim());
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException(at + ".Value: not base64");
      }
      keys.add(new ListedKey(fingerprint.asText(), bytes, time(key, "ValidityStartTime", at), time(key, "ValidityEndTime", at)));
    }
    return keys;
  }

  /** A ListPublicKeys answer in the CLI's shape, for the evidence locker. */
  public static String toJson(List<ListedKey> keys) {
    ObjectNode root = Json.mapper().createObjectNode();
    ArrayNode list = root.putArray("PublicKeyList");
    for (ListedKey key : keys) {
      ObjectNode entry = list.addObject();
      entry.put("Value", Base64.getEncoder().encodeToString(key.value()));
      entry.put("ValidityStartTime", key.validityStart().map(Instant::toString).orElse(null));
      entry.put("ValidityEndTime", key.validityEnd().map(Instant::toString).orElse(null));
      entry.put("Fingerprint", key.fingerprint());
    }
    return Json.pretty(root);
  }

  private static Optional<Instant> time(JsonNode key, String field, String at) {
    JsonNode value = key.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (value.isNumber()) {
      return Optional.of(Instant.ofEpochMilli((long) (value.asDouble() * 1000)));
    }
    try {
      return Optional.of(java.time.OffsetDateTime.parse(value.asText()).toInstant());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(at + "." + field + ": not a time stamp: " + value.asText());
    }
  }

  private static List<Path> files(Path path) {
    if (!Files.isDirectory(path)) {
      return List.of(path);
    }
    try (Stream<Path> list = Files.list(path)) {
      return list.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new InvalidInputException(path + ": cannot list the public keys directory: " + e.getMessage());
    }
  }
}
