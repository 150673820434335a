package io.trailwarden.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.trailwarden.InputFiles;
import io.trailwarden.InvalidInputException;
import io.trailwarden.Json;
import io.trailwarden.finding.Baseline;
import io.trailwarden.finding.Evaluation;
import io.trailwarden.finding.Finding;
import io.trailwarden.finding.Status;
import io.trailwarden.finding.Waiver;
import io.trailwarden.policy.RuleMetadata;
import io.trailwarden.policy.Severity;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Reads a {@code trailwarden.json} that {@link JsonReporter} wrote back into an {@link Evaluation}: the
 * rules and findings, which is what the exports need (collection errors and expired waivers are not read).
 * Anything that is not such a report — truncated, not JSON, a field missing or of the wrong kind — is an
 * {@link InvalidInputException} naming the file and the JSON path.
 */
public final class JsonReportReader {
  private final Path file;

  private JsonReportReader(Path file) {
    this.file = file;
  }

  public static Evaluation read(Path file) {
    String text = InputFiles.read(file, "report");
    JsonNode root;
    try {
      root = Json.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      throw new InvalidInputException(file + io.trailwarden.JsonProblems.syntax(e)
          + " (not a TrailWarden JSON report, or a truncated one)", e);
    }
    return new JsonReportReader(file).evaluation(root);
  }

  /** A previous report as a baseline: its failures, by fingerprint. */
  public static Baseline baseline(Path file) {
    return Baseline.of(file.toString(), read(file));
  }

  private Evaluation evaluation(JsonNode root) {
    if (root == null || !root.isObject() || !"TrailWarden".equals(root.path("tool").path("name").asText())) {
      throw new InvalidInputException(file + ": not a TrailWarden JSON report (trailwarden.json)");
    }
    JsonNode version = root.get("formatVersion");
    if (version == null || !version.isInt() || version.intValue() != JsonReporter.FORMAT_VERSION) {
      throw new InvalidInputException(file + ": /formatVersion is " + (version == null ? "missing" : version)
          + "; this TrailWarden reads reports of format " + JsonReporter.FORMAT_VERSION + ". Make a new one.");
    }
    List<RuleMetadata> rules = new ArrayList<>();
    JsonNode ruleNodes = array(root, "/rules");
    for (int i = 0; i < ruleNodes.size(); i++) {
      rules.add(rule(ruleNodes.get(i), "/rules/" + i));
    }
    Set<String> ruleIds = rules.stream().map(RuleMetadata::id).collect(Collectors.toSet());
    List<Finding> findings = new ArrayList<>();
    JsonNode findingNodes = array(root, "/findings");
    for (int i = 0; i < findingNodes.size(); i++) {
      Finding finding = finding(findingNodes.get(i), "/findings/" + i);
      if (!ruleIds.contains(finding.ruleId())) {
        throw invalid("/findings/" + i + "/ruleId", "a rule listed in /rules, not '" + finding.ruleId() + "'");
      }
      findings.add(finding);
    }
    Instant collectedAt;
    try {
      collectedAt = Instant.parse(text(root, "/collectedAt"));
    } catch (DateTimeParseException e) {
      throw invalid("/collectedAt", "an ISO-8601 instant");
    }
    return new Evaluation(text(root, "/tool/version"), collectedAt, text(root, "/managementAccountId"),
        optionalText(root, "/organizationId"), rules, findings, List.of(), List.of());
  }

  private RuleMetadata rule(JsonNode node, String path) {
    Map<String, List<String>> frameworks = new TreeMap<>();
    JsonNode frameworkNode = node.path("frameworks");
    if (!frameworkNode.isObject()) {
      throw invalid(path + "/frameworks", "an object");
    }
    frameworkNode.fields().forEachRemaining(e -> {
      List<String> controls = new ArrayList<>();
      e.getValue().forEach(c -> controls.add(c.asText()));
      frameworks.put(e.getKey(), controls);
    });
    List<RuleMetadata.Reference> references = new ArrayList<>();
    JsonNode refs = array(node, "/references", path);
    for (int i = 0; i < refs.size(); i++) {
      references.add(new RuleMetadata.Reference(text(refs.get(i), "/url", path + "/references/" + i),
          refs.get(i).path("description").asText("")));
    }
    return new RuleMetadata(text(node, "/id", path), text(node, "/title", path), node.path("description").asText(""),
        severity(node, path), text(node, "/remediation", path), optionalText(node, "/remediationId"),
        optionalText(node, "/remediationNone"),
        new TreeMap<>(frameworks), node.path("params").isObject() ? node.get("params") : Json.mapper().createObjectNode(),
        references, node.path("file").asText(""));
  }

  private Finding finding(JsonNode node, String path) {
    String ruleId = text(node, "/ruleId", path);
    String resource = text(node, "/resource", path);
    Status status;
    try {
      status = Status.valueOf(text(node, "/status", path));
    } catch (IllegalArgumentException e) {
      throw invalid(path + "/status", "one of PASS, FAIL, UNKNOWN, WAIVED");
    }
    Optional<Waiver> waiver = Optional.empty();
    JsonNode w = node.path("waiver");
    if (w.isObject()) {
      try {
        waiver = Optional.of(new Waiver(text(w, "/rule", path + "/waiver"), text(w, "/resource", path + "/waiver"),
            text(w, "/reason", path + "/waiver"), LocalDate.parse(text(w, "/expires", path + "/waiver"))));
      } catch (DateTimeParseException e) {
        throw invalid(path + "/waiver/expires", "a date YYYY-MM-DD");
      }
    }
    JsonNode evidence = node.has("evidence") ? node.get("evidence") : NullNode.getInstance();
    // Baselines match findings by fingerprint; a report without them cannot say what is new.
    String fingerprint = text(node, "/fingerprint", path);
    return new Finding(ruleId, status, severity(node, path), resource, text(node, "/accountId", path),
        text(node, "/region", path), node.path("message").asText(""), evidence, optionalText(node, "/fix"), waiver,
        fingerprint);
  }

  private Severity severity(JsonNode node, String path) {
    String text = text(node, "/severity", path);
    return Severity.parse(text).orElseThrow(() -> invalid(path + "/severity", "critical, high, medium or low"));
  }

  private JsonNode array(JsonNode node, String pointer) {
    return array(node, pointer, "");
  }

  private JsonNode array(JsonNode node, String pointer, String path) {
    JsonNode value = node.at(pointer);
    if (!value.isArray()) {
      throw invalid(path + pointer, "an array");
    }
    return value;
  }

  private String text(JsonNode node, String pointer) {
    return text(node, pointer, "");
  }

  private String text(JsonNode node, String pointer, String path) {
    JsonNode value = node.at(pointer);
    if (!value.isTextual()) {
      throw invalid(path + pointer, "a string");
    }
    return value.asText();
  }

  private static Optional<String> optionalText(JsonNode node, String pointer) {
    JsonNode value = node.at(pointer);
    return value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
  }

  private InvalidInputException invalid(String pointer, String expected) {
    return new InvalidInputException(file + ": not a TrailWarden JSON report: " + (pointer.isEmpty() ? "/" : pointer)
        + " must be " + expected);
  }
}
