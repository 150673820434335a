package io.trailwarden.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwarden.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The rules are type-checked against the snapshot's JSON Schema: every rule declares
 * {@code schemas: - input: schema.snapshot} (CatalogueTest requires it) and {@code opa check --schema
 * rules/schema rules} types {@code input} from {@code rules/schema/snapshot.json}, so a misspelt field
 * fails the build instead of evaluating to undefined. The Maven build runs the same check (rules-check).
 */
class RulesTypeCheckTest {

  static Opa.Result check(Path rules, boolean withSchema) {
    List<String> args = new ArrayList<>(List.of("check", "--strict"));
    if (withSchema) {
      args.addAll(List.of("--schema", rules.resolve("schema").toString()));
    }
    args.add(rules.toString());
    return PolicyEngineTest.opa().run(rules.getParent(), args, "");
  }

  @Test
  void theRulesTypeCheckAgainstTheSnapshotSchema() {
    Opa.Result result = check(TestFiles.rulesDir(), true);
    assertThat(result.exitCode()).as(result.stdout() + result.stderr()).isZero();
  }

  /**
   * A field misspelt where the rule reads it: straight from input, through a value taken from input in
   * the rule, and through a lib rule's value (snapshot.org_trails) whose type flows into the rule.
   */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "cloudtrail/cloudtrail_org_trail_multi_region_enabled.rego | trail.isMultiRegionTrail != true | trail.isMultiRegionTrial != true | trail.isMultiRegionTrial | isMultiRegionTrial",
      "cloudtrail/cloudtrail_org_trail_logging.rego | trail.status.isLogging != true | trail.status.isLoging != true | trail.status.isLoging | isLoging",
      "organizations/organizations_all_features_enabled.rego | input.organization.featureSet != \"ALL\" | input.organization.featureSett != \"ALL\" | input.organization.featureSett | featureSett",
      "lib/snapshot.rego | some trail in input.trails | some trail in input.trials | input.trials | trials",
  })
  void aMisspeltInputFieldFailsTheCheckNamingTheField(String file, String field, String misspelt, String ref, String have,
      @TempDir Path temp) throws Exception {
    Path rules = TestFiles.copyOfRules(temp);
    Path rule = rules.resolve(file);
    String text = Files.readString(rule);
    assertThat(text).contains(field);
    Files.writeString(rule, text.replace(field, misspelt));

    Opa.Result result = check(rules, true);
    String output = result.stdout() + result.stderr();
    assertThat(result.exitCode()).as(output).isNotZero();
    assertThat(output).contains("rules/" + file + ":")
        .contains("rego_type_error: undefined ref: " + ref)
        .contains("have: \"" + have + "\"");

    // Without the schema the same rule compiles: the misspelling would only evaluate to undefined.
    Opa.Result untyped = check(rules, false);
    assertThat(untyped.exitCode()).as(untyped.stdout() + untyped.stderr()).isZero();
  }
}
