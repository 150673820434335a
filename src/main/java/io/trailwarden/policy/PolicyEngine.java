package io.trailwarden.policy;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwarden.InvalidInputException;
import io.trailwarden.Json;
import io.trailwarden.policy.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Runs the Rego rules on the real OPA binary: the catalogue comes from the rules' METADATA through one
 * {@code opa inspect}; every selected rule is evaluated by one {@code opa eval}.
 */
public final class PolicyEngine {
  static final String RULES_PACKAGE = "data.trailwarden.rules.";
  private static final Comparator<Verdict> ORDER =
      Comparator.comparing(Verdict::resource).thenComparing(v -> v.message().orElse(""));

  /** Reads one value of a stream whose tokens go on after it (Json's mapper refuses trailing tokens). */
  private static final ObjectReader TREES = Json.mapper().reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final Opa opa;
  private final RulesDirectory rules;
  private final Optional<InspectionCache> inspections;

  public PolicyEngine(Opa opa, RulesDirectory rules) {
    this(opa, rules, Optional.empty());
  }

  /** With {@code opa inspect}'s answers kept in {@code inspections} while the rules and OPA are unchanged. */
  public PolicyEngine(Opa opa, RulesDirectory rules, Optional<InspectionCache> inspections) {
    this.opa = opa;
    this.rules = rules;
    this.inspections = inspections;
  }

  /** The frameworks and controls the rules directory names ({@code frameworks.yaml}); none without the file. */
  public Frameworks frameworks() {
    return Frameworks.read(rules.path());
  }

  /** Reads every rule's metadata; a Rego error or incomplete metadata names the file and line. */
  public Catalogue catalogue() {
    JsonNode inspected = inspect();
    Map<String, RuleMetadata> rulesById = new TreeMap<>();
    for (JsonNode entry : inspected.path("annotations")) {
      String pkg = path(entry.path("path"));
      JsonNode annotations = entry.path("annotations");
      if (!annotations.path("scope").asText().equals("package") || !pkg.startsWith(RULES_PACKAGE)) {
        continue;
      }
      RuleMetadata rule = MetadataReader.read(pkg.substring(RULES_PACKAGE.length()), annotations,
          entry.path("location").path("file").asText() + ":" + entry.path("location").path("row").asInt());
      rulesById.put(rule.id(), rule);
    }
    inspected.path("namespaces").fieldNames().forEachRemaining(namespace -> {
      String id = namespace.startsWith(RULES_PACKAGE) ? namespace.substring(RULES_PACKAGE.length()) : "";
      if (!id.isEmpty() && !id.endsWith("_test") && !rulesById.containsKey(id)) {
        throw new InvalidInputException(files(inspected, namespace) + ": rule package " + namespace
            + " has no # METADATA block with title, description and custom.id/severity/remediation");
      }
    });
    if (rulesById.isEmpty()) {
      // Zero rules would judge nothing and pass everything: an empty or wrong directory is the user's to fix.
      throw new InvalidInputException(rules.shown() + ": holds no rules (no .rego file with a package trailwarden.rules.<id>"
          + " and its # METADATA); name the rules directory with --rules or $TRAILWARDEN_RULES");
    }
    return new Catalogue(List.copyOf(rulesById.values()));
  }

  /** What {@code opa inspect --annotations} answers for the rules, from the cache when it holds the answer. */
  private JsonNode inspect() {
    Optional<String> key = inspections.flatMap(cache -> cache.key(opa.binary(), rules.path()));
    Optional<JsonNode> kept = key.flatMap(k -> inspections.get().get(k)).flatMap(PolicyEngine::parsed);
    if (kept.isPresent()) {
      return kept.get();
    }
    Opa.Result result = opa.run(workDir(), List.of("inspect", "--annotations", "--format", "json", rules.path().getFileName().toString()), "");
    if (result.exitCode() != 0) {
      throw new InvalidInputException("the rules in " + rules.shown() + " do not compile:\n"
          + result.stderr().strip().replaceFirst("^error: ", ""));
    }
    JsonNode inspected = parse(result.stdout(), "opa inspect");
    key.ifPresent(k -> inspections.get().put(k, result.stdout()));
    return inspected;
  }

  private static Optional<JsonNode> parsed(String text) {
    try {
      return Optional.of(Json.mapper().readTree(text)).filter(JsonNode::isObject);
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  /**
   * Evaluates the rules with the snapshot as input and {@code params} (rule id to parameters) as
   * {@code data.trailwarden.params}; one result per rule, in the order given.
   */
  public List<RuleResult> evaluate(String snapshotJson, Map<String, JsonNode> params, Collection<String> ruleIds) {
    return evaluate(out -> out.write(snapshotJson), params, ruleIds);
  }

  /** The snapshot's JSON as written by {@code snapshotJson}, straight into OPA's standard input. */
  public interface SnapshotJson {
    void writeTo(java.io.Writer out) throws IOException;
  }

  /** As {@link #evaluate(String, Map, Collection)}, the snapshot written to OPA as it reads, never held as text. */
  public List<RuleResult> evaluate(SnapshotJson snapshotJson, Map<String, JsonNode> params, Collection<String> ruleIds) {
    return evaluate(snapshotJson, params, ruleIds, new CompletableFuture<>());
  }

  /**
   * As {@link #evaluate(SnapshotJson, Map, Collection)}; once {@code abandoned} completes, OPA is stopped
   * (its answer is no longer wanted: the snapshot it was given turned out invalid) and this throws.
   */
  public List<RuleResult> evaluate(SnapshotJson snapshotJson, Map<String, JsonNode> params, Collection<String> ruleIds,
      CompletionStage<?> abandoned) {
    if (ruleIds.isEmpty()) {
      return List.of();
    }
    Path dataFile = null;
    try {
      dataFile = Files.createTempFile("trailwarden-params-", ".json");
      ObjectNode data = Json.mapper().createObjectNode();
      data.putObject("trailwarden").set("params", Json.mapper().valueToTree(new TreeMap<>(params)));
      Files.writeString(dataFile, Json.mapper().writeValueAsString(data));

      List<String> args = new ArrayList<>(List.of("eval", "--format", "json", "--strict-builtin-errors", "--stdin-input", "--data", dataFile.toString()));
      for (Path file : rules.policyFiles()) {
        args.add("--data");
        args.add(workDir().relativize(file).toString());
      }
      args.add(query(ruleIds));
      Opa.Streamed<Answer> run = opa.stream(workDir(), args, snapshotJson::writeTo, stdout -> readAnswer(stdout, ruleIds), abandoned);
      if (run.exitCode() == 0 && run.failure().orElse(null) instanceof InvalidInputException invalid) {
        throw invalid; // a rule's element that is not a verdict
      }
      if (run.exitCode() == 0 && run.failure().isPresent()) {
        throw new IllegalStateException("opa eval printed something that is not the JSON expected: "
            + run.failure().get().getMessage(), run.failure().get());
      }
      Answer answer = run.value().orElse(null);
      if (run.exitCode() != 0 || answer == null || answer.errors() != null) {
        // With --strict-builtin-errors a rule that errors (a division by zero, a type error) stops the
        // run here, where otherwise its expression would be undefined and the rule would silently never fire.
        throw new InvalidInputException("the rules in " + rules.shown() + " failed to evaluate:\n"
            + describeErrors(answer == null ? null : answer.errors(), run.stderr()));
      }
      List<RuleResult> results = new ArrayList<>();
      for (String id : ruleIds) {
        RuleResult result = answer.results().get(id);
        if (result == null) {
          throw new InvalidInputException("rule " + id + " must define the sets subjects, deny and unknown (docs/architecture.md §4)");
        }
        results.add(result);
      }
      return results;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (dataFile != null) {
        dataFile.toFile().delete();
      }
    }
  }

  private Path workDir() {
    return rules.path().getParent();
  }

  /** One object keyed by rule id; a rule lacking any of the three sets drops out and is reported. */
  static String query(Collection<String> ruleIds) {
    String ids = ruleIds.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(", "));
    return "{id: {\"subjects\": s, \"deny\": d, \"unknown\": u} | some id in [" + ids + "];"
        + " s := data.trailwarden.rules[id].subjects;"
        + " d := data.trailwarden.rules[id].deny;"
        + " u := data.trailwarden.rules[id].unknown}";
  }

  /** What {@code opa eval} answered: each rule's three sets, or the errors it reported instead. */
  private record Answer(Map<String, RuleResult> results, JsonNode errors) {}

  /**
   * Reads {@code {"result": [{"expressions": [{"value": {id: {subjects, deny, unknown}}}]}]}} (or
   * {@code {"errors": [...]}}) token by token, turning each set's element into a {@link Verdict} as it
   * comes, so that the result of a large organization is never held as text or as one tree. Null
   * when OPA printed nothing.
   */
  private static Answer readAnswer(InputStream stdout, Collection<String> ruleIds) throws IOException {
    try (JsonParser parser = Json.mapper().getFactory().createParser(stdout)) {
      if (parser.nextToken() == null) {
        return null;
      }
      expect(parser, JsonToken.START_OBJECT);
      Map<String, RuleResult> results = new HashMap<>();
      JsonNode errors = null;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        parser.nextToken();
        if (field.equals("result")) {
          first(parser, () -> field(parser, "expressions", () -> first(parser, () -> field(parser, "value", () -> {
            expect(parser, JsonToken.START_OBJECT);
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
              String id = parser.currentName();
              parser.nextToken();
              results.put(id, ruleResult(parser, id));
            }
          }))));
        } else if (field.equals("errors")) {
          errors = TREES.readTree(parser);
        } else {
          parser.skipChildren();
        }
      }
      return new Answer(results, errors);
    }
  }

  private static RuleResult ruleResult(JsonParser parser, String id) throws IOException {
    expect(parser, JsonToken.START_OBJECT);
    Map<String, List<Verdict>> sets = new HashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String set = parser.currentName();
      parser.nextToken();
      List<Verdict> verdicts = new ArrayList<>();
      if (parser.currentToken() == JsonToken.START_ARRAY) {
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          verdicts.add(Verdict.fromJson(id, TREES.readTree(parser)));
        }
      } else {
        JsonNode value = TREES.readTree(parser);
        value.forEach(node -> verdicts.add(Verdict.fromJson(id, node)));
      }
      verdicts.sort(ORDER);
      sets.put(set, verdicts);
    }
    return new RuleResult(id, sets.getOrDefault("subjects", List.of()), sets.getOrDefault("deny", List.of()),
        sets.getOrDefault("unknown", List.of()));
  }

  private interface Step {
    void run() throws IOException;
  }

  /** At an array: runs {@code inside} on its first element, skips the others. */
  private static void first(JsonParser parser, Step inside) throws IOException {
    expect(parser, JsonToken.START_ARRAY);
    if (parser.nextToken() != JsonToken.END_ARRAY) {
      inside.run();
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        parser.skipChildren();
      }
    }
  }

  /** At an object: runs {@code inside} on the value of {@code name}, skips the other fields. */
  private static void field(JsonParser parser, String name, Step inside) throws IOException {
    expect(parser, JsonToken.START_OBJECT);
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      parser.nextToken();
      if (field.equals(name)) {
        inside.run();
      } else {
        parser.skipChildren();
      }
    }
  }

  private static void expect(JsonParser parser, JsonToken token) throws IOException {
    if (parser.currentToken() != token) {
      throw new JsonParseException(parser, "expected " + token + " but found " + parser.currentToken());
    }
  }

  private static String describeErrors(JsonNode errors, String stderr) {
    if (errors == null) {
      return stderr.strip();
    }
    List<String> lines = new ArrayList<>();
    for (JsonNode error : errors) {
      JsonNode location = error.path("location");
      String where = location.has("file")
          ? location.path("file").asText() + ":" + location.path("row").asInt() + ":" + location.path("col").asInt() + ": "
          : "";
      lines.add(where + error.path("code").asText() + ": " + error.path("message").asText());
    }
    return String.join("\n", lines);
  }

  private static String path(JsonNode segments) {
    return StreamSupport.stream(segments.spliterator(), false)
        .map(s -> s.path("value").asText())
        .collect(Collectors.joining("."));
  }

  private static String files(JsonNode inspected, String namespace) {
    List<String> files = new ArrayList<>();
    inspected.path("namespaces").path(namespace).forEach(f -> files.add(f.asText()));
    return String.join(", ", files);
  }

  private static JsonNode parse(String text, String what) {
    try {
      return Json.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(what + " printed something that is not JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** Turns one METADATA block into a {@link RuleMetadata}, or an error naming its file and line. */
  static final class MetadataReader {
    private MetadataReader() {}

    static RuleMetadata read(String packageSegment, JsonNode annotations, String location) {
      JsonNode custom = annotations.path("custom");
      String id = required(custom, "id", location);
      if (!id.equals(packageSegment)) {
        throw new InvalidInputException(location + ": custom.id " + id + " differs from the package segment " + packageSegment);
      }
      if (!location.contains("/" + id + ".rego:")) {
        throw new InvalidInputException(location + ": the file of rule " + id + " must be named " + id + ".rego");
      }
      String severityText = required(custom, "severity", location);
      Severity severity = Severity.parse(severityText).orElseThrow(() -> new InvalidInputException(
          location + ": custom.severity " + severityText + " is not one of critical, high, medium, low"));
      String title = required(annotations, "title", location);
      if (title.startsWith("Ensure")) {
        throw new InvalidInputException(location + ": a title states the passing condition and never starts with \"Ensure\"");
      }
      Map<String, List<String>> frameworks = new TreeMap<>();
      custom.path("frameworks").fields().forEachRemaining(f -> frameworks.put(f.getKey(),
          StreamSupport.stream(f.getValue().spliterator(), false).map(JsonNode::asText).toList()));
      List<RuleMetadata.Reference> references = new ArrayList<>();
      annotations.path("related_resources").forEach(r ->
          references.add(new RuleMetadata.Reference(r.path("ref").asText(), r.path("description").asText())));
      return new RuleMetadata(
          id,
          title,
          required(annotations, "description", location),
          severity,
          required(custom, "remediation", location),
          Optional.ofNullable(custom.get("remediation_id")).map(JsonNode::asText),
          Optional.ofNullable(custom.get("remediation_none")).map(JsonNode::asText).map(String::strip),
          new TreeMap<>(frameworks),
          custom.has("params") ? custom.get("params") : Json.mapper().createObjectNode(),
          references,
          location.substring(0, location.lastIndexOf(':')));
    }

    private static String required(JsonNode node, String field, String location) {
      JsonNode value = node.get(field);
      if (value == null || !value.isTextual() || value.asText().isBlank()) {
        throw new InvalidInputException(location + ": rule metadata lacks " + field);
      }
      return value.asText().strip();
    }
  }
}
