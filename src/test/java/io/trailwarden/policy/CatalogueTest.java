package io.trailwarden.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwarden.TestFiles;
import io.trailwarden.remediate.fix.Remediations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The rule contract of DESIGN §4, checked for every rule in rules/. */
class CatalogueTest {
  /** The helper files of rules/lib and rules/lib/test: everything else that is not a test is a rule. */
  static final List<String> HELPERS = List.of("arn.rego", "iam.rego", "log_bucket.rego", "organization.rego",
      "params.rego", "selectors.rego", "snapshot.rego", "fixtures.rego");

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
}
