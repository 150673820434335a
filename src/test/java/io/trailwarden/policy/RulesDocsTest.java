package io.trailwarden.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.trailwarden.TestFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/rules.md is generated from the rules; this test fails when it is stale. Regenerate it with
 * {@code ./trailwarden rules docs --output docs/rules.md} (or {@code ./mvnw test -Dgolden.update=true}).
 */
class RulesDocsTest {
  static final Path DOCS = TestFiles.projectDir().resolve("docs/rules.md");

  static String render() {
    return RulesDocs.render(CatalogueTest.CATALOGUE, FrameworksTest.FRAMEWORKS);
  }

  @Test
  void docsRulesMdIsUpToDate() throws Exception {
    String actual = render();
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(DOCS.getParent());
      Files.writeString(DOCS, actual, StandardCharsets.UTF_8);
      return;
    }
    if (!Files.exists(DOCS)) {
      fail(DOCS + " is missing; generate it with: " + RulesDocs.REGENERATE);
    }
    assertThat(Files.readString(DOCS, StandardCharsets.UTF_8))
        .as("docs/rules.md is stale (a rule's METADATA or rules/frameworks.yaml changed); regenerate it with: %s",
            RulesDocs.REGENERATE)
        .isEqualTo(actual);
  }

  @Test
  void theSameRulesGiveTheSameBytes() {
    assertThat(render()).isEqualTo(render()).endsWith("\n").doesNotContain("\r");
  }

  @Test
  void documentsEveryRuleWithItsControlsAndParameters() {
    String docs = render();
    for (RuleMetadata rule : CatalogueTest.CATALOGUE.rules()) {
      assertThat(docs).contains("### `" + rule.id() + "`").contains("](#" + rule.id() + ")");
    }
    assertThat(docs)
        .contains("| 3.2 | Ensure CloudTrail log file validation is enabled | `cloudtrail_org_trail_log_file_validation_enabled` |")
        .contains("- Parameter `min_retention_days`, default `365`")
        .contains("- CIS Amazon Web Services Foundations Benchmark v3.0.0 3.5: Ensure CloudTrail logs are encrypted at rest using KMS CMKs");
  }

  @Test
  void markdownMetacharactersAreEscaped() {
    assertThat(RulesDocs.text("<key prefix>/AWSLogs/ | *x* `y`")).isEqualTo("\\<key prefix\\>/AWSLogs/ \\| \\*x\\* \\`y\\`");
  }
}
