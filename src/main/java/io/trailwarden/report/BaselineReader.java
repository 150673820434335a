package io.trailwarden.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.trailwarden.InputFiles;
import io.trailwarden.InvalidInputException;
import io.trailwarden.Json;
import io.trailwarden.finding.Baseline;
import io.trailwarden.policy.Severity;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads a previous run's JSON report as a baseline. Only a complete report of this format version is
 * accepted: a truncated file, another format version or not a TrailWarden report is an input error
 * naming the file, never a silently empty baseline (which would make every failure look new).
 */
public final class BaselineReader {
  private BaselineReader() {}

  public static Baseline read(Path file) {
    String text = InputFiles.read(file, "baseline report");
    JsonNode root;
    try {
      root = Json.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      String at = e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr();
      throw new InvalidInputException(file + at + ": not a complete JSON report (truncated?): " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject() || !"TrailWarden".equals(root.path("tool").path("name").asText())) {
      throw new InvalidInputException(file + ": not a TrailWarden JSON report (trailwarden.json)");
    }
    JsonNode version = root.get("formatVersion");
    if (version == null || version.asInt() != JsonReporter.FORMAT_VERSION) {
      throw new InvalidInputException(file + ": $.formatVersion is " + (version == null ? "missing" : version)
          + "; this TrailWarden compares with reports of format " + JsonReporter.FORMAT_VERSION + ". Make a new baseline.");
    }
    Map<String, Baseline.Failure> failures = new TreeMap<>();
    JsonNode findings = root.path("findings");
    for (int i = 0; i < findings.size(); i++) {
      JsonNode f = findings.get(i);
      if (!"FAIL".equals(f.path("status").asText())) {
        continue;
      }
      String at = file + ": $.findings[" + i + "]";
      Severity severity = Severity.parse(f.path("severity").asText(""))
          .orElseThrow(() -> new InvalidInputException(at + ".severity: not a severity"));
      failures.put(text(f, "fingerprint", at), new Baseline.Failure(text(f, "fingerprint", at), text(f, "ruleId", at),
          text(f, "resource", at), severity, f.path("message").asText("")));
    }
    return new Baseline(file.toString(), text(root, "managementAccountId", file + ": $"),
        Optional.ofNullable(root.get("organizationId")).filter(JsonNode::isTextual).map(JsonNode::asText), failures);
  }

  private static String text(JsonNode node, String field, String at) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual() || value.asText().isEmpty()) {
      throw new InvalidInputException(at + "." + field + ": missing");
    }
    return value.asText();
  }
}
