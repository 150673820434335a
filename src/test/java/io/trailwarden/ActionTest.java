package io.trailwarden;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.trailwarden.report.ReportFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The reusable action (action.yml): its interface, the workflows that use it and the usage in docs/ci.md.
 * actionlint (scripts/action-lint.sh, in .ci/run) lints its steps and scripts.
 */
class ActionTest {
  private static final Path ACTION = TestFiles.projectDir().resolve("action.yml");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private static JsonNode action() throws IOException {
    return YAML.readTree(ACTION.toFile());
  }

  private static List<String> names(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void theActionIsCompositeWithTheDocumentedInputsAndOutputs() throws IOException {
    JsonNode action = action();
    assertThat(action.at("/runs/using").asText()).isEqualTo("composite");
    assertThat(names(action.path("inputs"))).contains("config", "command", "snapshot", "fail-on", "fail-on-new",
        "baseline", "sarif-category", "upload-sarif", "formats");
    assertThat(action.at("/inputs/upload-sarif/default").asText()).isEqualTo("true");
    assertThat(names(action.path("outputs"))).contains("exit-code", "passed", "failed", "unknown", "sarif", "json",
        "markdown", "html");
    List<String> defaults = List.of(action.at("/inputs/formats/default").asText().split(","));
    assertThat(defaults).containsExactlyElementsOf(ReportFormat.defaults().stream().map(ReportFormat::id).toList());
    List<String> uses = new ArrayList<>();
    action.at("/runs/steps").forEach(step -> uses.add(step.path("uses").asText()));
    assertThat(uses).contains("actions/setup-java@v4", "github/codeql-action/upload-sarif@v3");
  }

  @Test
  void theRepositoryWorkflowsUseTheAction() throws IOException {
    for (String workflow : List.of("pr-gate.yml", "nightly-scan.yml")) {
      String text = Files.readString(TestFiles.projectDir().resolve(".github/workflows").resolve(workflow));
      assertThat(text).as(workflow).contains("uses: ./\n");
    }
  }

  @Test
  void theDocumentedUsageNamesOnlyInputsTheActionHas() throws IOException {
    String ci = Files.readString(TestFiles.projectDir().resolve("docs/ci.md"));
    Matcher block = Pattern.compile("```yaml\n(\\s*- uses: trailwarden/trailwarden@v1\n.*?)```", Pattern.DOTALL).matcher(ci);
    assertThat(block.find()).as("docs/ci.md shows the action's usage").isTrue();
    JsonNode step = YAML.readTree(block.group(1)).get(0);
    assertThat(step.path("with").size()).isPositive();
    assertThat(names(action().path("inputs"))).containsAll(names(step.path("with")));
    assertThat(block.group(1).strip().lines().count()).as("the usage fits in five lines").isLessThanOrEqualTo(5);
  }
}
