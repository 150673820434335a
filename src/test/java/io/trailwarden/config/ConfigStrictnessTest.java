package io.trailwarden.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trailwarden.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 13, defect 8: config.yaml mistakes that were accepted silently are errors naming file and line,
 * in the user's terms (never a Java class name).
 */
class ConfigStrictnessTest {
  static void refused(String text, String line, String says) {
    assertThatThrownBy(() -> ConfigLoader.parse(text, "config.yaml"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("config.yaml" + line)
        .hasMessageContaining(says)
        .satisfies(e -> org.assertj.core.api.Assertions.assertThat(e.getMessage())
            .doesNotContain("io.trailwarden").doesNotContain("Cannot construct").doesNotContain("java."));
  }

  @Test
  void aDuplicateKeyNamesItsSecondLine() {
    refused("version: 1\nreport:\n  failOn: high\n  failOn: low\n", ":4", "'failOn' appears twice");
  }

  @Test
  void aSecondYamlDocumentIsRefused() {
    refused("version: 1\n---\nreport:\n  failOn: high\n", ":2", "second YAML document");
  }

  @Test
  void aNumberIsNotASeverity() {
    refused("version: 1\nreport:\n  failOn: 3\n", ":3", "is not one of critical, high, medium, low");
  }

  @Test
  void theVersionIsRequired() {
    refused("report:\n  failOn: high\n", ":1", "version: 1");
  }

  @Test
  void anEmptyOrCommentOnlyFileIsRefused() {
    refused("", "", "is empty");
    refused("# only a comment\n\n", "", "is empty");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "organization:\\n  memberRoleName: ''\\n| :3 | organization.memberRoleName is empty",
      "remediation:\\n  memberRoleName: ''\\n| :3 | remediation.memberRoleName is empty",
      "report:\\n  outputDir: ''\\n| :3 | report.outputDir is empty",
      "organization:\\n  managementAccountId: null\\n| :3 | organization.managementAccountId has no value",
      "organization:\\n  managementAccountId:\\n| :3 | organization.managementAccountId has no value",
      "organization:\\n  regions: []\\n| :3 | regions: an empty list",
      "organization:\\n  endpoint: not a url\\n| :3 | is not an http or https URL",
      "organization:\\n  endpoint: ftp://127.0.0.1:21\\n| :3 | is not an http or https URL",
      "organization:\\n  endpoint: 'http://'\\n| :3 | is not an http or https URL",
      "organization:\\n  concurrency: '4'\\n| :3 | must be a whole number",
      "version: '1'\\n| :1 | version: must be a whole number"})
  void emptyMissingOrMistypedValuesAreRefused(String body, String line, String says) {
    String text = body.replace("\\n", "\n");
    refused(text.startsWith("version") ? text : "version: 1\n" + text, line.strip(), says.strip());
  }
}
