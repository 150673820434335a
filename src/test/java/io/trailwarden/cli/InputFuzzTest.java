package io.trailwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwarden.Json;
import io.trailwarden.TestFiles;
import io.trailwarden.config.ConfigLoader;
import io.trailwarden.policy.Opa;
import io.trailwarden.policy.PolicyEngine;
import io.trailwarden.policy.RulesDirectory;
import io.trailwarden.remediate.Plan;
import io.trailwarden.remediate.PlanIo;
import io.trailwarden.remediate.Remediator;
import io.trailwarden.remediate.fix.Remediations;
import io.trailwarden.scan.Pipeline;
import io.trailwarden.snapshot.Snapshot;
import io.trailwarden.snapshot.SnapshotIo;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13's fuzz suite: every file TrailWarden reads (config.yaml, a snapshot, the rules directory, a
 * baseline report, a plan, a journal) is mutated from a valid one, seeded and reproducible
 * ({@code -Dfuzz.seed=N}, {@code -Dfuzz.cases=N} per kind), and fed to the verb that reads it. Every
 * case must end in exit 0, 1, 2 or 3, never 4 (a crash); an input error must name the file, in the
 * user's terms (no Java class), and leave the output directory exactly as it was. The counts by
 * outcome are printed and written to {@code target/fuzz-counts.txt}.
 */
class InputFuzzTest {
  static final long SEED = Long.getLong("fuzz.seed", 13L);
  // Each case runs the CLI (most of them OPA): 10 a kind keeps the ordinary run short; raise it by hand.
  static final int CASES = Integer.getInteger("fuzz.cases", 10);
  /** AWS is never reached in a useful way: a closed loopback port, so a valid plan or journal fails fast. */
  static final String NOWHERE = "http://127.0.0.1:9";
  static final Map<String, Map<Integer, Integer>> COUNTS = new TreeMap<>();
  /** Stands for a byte that is not UTF-8 (0xFF); {@link #write} puts the raw byte. */
  static final String NOT_UTF8 = "\uFFFE";

  static void write(Path file, String text) throws Exception {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    byte[] marker = NOT_UTF8.getBytes(StandardCharsets.UTF_8);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (int i = 0; i < utf8.length; i++) {
      if (i + marker.length <= utf8.length && java.util.Arrays.equals(utf8, i, i + marker.length, marker, 0, marker.length)) {
        out.write(0xFF);
        i += marker.length - 1;
      } else {
        out.write(utf8[i]);
      }
    }
    Files.write(file, out.toByteArray());
  }

  @TempDir static Path shared;

  record Case(String kind, int number, String mutation, Path input, MainTest.Run run, boolean outputUnchanged) {}

  // ---- mutations -------------------------------------------------------------------------------

  /** Text-level damage: what a crash, an editor or a copy-paste does to a file. */
  static String mutateText(String text, Random random, StringBuilder what) {
    int n = Math.max(1, text.length());
    int at = random.nextInt(n);
    switch (random.nextInt(9)) {
      case 0 -> { what.append("truncated at ").append(at); return text.substring(0, at); }
      case 1 -> { int end = Math.min(text.length(), at + 1 + random.nextInt(40)); what.append("deleted ").append(at).append("..").append(end);
        return text.substring(0, Math.min(at, text.length())) + text.substring(end); }
      case 2 -> { String junk = List.of("{", "}", "[", "]", ":", ",", "\"", "\\", "\u0000", "\t", "- ", "---\n", "%", "&a", "*a", "!!binary ", "\n  x: 1\n").get(random.nextInt(17));
        what.append("inserted ").append(Json.mapper().<JsonNode>valueToTree(junk).toString()).append(" at ").append(at);
        return text.substring(0, Math.min(at, text.length())) + junk + text.substring(Math.min(at, text.length())); }
      case 3 -> { what.append("emptied"); return random.nextBoolean() ? "" : "\n# nothing\n"; }
      case 4 -> { what.append("trailing data"); return text + List.of("{}", "x", "[1]", "\n---\nversion: 1\n", "null").get(random.nextInt(5)); }
      case 5 -> { List<String> lines = new ArrayList<>(text.lines().toList()); if (lines.isEmpty()) { return text; }
        int i = random.nextInt(lines.size()); lines.add(i, lines.get(i)); what.append("duplicated line ").append(i + 1);
        return String.join("\n", lines) + "\n"; }
      case 6 -> { List<String> lines = new ArrayList<>(text.lines().toList()); if (lines.size() < 2) { return text; }
        int i = random.nextInt(lines.size() - 1); String a = lines.get(i); lines.set(i, lines.get(i + 1)); lines.set(i + 1, a);
        what.append("swapped lines ").append(i + 1); return String.join("\n", lines) + "\n"; }
      case 7 -> { what.append("not UTF-8"); return text.substring(0, Math.min(at, text.length())) + NOT_UTF8 + text.substring(Math.min(at, text.length())); }
      default -> { what.append("a line null"); return text + "\nnull\n"; }
    }
  }

  static final List<Function<Random, JsonNode>> VALUES = List.of(
      r -> JsonNodeFactory.instance.nullNode(), r -> JsonNodeFactory.instance.textNode(""),
      r -> JsonNodeFactory.instance.textNode("abc"), r -> JsonNodeFactory.instance.numberNode(-5),
      r -> JsonNodeFactory.instance.numberNode(1e300), r -> JsonNodeFactory.instance.numberNode(3),
      r -> JsonNodeFactory.instance.booleanNode(true), r -> JsonNodeFactory.instance.arrayNode(),
      r -> JsonNodeFactory.instance.objectNode(), r -> JsonNodeFactory.instance.textNode("1"));

  /** Structure-level damage: a value of the wrong kind, a key missing or unknown. */
  static JsonNode mutateTree(JsonNode root, Random random, StringBuilder what) {
    JsonNode copy = root.deepCopy();
    List<List<Object>> paths = new ArrayList<>();
    collect(copy, new ArrayList<>(), paths);
    List<Object> path = paths.get(random.nextInt(paths.size()));
    JsonNode parent = copy;
    for (Object step : path.subList(0, path.size() - 1)) {
      parent = step instanceof String k ? parent.get(k) : parent.get((Integer) step);
    }
    Object last = path.get(path.size() - 1);
    int op = random.nextInt(3);
    if (op == 0 && parent instanceof ObjectNode o && last instanceof String k) {
      o.remove(k);
      what.append("removed ").append(path);
    } else if (op == 1 && parent instanceof ObjectNode o) {
      o.put("unexpected", 1);
      what.append("added a key beside ").append(path);
    } else {
      JsonNode value = VALUES.get(random.nextInt(VALUES.size())).apply(random);
      if (parent instanceof ObjectNode o && last instanceof String k) {
        o.set(k, value);
      } else if (parent instanceof ArrayNode a) {
        a.set((Integer) last, value);
      }
      what.append(path).append(" = ").append(value);
    }
    return copy;
  }

  private static void collect(JsonNode node, List<Object> path, List<List<Object>> out) {
    if (!path.isEmpty()) {
      out.add(List.copyOf(path));
    }
    if (node.isObject()) {
      node.fieldNames().forEachRemaining(k -> { path.add(k); collect(node.get(k), path, out); path.remove(path.size() - 1); });
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        path.add(i);
        collect(node.get(i), path, out);
        path.remove(path.size() - 1);
      }
    }
  }

  /** Half the cases damage the text, half the structure (kept as JSON, or YAML for the config). */
  static String mutate(String text, boolean yaml, Random random, StringBuilder what) {
    if (random.nextBoolean()) {
      return mutateText(text, random, what);
    }
    try {
      JsonNode tree = yaml ? new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree(text) : Json.mapper().readTree(text);
      JsonNode mutated = mutateTree(tree, random, what);
      return yaml ? new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().writeValueAsString(mutated) : Json.pretty(mutated);
    } catch (Exception e) {
      return mutateText(text, random, what);
    }
  }

  // ---- the bases -------------------------------------------------------------------------------

  static Path config(Path dir, String extra) throws Exception {
    Path config = dir.resolve("config.yaml");
    Files.writeString(config, configText(extra).replace(JOURNAL, dir.resolve("journal.jsonl").toString()));
    return config;
  }

  /** Stands for the case's journal path, filled in after mutating, so the same seed damages the same bytes anywhere. */
  static final String JOURNAL = "JOURNAL.jsonl";

  static String configText(String extra) {
    return """
        version: 1
        organization:
          endpoint: %s
          regions: [us-east-1]
        report:
          formats: [json, markdown]
        rules:
          params:
            cloudtrail_org_trail_cloudwatch_logs_enabled: {min_retention_days: 400}
        remediation:
          allow: [all]
          allowRootScp: true
          journal: %s
        """.formatted(NOWHERE, JOURNAL) + extra;
  }

  static Path output(Path dir) throws Exception {
    Path out = Files.createDirectories(dir.resolve("out"));
    Files.writeString(out.resolve("previous-report.md"), "a report of an earlier run\n");
    return out;
  }

  static Case run(String kind, int number, String mutation, Path input, Path out, String... args) throws Exception {
    Map<String, byte[]> before = MainTest.files(out);
    MainTest.Run run = MainTest.run(args);
    Map<String, byte[]> after = MainTest.files(out);
    boolean unchanged = before.keySet().equals(after.keySet())
        && before.entrySet().stream().allMatch(e -> java.util.Arrays.equals(e.getValue(), after.get(e.getKey())));
    COUNTS.computeIfAbsent(kind, k -> new TreeMap<>()).merge(run.exitCode(), 1, Integer::sum);
    return new Case(kind, number, mutation, input, run, unchanged);
  }

  static void check(Case c, String namedAs) {
    String context = c.kind() + " case " + c.number() + " (" + c.mutation() + "), seed " + SEED + ":\n" + c.run().out() + c.run().err();
    // 5 is the remediate verbs' "not applied": a plan or journal that reads well, with AWS out of reach.
    List<Integer> allowed = c.kind().equals("plan") || c.kind().equals("journal") ? List.of(0, 1, 2, 3, 5) : List.of(0, 1, 2, 3);
    assertThat(c.run().exitCode()).as(context).isIn(allowed);
    if (c.run().exitCode() == ExitCode.USAGE.code()) {
      assertThat(c.run().err()).as(context).contains(namedAs);
      assertThat(c.outputUnchanged()).as("output directory untouched: " + context).isTrue();
    }
    assertThat(c.run().err()).as(context).doesNotContain("internal error").doesNotContain("io.trailwarden.")
        .doesNotContain("Cannot construct").doesNotContain("java.lang").doesNotContain("Exception");
  }

  static Random random(String kind) {
    return new Random(SEED * 31 + kind.hashCode());
  }

  // ---- the cases -------------------------------------------------------------------------------

  @Test
  void config() throws Exception {
    Random random = random("config");
    String base = configText("");
    for (int i = 0; i < CASES; i++) {
      Path dir = Files.createDirectories(shared.resolve("config-" + i));
      StringBuilder what = new StringBuilder();
      Path file = dir.resolve("config.yaml");
      write(file, mutate(base, true, random, what).replace(JOURNAL, dir.resolve("journal.jsonl").toString()));
      Path out = output(dir);
      check(run("config", i, what.toString(), file, out, MainTest.evaluate(TestFiles.example("misconfigured-org.json"), out,
          "--config", file.toString(), "--format", "json")), file.toString());
    }
  }

  @Test
  void snapshot() throws Exception {
    Random random = random("snapshot");
    String base = TestFiles.read(TestFiles.example("misconfigured-org.json"));
    for (int i = 0; i < CASES; i++) {
      Path dir = Files.createDirectories(shared.resolve("snapshot-" + i));
      StringBuilder what = new StringBuilder();
      Path file = dir.resolve("snapshot.json");
      write(file, mutate(base, false, random, what));
      Path out = output(dir);
      check(run("snapshot", i, what.toString(), file, out, MainTest.evaluate(file, out, "--config", config(dir, "").toString(),
          "--format", "json")), file.toString());
    }
  }

  @Test
  void rulesDirectory() throws Exception {
    Random random = random("rules");
    for (int i = 0; i < Math.max(5, CASES / 3); i++) {
      Path dir = Files.createDirectories(shared.resolve("rules-" + i));
      Path rules = TestFiles.copyOfRules(dir);
      List<Path> files;
      try (Stream<Path> walk = Files.walk(rules)) {
        files = walk.filter(p -> p.toString().endsWith(".rego") && !p.toString().endsWith("_test.rego")).sorted().toList();
      }
      StringBuilder what = new StringBuilder();
      Path victim = files.get(random.nextInt(files.size()));
      what.append(rules.relativize(victim)).append(": ");
      switch (random.nextInt(4)) {
        case 0 -> { Files.delete(victim); what.append("deleted"); }
        case 1 -> { try (Stream<Path> all = Files.list(rules)) {
            for (Path p : all.toList()) { io.trailwarden.TestFiles.deleteTree(p); } }
          what.setLength(0); what.append("every rule removed"); }
        default -> write(victim, mutateText(Files.readString(victim), random, what));
      }
      Path out = output(dir);
      check(run("rules", i, what.toString(), rules, out, MainTest.evaluate(TestFiles.example("misconfigured-org.json"), out,
          "--rules", rules.toString(), "--config", config(dir, "").toString(), "--format", "json")), rules.getFileName() + "");
    }
  }

  @Test
  void baseline() throws Exception {
    Path first = Files.createDirectories(shared.resolve("baseline-base"));
    MainTest.Run made = MainTest.run(MainTest.evaluate(TestFiles.example("misconfigured-org.json"), first, "--format", "json"));
    assertThat(made.exitCode()).as(made.err()).isEqualTo(ExitCode.FAILURES.code());
    String base = Files.readString(first.resolve("trailwarden.json"));
    Random random = random("baseline");
    for (int i = 0; i < CASES; i++) {
      Path dir = Files.createDirectories(shared.resolve("baseline-" + i));
      StringBuilder what = new StringBuilder();
      Path file = dir.resolve("baseline.json");
      write(file, mutate(base, false, random, what));
      Path out = output(dir);
      check(run("baseline", i, what.toString(), file, out, MainTest.evaluate(TestFiles.example("misconfigured-org.json"), out,
          "--baseline", file.toString(), "--format", "json")), file.toString());
    }
  }

  /** A real plan, made offline from the misconfigured example (planning makes no AWS call). */
  static String plan(Path dir) throws Exception {
    ConfigLoader.Loaded loaded = ConfigLoader.load(config(dir, ""));
    StringWriter sink = new StringWriter();
    try (RulesDirectory rules = RulesDirectory.resolve(Optional.of(TestFiles.rulesDir()), Map.of())) {
      PolicyEngine engine = new PolicyEngine(Opa.locate(System.getenv(), new PrintWriter(sink)), rules);
      Pipeline pipeline = new Pipeline(engine, "test", loaded, new PrintWriter(sink), new PrintWriter(sink));
      Snapshot snapshot = new SnapshotIo().read(TestFiles.example("misconfigured-org.json"));
      Plan plan = new Remediator(pipeline, Clock.systemUTC(), Remediations::find).plan(snapshot, pipeline.evaluate(snapshot));
      assertThat(plan.changes()).isNotEmpty();
      Path file = dir.resolve("plan.json");
      PlanIo.write(plan, file);
      return Files.readString(file);
    }
  }

  @Test
  void plan() throws Exception {
    String base = plan(Files.createDirectories(shared.resolve("plan-base")));
    Random random = random("plan");
    for (int i = 0; i < CASES; i++) {
      Path dir = Files.createDirectories(shared.resolve("plan-" + i));
      StringBuilder what = new StringBuilder();
      Path file = dir.resolve("plan.json");
      write(file, mutate(base, false, random, what));
      Path out = output(dir);
      check(run("plan", i, what.toString(), file, out, "remediate", "apply", file.toString(), "--yes", "--config",
          config(dir, "").toString(), "--output-dir", out.toString(), "--rules", TestFiles.rulesDir().toString()),
          file.toString());
    }
  }

  @Test
  void journal() throws Exception {
    Path baseDir = Files.createDirectories(shared.resolve("journal-base"));
    Plan plan = PlanIo.read(baseDir.resolve("plan.json").toFile().exists() ? baseDir.resolve("plan.json")
        : writePlan(baseDir));
    StringBuilder lines = new StringBuilder();
    for (Plan.Change change : plan.changes()) {
      for (String event : List.of("INTENT", "APPLIED")) {
        ObjectNode entry = Json.mapper().createObjectNode();
        entry.put("time", "2026-11-23T10:00:00Z").put("event", event).put("planId", plan.planId()).put("changeId", change.id())
            .put("caller", "arn:aws:iam::111111111111:root").put("facet", change.facet());
        entry.set("target", Json.mapper().valueToTree(change.target()));
        entry.set("before", change.before());
        entry.set("after", change.after());
        entry.put("message", event.toLowerCase(java.util.Locale.ROOT));
        lines.append(entry).append('\n');
      }
    }
    String base = lines.toString();
    Random random = random("journal");
    for (int i = 0; i < CASES; i++) {
      Path dir = Files.createDirectories(shared.resolve("journal-" + i));
      StringBuilder what = new StringBuilder();
      Path file = dir.resolve("journal.jsonl");
      String text = random.nextBoolean() ? mutateText(base, random, what) : mutateLine(base, random, what);
      write(file, text);
      Path out = output(dir);
      check(run("journal", i, what.toString(), file, out, "remediate", "rollback", file.toString(), "--yes", "--config",
          config(dir, "").toString()), file.toString());
    }
  }

  static Path writePlan(Path dir) throws Exception {
    plan(dir);
    return dir.resolve("plan.json");
  }

  /** One journal line's structure damaged, the others kept. */
  static String mutateLine(String base, Random random, StringBuilder what) throws Exception {
    List<String> lines = new ArrayList<>(base.lines().toList());
    int i = random.nextInt(lines.size());
    what.append("line ").append(i + 1).append(": ");
    lines.set(i, mutateTree(Json.mapper().readTree(lines.get(i)), random, what).toString());
    return String.join("\n", lines) + "\n";
  }

  @AfterAll
  static void printCounts() throws Exception {
    StringBuilder table = new StringBuilder("Fuzz outcomes (seed " + SEED + ", " + CASES + " cases per kind): kind, exit code: count\n");
    COUNTS.forEach((kind, byExit) -> table.append(String.format("  %-9s %s%n", kind, byExit)));
    System.out.print(table);
    Path target = TestFiles.projectDir().resolve("target");
    Files.createDirectories(target);
    Files.writeString(target.resolve("fuzz-counts.txt"), table.toString());
  }
}
