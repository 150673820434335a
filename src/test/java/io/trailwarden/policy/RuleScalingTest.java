package io.trailwarden.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwarden.Json;
import io.trailwarden.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: no rule's work may grow faster than the organization. Every rule is evaluated on the
 * misconfigured example grown to {@value #SMALL} and {@value #LARGE} member accounts (each with its own
 * trail, as bench/evaluate.sh grows it), and OPA's count of expression evaluations ({@code --profile}'s
 * num_eval, a count, not a time) is summed per policy file: doubling the accounts may at most double a
 * file's count (plus {@value #SLACK} for the parts that do not grow). Work of accounts x accounts or
 * accounts x trails would quadruple it.
 *
 * <p>That count misses work inside OPA itself: adding an entry to a partial object rule ({@code x[k] := v},
 * {@code x[k] contains v}) costs OPA 1.22 time proportional to the entries already there (6,000 entries
 * took 0.5 s, 24,000 took 7 s), one evaluation each. So no policy file may define one; groupings are
 * comprehensions, which OPA indexes.
 */
class RuleScalingTest {
  static final int SMALL = 1_000;
  static final int LARGE = 2 * SMALL;
  static final double SLACK = 0.1;

  @Test
  void noPolicyFileWorksSuperLinearly() throws Exception {
    Map<String, Long> small = evaluationsPerFile(SMALL);
    Map<String, Long> large = evaluationsPerFile(LARGE);
    List<String> superLinear = new ArrayList<>();
    large.forEach((file, count) -> {
      long before = small.getOrDefault(file, 1L);
      if (count > (2 + SLACK) * before) {
        superLinear.add(String.format("%s: %d evaluations at %d accounts, %d at %d (x%.2f)", file, before, SMALL, count, LARGE,
            (double) count / before));
      }
    });
    assertThat(large.keySet()).as("the profile names the rule files").anyMatch(f -> f.contains("organizations_scp_protects_cloudtrail"));
    assertThat(superLinear).as("policy files whose work more than doubles when the accounts double").isEmpty();
  }

  @Test
  void noPolicyFileDefinesAKeyedPartialRule() throws Exception {
    List<String> keyed = new ArrayList<>();
    for (Path file : policyFiles()) {
      String relative = TestFiles.projectDir().relativize(file).toString();
      Opa.Result parsed = PolicyEngineTest.opa().run(TestFiles.projectDir(), List.of("parse", "--format", "json", "--json-include", "locations", relative), "");
      assertThat(parsed.exitCode()).as("opa parse %s:%n%s", relative, parsed.stderr()).isZero();
      for (JsonNode rule : Json.mapper().readTree(parsed.stdout()).path("rules")) {
        JsonNode ref = rule.path("head").path("ref");
        for (int i = 1; i < ref.size(); i++) {
          if (!ref.get(i).path("type").asText().equals("string")) {
            keyed.add(relative + ":" + rule.path("location").path("row").asInt() + " " + ref.get(0).path("value").asText());
            break;
          }
        }
      }
    }
    assertThat(policyFiles()).as("the policy files").isNotEmpty();
    assertThat(keyed).as("partial object rules (write them as object comprehensions)").isEmpty();
  }

  private static List<Path> policyFiles() throws java.io.IOException {
    try (var files = Files.walk(TestFiles.rulesDir())) {
      return files.filter(f -> f.toString().endsWith(".rego") && !f.toString().endsWith("_test.rego")
          && !f.toString().contains("/lib/test/")).sorted().toList();
    }
  }

  /** Expression evaluations per policy file, for every rule on the example grown to {@code accounts} member accounts. */
  private static Map<String, Long> evaluationsPerFile(int accounts) throws Exception {
    List<String> args = new ArrayList<>(List.of("eval", "--format", "json", "--stdin-input", "--profile",
        "--profile-sort", "num_eval", "--profile-limit", "100000"));
    for (Path file : policyFiles()) {
      args.add("--data");
      args.add(TestFiles.projectDir().relativize(file).toString());
    }
    args.add("[[r.subjects, r.deny, r.unknown] | some r in data.trailwarden.rules]");
    Opa.Result result = PolicyEngineTest.opa().run(TestFiles.projectDir(), args, Json.mapper().writeValueAsString(grown(accounts)));
    assertThat(result.exitCode()).as("opa eval failed:%n%s", result.stderr()).isZero();
    Map<String, Long> perFile = new TreeMap<>();
    for (JsonNode entry : Json.mapper().readTree(result.stdout()).path("profile")) {
      perFile.merge(entry.path("location").path("file").asText(), entry.path("num_eval").asLong(), Long::sum);
    }
    return perFile.entrySet().stream().filter(e -> e.getKey().endsWith(".rego"))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, Long::sum, TreeMap::new));
  }

  /** The misconfigured example with {@code accounts} more member accounts in one OU, each with a copy of its member trail. */
  static JsonNode grown(int accounts) {
    ObjectNode snapshot = (ObjectNode) Json.mapper().valueToTree(readExample());
    ArrayNode members = (ArrayNode) snapshot.path("organization").path("accounts");
    ArrayNode trails = (ArrayNode) snapshot.path("trails");
    JsonNode template = trails.get(1);
    for (int i = 0; i < accounts; i++) {
      String account = String.valueOf(500_000_000_000L + i);
      members.addObject().put("id", account).put("name", "member-" + i).put("status", "ACTIVE").put("parentId", "ou-ab12-d3v3l0p1");
      ObjectNode trail = template.deepCopy();
      trail.put("arn", "arn:aws:cloudtrail:eu-west-1:" + account + ":trail/t" + i).put("name", "t" + i).put("accountId", account);
      trail.putArray("seenFrom").addObject().put("accountId", account).put("region", "eu-west-1");
      trails.add(trail);
    }
    return snapshot;
  }

  private static JsonNode readExample() {
    try {
      return Json.mapper().readTree(TestFiles.example("misconfigured-org.json").toFile());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
