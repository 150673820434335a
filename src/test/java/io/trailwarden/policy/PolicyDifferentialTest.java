package io.trailwarden.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwarden.Json;
import io.trailwarden.TestFiles;
import io.trailwarden.policy.PolicyCases.Case;
import io.trailwarden.policy.PolicyCases.Question;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Differential test of TrailWarden's one decision function (rules/lib/iam.rego, posed through
 * rules/lib/requests.rego and lib/organization as the rules pose it) against an independent IAM simulator,
 * {@code @cloud-copilot/iam-simulate}: {@value #CASES} seeded cases per {@link Question}, and TrailWarden
 * must decide each as the simulator does (allow, explicit deny, implicit deny; for SCP questions the
 * simulator's SCP layer). A disagreement fails with the smallest policy that still disagrees.
 *
 * <p>{@code -Dpolicy.differential.seed=N} and {@code -Dpolicy.differential.cases=N} reproduce or widen a run.
 * docs/policy-evaluation.md records the simulator version, the counts and every disagreement found.
 */
class PolicyDifferentialTest {
  static final int CASES = Integer.getInteger("policy.differential.cases", 5000);
  static final long SEED = Long.getLong("policy.differential.seed", 20261123L);
  static final int SHRUNK_PER_QUESTION = Integer.getInteger("policy.differential.shrunk", 3);

  private final Opa opa = PolicyEngineTest.opa();
  private final IamSimulator simulator = IamSimulator.locate();

  @Test
  void trailwardenDecidesEveryGeneratedCaseAsTheSimulatorDoes() {
    long start = System.nanoTime();
    PolicyCases generator = new PolicyCases(SEED);
    List<Case> cases = new ArrayList<>();
    for (Question question : Question.values()) {
      for (int i = 0; i < CASES; i++) {
        cases.add(generator.next(question));
      }
    }
    // The simulator runs beside OPA, on a thread of its own (the common pool may have one worker only).
    CompletableFuture<List<JsonNode>> oracle = new CompletableFuture<>();
    Thread.ofPlatform().daemon().name("iam-simulate").start(() -> {
      try {
        oracle.complete(simulator.run(cases.stream().map(PolicyDifferentialTest::documented).toList()));
      } catch (Throwable t) {
        oracle.completeExceptionally(t);
      }
    });
    long opaStart = System.nanoTime();
    List<String> ours = decide(cases);
    double opaSeconds = (System.nanoTime() - opaStart) / 1e9;
    List<JsonNode> answers = oracle.join();
    double bothSeconds = (System.nanoTime() - opaStart) / 1e9;

    Map<Question, List<Case>> disagreements = new EnumMap<>(Question.class);
    List<String> invalid = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      Case c = cases.get(i);
      JsonNode answer = answers.get(i);
      if (!answer.path("errors").isNull()) {
        invalid.add(c.question().id + " #" + i + ": " + answer.path("errors") + "\n  " + c.policy());
        continue;
      }
      if (!expected(c, answer).equals(ours.get(i))) {
        disagreements.computeIfAbsent(c.question(), q -> new ArrayList<>()).add(c);
      }
    }
    Map<String, Integer> settled = settledByDocumentation(cases, answers);
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("PolicyDifferentialTest: %d cases (%d per question, seed %d) against iam-simulate %s in %.1f s"
        + " (OPA %.1f s, the simulator alongside until %.1f s)%n", cases.size(), CASES, SEED, IamSimulator.VERSION, seconds,
        opaSeconds, bothSeconds);
    PolicyCases.counts(cases).forEach((q, n) -> System.out.printf("  %-12s %6d cases, %d disagreements%n", q.id, n,
        disagreements.getOrDefault(q, List.of()).size()));
    settled.forEach((departure, n) -> System.out.printf("  the simulator departs from the documentation (%s) in %d cases,"
        + " compared as documented%n", departure, n));

    assertThat(invalid.subList(0, Math.min(5, invalid.size())))
        .as("%d generated cases the simulator rejects as invalid (a generator fault); the first", invalid.size()).isEmpty();
    assertThat(report(disagreements)).as("disagreements with the IAM simulator").isEmpty();
  }

  /** The case's simulation, rewritten where the simulator departs from the documentation. */
  static JsonNode documented(Case c) {
    return SimulatorDepartures.rewrite(c.simulation()).simulation();
  }

  /** For each departure, the cases whose answer the rewrite changed (their original simulation is run too). */
  Map<String, Integer> settledByDocumentation(List<Case> cases, List<JsonNode> answers) {
    List<Integer> rewritten = new ArrayList<>();
    List<java.util.Set<String>> departures = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      var r = SimulatorDepartures.rewrite(cases.get(i).simulation());
      if (!r.departures().isEmpty()) {
        rewritten.add(i);
        departures.add(r.departures());
      }
    }
    List<JsonNode> originals = simulator.run(rewritten.stream().map(i -> (JsonNode) cases.get(i).simulation()).toList());
    Map<String, Integer> changed = new java.util.TreeMap<>();
    for (int k = 0; k < rewritten.size(); k++) {
      Case c = cases.get(rewritten.get(k));
      if (!expected(c, originals.get(k)).equals(expected(c, answers.get(rewritten.get(k))))) {
        departures.get(k).forEach(d -> changed.merge(d, 1, Integer::sum));
      }
    }
    return changed;
  }

  /** The simulator's decision in TrailWarden's words: its SCP layer for SCP questions, else the bucket policy's. */
  static String expected(Case c, JsonNode answer) {
    String result = answer.path(c.question().isScp() ? "scp" : "resource").asText();
    return switch (result) {
      case "Allowed" -> "allow";
      case "ExplicitlyDenied" -> "explicit_deny";
      case "ImplicitlyDenied" -> "implicit_deny";
      // The bucket policy names the caller's account: it allows (or denies) every principal of the account,
      // whose own identity policies then decide. What the bucket policy decides is that allow (or deny).
      case "AllowedForAccount" -> "allow";
      case "DeniedForAccount" -> "explicit_deny";
      default -> result;
    };
  }

  /** TrailWarden's decision for each case, in order: one opa eval per batch, two at a time. */
  List<String> decide(List<Case> cases) {
    int batch = 2500;
    List<CompletableFuture<List<String>>> parts = new ArrayList<>();
    var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      for (int from = 0; from < cases.size(); from += batch) {
        List<Case> slice = cases.subList(from, Math.min(cases.size(), from + batch));
        int offset = from;
        parts.add(CompletableFuture.supplyAsync(() -> decideBatch(slice, offset), pool));
      }
      List<String> decisions = new ArrayList<>();
      parts.forEach(p -> decisions.addAll(p.join()));
      return decisions;
    } finally {
      pool.shutdown();
    }
  }

  private List<String> decideBatch(List<Case> slice, int offset) {
    ObjectNode input = Json.mapper().createObjectNode();
    ArrayNode array = input.putArray("cases");
    slice.forEach(c -> array.add(c.rego()));
    List<String> args = new ArrayList<>(List.of("eval", "--format", "json", "--stdin-input"));
    for (Path file : policyFiles()) {
      args.add("-d");
      args.add(file.toString());
    }
    args.add("data.trailwarden.differential.decisions");
    try {
      if (System.getProperty("policy.differential.dump") != null) {
        Files.writeString(Path.of(System.getProperty("policy.differential.dump") + "-" + offset + ".json"),
            Json.mapper().writeValueAsString(input));
      }
      Opa.Result result = opa.run(TestFiles.projectDir(), args, Json.mapper().writeValueAsString(input));
      assertThat(result.exitCode()).as("opa eval failed: %s%s", result.stdout(), result.stderr()).isZero();
      JsonNode value = Json.mapper().readTree(result.stdout()).path("result").path(0).path("expressions").path(0).path("value");
      assertThat(value.size()).as("opa answered %d of %d cases: %s", value.size(), slice.size(), result.stdout())
          .isEqualTo(slice.size());
      List<String> decisions = new ArrayList<>();
      value.forEach(d -> decisions.add(d.asText()));
      return decisions;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** rules/lib without its tests, and the differential entry point. */
  static List<Path> policyFiles() {
    try (Stream<Path> files = Files.list(TestFiles.rulesDir().resolve("lib"))) {
      List<Path> paths = new ArrayList<>(files.filter(p -> p.toString().endsWith(".rego") && !p.toString().endsWith("_test.rego"))
          .sorted().toList());
      paths.add(TestFiles.projectDir().resolve("src/test/resources/policy/differential.rego"));
      return paths;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Each question's first disagreements, shrunk to the smallest policy that still disagrees. */
  String report(Map<Question, List<Case>> disagreements) {
    StringWriter text = new StringWriter();
    PrintWriter out = new PrintWriter(text);
    disagreements.forEach((question, list) -> {
      out.printf("%s: %d disagreements; the first, shrunk:%n", question.id, list.size());
      for (Case c : list.subList(0, Math.min(SHRUNK_PER_QUESTION, list.size()))) {
        Case small = shrink(c);
        JsonNode answer = simulator.run(List.of(documented(small))).get(0);
        out.printf("  request %s%n  policy %s%n  simulator %s, TrailWarden %s%n", small.request(), small.policy(),
            expected(small, answer), decide(List.of(small)).get(0));
      }
    });
    out.flush();
    return text.toString();
  }

  /** Greedy shrinking: take the first one-step reduction that still disagrees, until none does. */
  Case shrink(Case failing) {
    Case current = failing;
    for (int round = 0; round < 200; round++) {
      List<Case> candidates = reductions(current.policy()).stream().map(current::withPolicy).toList();
      if (candidates.isEmpty()) {
        return current;
      }
      List<JsonNode> answers = simulator.run(candidates.stream().map(PolicyDifferentialTest::documented).toList());
      List<String> ours = decide(candidates);
      Case next = null;
      for (int i = 0; i < candidates.size() && next == null; i++) {
        if (answers.get(i).path("errors").isNull() && !expected(candidates.get(i), answers.get(i)).equals(ours.get(i))) {
          next = candidates.get(i);
        }
      }
      if (next == null) {
        return current;
      }
      current = next;
    }
    return current;
  }

  /**
   * Every policy one step smaller that keeps its shape valid: a statement, a policy of a level, a condition
   * operator, key or value, a Sid, or one of several values removed, or a one-element list unwrapped. The
   * elements a statement needs (Effect, its principal, action and resource elements) and the SCP levels
   * stay.
   */
  static List<JsonNode> reductions(JsonNode node) {
    List<JsonNode> out = new ArrayList<>();
    if (node.isArray()) {
      for (int i = 0; i < node.size() && node.size() > 1; i++) {
        if (!node.get(i).has("policies")) {
          ArrayNode copy = node.deepCopy();
          copy.remove(i);
          out.add(copy);
        }
      }
      for (int i = 0; i < node.size(); i++) {
        for (JsonNode smaller : reductions(node.get(i))) {
          ArrayNode copy = node.deepCopy();
          copy.set(i, smaller);
          out.add(copy);
        }
      }
    } else if (node.isObject()) {
      List<String> names = new ArrayList<>();
      for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
        names.add(it.next());
      }
      for (String name : names) {
        JsonNode child = node.get(name);
        if (!KEPT.contains(name)) {
          ObjectNode copy = node.deepCopy();
          copy.remove(name);
          out.add(copy);
        }
        if (child.isArray() && child.size() == 1) {
          ObjectNode unwrapped = node.deepCopy();
          unwrapped.set(name, child.get(0));
          out.add(unwrapped);
        }
        for (JsonNode smaller : reductions(child)) {
          ObjectNode replaced = node.deepCopy();
          replaced.set(name, smaller);
          out.add(replaced);
        }
      }
    }
    return out;
  }

  static final java.util.Set<String> KEPT = java.util.Set.of("Version", "Statement", "Effect", "Principal", "NotPrincipal",
      "Action", "NotAction", "Resource", "NotResource", "id", "name", "document", "policies", "AWS", "Service");

  static String describe(List<String> lines) {
    return lines.stream().collect(Collectors.joining("\n"));
  }
}
