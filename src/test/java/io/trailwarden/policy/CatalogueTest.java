package io.trailwarden.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwarden.Json;
import io.trailwarden.TestFiles;
import io.trailwarden.remediate.fix.Remediations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The rule contract of architecture.md §4, checked for every rule in rules/. */
class CatalogueTest {
  /** The helper files of rules/lib and rules/lib/test: everything else that is not a test is a rule. */
  static final List<String> HELPERS = List.of("arn.rego", "iam.rego", "log_bucket.rego", "organization.rego", "requests.rego",
      "params.rego", "selectors.rego", "snapshot.rego", "fixtures.rego", "monitoring.rego", "places.rego", "log_activity.rego",
      "logs.rego");

  static final Catalogue CATALOGUE = new PolicyEngine(PolicyEngineTest.opa(),
      RulesDirectory.resolve(Optional.of(TestFiles.rulesDir()), Map.of())).catalogue();

  @Test
  void everyRuleFileIsInTheCatalogue() throws IOException {
    try (Stream<Path> files = Files.walk(TestFiles.rulesDir())) {
      List<String> ruleFiles = files.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".rego") && !n.endsWith("_test.rego"))
          .filter(n -> !HELPERS.contains(n))
          .map(n -> n.substring(0, n.length() - ".rego".length()))
          .sorted().toList();
      assertThat(CATALOGUE.ids()).isEqualTo(ruleFiles);
    }
  }

  @TestFactory
  Stream<DynamicTest> everyRuleNamesItsRemediationOrSaysWhyNone() {
    return CATALOGUE.rules().stream().map(rule -> DynamicTest.dynamicTest(rule.id(), () -> {
      assertThat(rule.remediationId().isPresent() ^ rule.remediationNone().isPresent())
          .as("exactly one of custom.remediation_id and custom.remediation_none").isTrue();
      rule.remediationId().ifPresent(id -> {
        var remediation = Remediations.find(id);
        assertThat(remediation).as("remediation " + id + " is registered").isPresent();
        assertThat(remediation.get().ruleId()).as("remediation " + id + " fixes this rule").isEqualTo(rule.id());
      });
    }));
  }

  @Test
  void everyRegisteredRemediationIsNamedByItsRule() {
    for (var remediation : Remediations.all()) {
      var rule = CATALOGUE.find(remediation.ruleId());
      assertThat(rule).as(remediation.id() + " fixes a rule of the catalogue").isPresent();
      assertThat(rule.get().remediationId()).as(rule.get().id() + " names " + remediation.id()).contains(remediation.id());
    }
  }

  @TestFactory
  Stream<DynamicTest> everyRuleHasFullMetadataAndPassFailUnknownTests() {
    return CATALOGUE.rules().stream().map(rule -> DynamicTest.dynamicTest(rule.id(), () -> {
      Path file = TestFiles.projectDir().resolve(rule.file());
      assertThat(file).exists();
      assertThat(rule.id()).matches("[a-z0-9]+(_[a-z0-9]+)+");
      assertThat(file.getParent().getFileName().toString()).as("area folder").isEqualTo(rule.id().split("_")[0]);
      assertThat(rule.title()).doesNotStartWith("Ensure");
      assertThat(rule.description()).isNotBlank();
      assertThat(rule.remediation()).isNotBlank();
      assertThat(rule.references()).as("related_resources").isNotEmpty();
      assertThat(rule.frameworks()).as("frameworks").isNotEmpty();

      Path test = file.resolveSibling(rule.id() + "_test.rego");
      assertThat(test).as("a test beside the rule").exists();
      String tests = Files.readString(test);
      assertThat(tests).contains("package trailwarden.rules." + rule.id() + "_test")
          .contains("test_pass_").contains("test_fail_").contains("test_unknown_");
    }));
  }

  /** The {@code schemas} annotation every rule, and every helper that reads input, declares: input is a snapshot. */
  static final String INPUT_IS_SNAPSHOT =
      "[{\"path\":[{\"type\":\"var\",\"value\":\"input\"}],\"schema\":[{\"type\":\"var\",\"value\":\"schema\"},{\"type\":\"string\",\"value\":\"snapshot\"}]}]";

  private static final Pattern READS_INPUT = Pattern.compile("(?m)^(?!\\s*#).*\\binput\\b");

  /**
   * {@code opa check --schema rules/schema rules} (RulesTypeCheckTest, the build's rules-check) types
   * input only where a package declares it, so a rule that forgot would silently go unchecked.
   */
  @TestFactory
  Stream<DynamicTest> everyRuleAndEveryHelperReadingInputDeclaresTheSnapshotSchema() throws IOException {
    Opa.Result result = PolicyEngineTest.opa().run(TestFiles.projectDir(),
        List.of("inspect", "--annotations", "--format", "json", "rules"), "");
    assertThat(result.exitCode()).as(result.stderr()).isZero();
    Map<String, JsonNode> schemasByFile = new TreeMap<>();
    for (JsonNode entry : Json.mapper().readTree(result.stdout()).path("annotations")) {
      if (entry.path("annotations").path("scope").asText().equals("package")) {
        schemasByFile.put(entry.path("location").path("file").asText(), entry.path("annotations").path("schemas"));
      }
    }
    List<String> files;
    try (Stream<Path> walk = Files.walk(TestFiles.rulesDir())) {
      files = walk.filter(p -> p.toString().endsWith(".rego") && !p.toString().endsWith("_test.rego"))
          .map(p -> TestFiles.projectDir().relativize(p).toString()).sorted().toList();
    }
    return files.stream().map(file -> DynamicTest.dynamicTest(file, () -> {
      boolean helper = HELPERS.contains(Path.of(file).getFileName().toString());
      if (helper && !READS_INPUT.matcher(Files.readString(TestFiles.projectDir().resolve(file))).find()) {
        return;
      }
      assertThat(schemasByFile.get(file))
          .as(file + ": the package METADATA must declare\n# schemas:\n#   - input: schema.snapshot")
          .isEqualTo(Json.mapper().readTree(INPUT_IS_SNAPSHOT));
    }));
  }
}
