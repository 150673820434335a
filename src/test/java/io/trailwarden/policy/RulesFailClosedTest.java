package io.trailwarden.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trailwarden.InvalidInputException;
import io.trailwarden.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, defect 4: rules that cannot judge must stop the run, never pass it. An empty rules
 * directory, and a rule whose evaluation hits a built-in error, are input errors naming the file.
 */
class RulesFailClosedTest {
  static final String SUBJECTS = "subjects contains snapshot.trail_subject(trail) if {\n\tsome trail in snapshot.org_trails\n";

  @Test
  void anEmptyRulesDirectoryIsAnInputErrorNamingIt(@TempDir Path temp) throws Exception {
    Path rules = Files.createDirectories(temp.resolve("rules"));
    assertThatThrownBy(() -> PolicyEngineTest.engine(rules).catalogue())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(rules.toString())
        .hasMessageContaining("no rules");
  }

  @Test
  void aDivisionByZeroInARuleFailsTheEvaluationNamingTheFile(@TempDir Path temp) throws Exception {
    Path rules = TestFiles.copyOfRules(temp);
    Path rule = rules.resolve("cloudtrail/cloudtrail_org_trail_logging.rego");
    // Without strict built-in errors, 1 / 0 is undefined and the deny silently never fires.
    Files.writeString(rule, Files.readString(rule).replace(SUBJECTS, SUBJECTS + "\tcount(input.trails) / 0 > 0\n"));
    assertThatThrownBy(() -> PolicyEngineTest.engine(rules).evaluate(PolicyEngineTest.snapshot("misconfigured-org.json"),
        Map.of(), List.of("cloudtrail_org_trail_logging")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("cloudtrail/cloudtrail_org_trail_logging.rego:")
        .hasMessageContaining("divide by zero");
  }

  @Test
  void aTypeErrorInABuiltInFailsTheEvaluationNamingTheFile(@TempDir Path temp) throws Exception {
    Path rules = TestFiles.copyOfRules(temp);
    Path rule = rules.resolve("cloudtrail/cloudtrail_org_trail_logging.rego");
    Files.writeString(rule, Files.readString(rule).replace(SUBJECTS, SUBJECTS + "\tto_number(trail.name) > 0\n"));
    assertThatThrownBy(() -> PolicyEngineTest.engine(rules).evaluate(PolicyEngineTest.snapshot("misconfigured-org.json"),
        Map.of(), List.of("cloudtrail_org_trail_logging")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("cloudtrail/cloudtrail_org_trail_logging.rego:");
  }

  /**
   * A snapshot's optional sections may be null (a scan without --verify-logs has no logIntegrity, one
   * without --with-logs no logActivity): every
   * rule must evaluate on it under strict built-in errors, judging nothing it has no evidence for.
   */
  @Test
  void everyRuleEvaluatesOnASnapshotWithoutItsOptionalSections() throws Exception {
    PolicyEngine engine = PolicyEngineTest.engine(TestFiles.rulesDir());
    List<String> ids = engine.catalogue().rules().stream().map(RuleMetadata::id).toList();
    for (String example : List.of("compliant-org.json", "misconfigured-org.json")) {
      var snapshot = (com.fasterxml.jackson.databind.node.ObjectNode) io.trailwarden.Json.mapper()
          .readTree(PolicyEngineTest.snapshot(example));
      snapshot.putNull("logIntegrity");
      snapshot.putNull("logActivity");
      List<RuleResult> results = engine.evaluate(io.trailwarden.Json.mapper().writeValueAsString(snapshot), Map.of(), ids);
      assertThat(results).hasSameSizeAs(ids);
      for (String rule : List.of("cloudtrail_org_trail_log_integrity_verified", "cloudtrail_org_trail_no_tampering_attempts",
          "iam_root_user_not_used")) {
        assertThat(results).filteredOn(r -> r.ruleId().equals(rule))
            .singleElement().satisfies(r -> assertThat(r.subjects()).as(example + " " + rule).isEmpty());
      }
    }
  }

  @Test
  void aRulesDirectoryOfAnyNameIsRead(@TempDir Path temp) throws Exception {
    Path copy = TestFiles.copyOfRules(temp);
    Path policies = Files.move(copy, temp.resolve("policies"));
    Catalogue catalogue = PolicyEngineTest.engine(policies).catalogue();
    assertThat(catalogue.rules()).hasSizeGreaterThan(20);
    assertThat(PolicyEngineTest.engine(policies).evaluate(PolicyEngineTest.snapshot("compliant-org.json"), Map.of(),
        List.of("cloudtrail_org_trail_exists"))).singleElement().satisfies(r -> assertThat(r.subjects()).isNotEmpty());
  }

  @Test
  void aBrokenRuleInADirectoryOfAnyNameIsNamedByItsPath(@TempDir Path temp) throws Exception {
    Path policies = Files.move(TestFiles.copyOfRules(temp), temp.resolve("policies"));
    Path rule = policies.resolve("cloudtrail/cloudtrail_org_trail_logging.rego");
    Files.writeString(rule, Files.readString(rule) + "\nbroken {\n");
    assertThatThrownBy(() -> PolicyEngineTest.engine(policies).catalogue())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(policies.toString())
        .hasMessageContaining("policies/cloudtrail/cloudtrail_org_trail_logging.rego:");
  }
}
