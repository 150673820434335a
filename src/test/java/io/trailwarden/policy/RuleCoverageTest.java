package io.trailwarden.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwarden.Json;
import io.trailwarden.TestFiles;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The Rego tests must exercise at least {@value #MINIMUM}% of rules/ (OPA's own figure, from
 * {@code opa test --coverage}, on the real binary). Below it, the failure names the least-covered
 * files and their uncovered lines.
 */
class RuleCoverageTest {
  static final double MINIMUM = 95.0;
  private static final int LISTED = 5;

  @Test
  void regoTestsCoverTheRules() throws Exception {
    Opa.Result result = PolicyEngineTest.opa().run(TestFiles.projectDir(),
        List.of("test", "--coverage", "--format", "json", "rules"), "");
    assertThat(result.exitCode()).as("opa test failed:\n%s%s", result.stdout(), result.stderr()).isZero();
    JsonNode report = Json.mapper().readTree(result.stdout());
    double total = report.path("coverage").asDouble(-1);
    assertThat(total).as("opa test --coverage printed no total: %s", result.stdout()).isNotNegative();

    assertThat(total)
        .as("opa test --coverage of rules/ is %.2f%%, below %.0f%%. Least covered:%n%s", total, MINIMUM,
            leastCovered(report.path("files")))
        .isGreaterThanOrEqualTo(MINIMUM);
  }

  /** Policy files (tests left out) from least to most covered, with their uncovered line ranges. */
  static String leastCovered(JsonNode files) {
    List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
    files.fields().forEachRemaining(entries::add);
    return entries.stream()
        .filter(e -> !e.getKey().endsWith("_test.rego"))
        .sorted(Comparator.comparingDouble((Map.Entry<String, JsonNode> e) -> e.getValue().path("coverage").asDouble())
            .thenComparing(Map.Entry::getKey))
        .limit(LISTED)
        .map(e -> String.format("  %s %.1f%% (not covered: %s)", e.getKey(), e.getValue().path("coverage").asDouble(),
            StreamSupport.stream(e.getValue().path("not_covered").spliterator(), false)
                .map(r -> r.path("start").path("row").asInt() + "-" + r.path("end").path("row").asInt())
                .collect(Collectors.joining(", "))))
        .collect(Collectors.joining("\n"));
  }
}
