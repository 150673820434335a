package io.trailwarden.remediate.facet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwarden.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Small helpers for the JSON documents facets read and remediations edit; edits copy, never mutate. */
public final class Documents {
  private Documents() {}

  public static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  public static JsonNode none() {
    return NullNode.getInstance();
  }

  /** True for a missing resource or setting. */
  public static boolean absent(JsonNode doc) {
    return doc == null || doc.isNull() || doc.isMissingNode();
  }

  /** A copy of {@code doc} with {@code field} set; an absent document stays absent (nothing to edit). */
  public static JsonNode with(JsonNode doc, String field, Object value) {
    if (absent(doc)) {
      return doc;
    }
    ObjectNode copy = ((ObjectNode) doc).deepCopy();
    copy.set(field, Json.mapper().valueToTree(value));
    return copy;
  }

  /** A text field, or empty when it is missing or null. */
  static Optional<String> text(JsonNode doc, String field) {
    JsonNode value = doc.path(field);
    return value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
  }

  /** Puts an optional value as a string or a JSON null, so every document of a facet has one shape. */
  public static void put(ObjectNode doc, String field, Optional<String> value) {
    doc.put(field, value.orElse(null));
  }

  /** An array's elements, or a single value alone (AWS documents write one or many), or none when missing or null. */
  public static List<JsonNode> elements(JsonNode value) {
    List<JsonNode> out = new ArrayList<>();
    if (value.isArray()) {
      value.forEach(out::add);
    } else if (!value.isMissingNode() && !value.isNull()) {
      out.add(value);
    }
    return out;
  }

  /** True when the array holds this text value. */
  public static boolean contains(JsonNode array, String value) {
    for (JsonNode v : array) {
      if (v.asText().equals(value)) {
        return true;
      }
    }
    return false;
  }
}
