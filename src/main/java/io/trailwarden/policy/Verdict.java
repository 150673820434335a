package io.trailwarden.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.trailwarden.policy.Severity;
import java.util.Optional;

/**
 * One element of a rule's {@code subjects}, {@code deny} or {@code unknown} set: the resource and
 * where it lives, and for deny/unknown what is wrong. A deny may lower or raise its own severity.
 */
public record Verdict(
    String resource,
    String accountId,
    String region,
    Optional<String> message,
    JsonNode evidence,
    Optional<String> fix,
    Optional<Severity> severity) {

  static Verdict fromJson(String ruleId, JsonNode node) {
    if (!node.isObject() || !node.path("resource").isTextual()) {
      throw new io.trailwarden.InvalidInputException(
          "rule " + ruleId + " produced an entry without a string \"resource\": " + node);
    }
    return new Verdict(
        node.get("resource").asText(),
        text(node, "accountId").orElse(""),
        text(node, "region").orElse(""),
        text(node, "message"),
        node.has("evidence") ? node.get("evidence") : NullNode.getInstance(),
        text(node, "fix"),
        text(node, "severity").flatMap(Severity::parse));
  }

  private static Optional<String> text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isTextual() && !value.asText().isEmpty()
        ? Optional.of(value.asText())
        : Optional.empty();
  }
}
