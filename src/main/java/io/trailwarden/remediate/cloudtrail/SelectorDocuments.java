package io.trailwarden.remediate.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwarden.remediate.facet.Documents;
import java.util.List;

/**
 * Builds event selectors in the exact shape the snapshot's Trail serializes them (every operator
 * present, empty when unused), so an edited document compares equal to its re-read.
 */
final class SelectorDocuments {
  static final List<String> OPERATORS = List.of("equals", "startsWith", "endsWith", "notEquals", "notStartsWith",
      "notEndsWith");

  private SelectorDocuments() {}

  /** A basic selector recording {@code readWriteType} events. */
  static ObjectNode basic(String readWriteType, boolean includeManagementEvents) {
    ObjectNode selector = Documents.object().put("readWriteType", readWriteType)
        .put("includeManagementEvents", includeManagementEvents);
    selector.putArray("dataResources");
    selector.putArray("excludeManagementEventSources");
    return selector;
  }

  static ObjectNode dataResource(String type, String value) {
    ObjectNode resource = Documents.object().put("type", type);
    resource.putArray("values").add(value);
    return resource;
  }

  /** A field selector with one operator set. */
  static ObjectNode field(String field, String operator, String... values) {
    ObjectNode selector = Documents.object().put("field", field);
    OPERATORS.forEach(op -> {
      ArrayNode array = selector.putArray(op);
      if (op.equals(operator)) {
        for (String value : values) {
          array.add(value);
        }
      }
    });
    return selector;
  }

  static ObjectNode advanced(String name, ObjectNode... fields) {
    ObjectNode selector = Documents.object().put("name", name);
    ArrayNode array = selector.putArray("fieldSelectors");
    for (ObjectNode field : fields) {
      array.add(field);
    }
    return selector;
  }

  /** The field selector of {@code selector} on {@code field}, or a missing node. */
  static JsonNode fieldOf(JsonNode selector, String field) {
    for (JsonNode f : selector.path("fieldSelectors")) {
      if (f.path("field").asText().equals(field)) {
        return f;
      }
    }
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }

  /** True when the field selector uses only {@code operator}, with exactly these values in any order. */
  static boolean only(JsonNode field, String operator) {
    return OPERATORS.stream().allMatch(op -> op.equals(operator) || field.path(op).isEmpty());
  }
}
