package io.trailwarden.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trailwarden.InvalidInputException;
import io.trailwarden.TestFiles;
import io.trailwarden.config.ConfigLoader;
import io.trailwarden.config.RuleSelection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rule-to-control mapping has one source, the rules' METADATA; rules/frameworks.yaml only names
 * frameworks and controls. The two must agree both ways.
 */
class FrameworksTest {
  static final Frameworks FRAMEWORKS = Frameworks.read(TestFiles.rulesDir());
  static final Catalogue CATALOGUE = CatalogueTest.CATALOGUE;

  @Test
  void everyFrameworkAndControlARuleNamesIsInTheDataFile() {
    List<String> unknown = new ArrayList<>();
    for (RuleMetadata rule : CATALOGUE.rules()) {
      rule.frameworks().forEach((framework, controls) -> {
        if (FRAMEWORKS.find(framework).isEmpty()) {
          unknown.add(rule.id() + " names framework " + framework);
        }
        controls.stream().filter(c -> FRAMEWORKS.find(framework).isPresent() && FRAMEWORKS.title(framework, c).isEmpty())
            .forEach(c -> unknown.add(rule.id() + " names control " + framework + " " + c));
      });
    }
    assertThat(unknown).as("add them to rules/frameworks.yaml (or fix the rule's custom.frameworks)").isEmpty();
  }

  @Test
  void everyControlInTheDataFileIsCoveredByARuleUnlessItSaysWhyNot() {
    List<String> uncovered = new ArrayList<>();
    List<String> claimedUncovered = new ArrayList<>();
    for (Frameworks.Framework framework : FRAMEWORKS.frameworks()) {
      for (Frameworks.Control control : framework.controls()) {
        boolean covered = CATALOGUE.rules().stream()
            .anyMatch(r -> r.frameworks().getOrDefault(framework.id(), List.of()).contains(control.id()));
        if (!covered && control.whyUncovered().isEmpty()) {
          uncovered.add(framework.id() + " " + control.id());
        }
        if (covered && control.whyUncovered().isPresent()) {
          claimedUncovered.add(framework.id() + " " + control.id());
        }
      }
    }
    assertThat(uncovered).as("controls in rules/frameworks.yaml that no rule's custom.frameworks names and that do not"
        + " say why (uncovered:)").isEmpty();
    assertThat(claimedUncovered).as("controls in rules/frameworks.yaml marked uncovered: that a rule names").isEmpty();
  }

  @Test
  void anUncoveredControlSaysWhy(@TempDir Path temp) throws Exception {
    Files.writeString(temp.resolve("frameworks.yaml"), """
        frameworks:
          - id: x
            name: X
            url: https://example.org
            controls:
              - id: "1"
                title: Covered
              - id: "2"
                title: Not covered
                uncovered: judges every bucket
        """);
    Frameworks read = Frameworks.read(temp);
    assertThat(read.find("x").orElseThrow().control("1").orElseThrow().whyUncovered()).isEmpty();
    assertThat(read.find("x").orElseThrow().control("2").orElseThrow().whyUncovered()).contains("judges every bucket");
  }

  @Test
  void theDataFileNamesEachFrameworkAndControlOnce() {
    assertThat(FRAMEWORKS.frameworks()).extracting(Frameworks.Framework::id)
        .containsExactly("cis-aws-foundations-3.0", "cis-aws-foundations-4.0", "cis-aws-foundations-5.0", "aws-security-hub",
            "pci-dss-4.0", "soc2", "nist-800-53-r5", "iso-27001-2022", "hipaa").doesNotHaveDuplicates();
    for (Frameworks.Framework framework : FRAMEWORKS.frameworks()) {
      assertThat(framework.name()).isNotBlank();
      assertThat(framework.url()).startsWith("https://");
      assertThat(framework.controls()).isNotEmpty().extracting(Frameworks.Control::id).doesNotHaveDuplicates();
      assertThat(framework.controls()).allSatisfy(c -> assertThat(c.title()).isNotBlank());
    }
    assertThat(FRAMEWORKS.title("cis-aws-foundations-3.0", "3.2")).contains("Ensure CloudTrail log file validation is enabled");
  }

  @Test
  void theDataFileTravelsWithTheEmbeddedRules() {
    try (RulesDirectory embedded = RulesDirectory.resolve(Optional.empty(), Map.of())) {
      assertThat(Frameworks.read(embedded.path())).isEqualTo(FRAMEWORKS);
    }
  }

  @Test
  void aRulesDirectoryWithoutTheFileHasNoFrameworks(@TempDir Path temp) {
    assertThat(Frameworks.read(temp).frameworks()).isEmpty();
  }

  @Test
  void aBrokenDataFileNamesFileAndLine(@TempDir Path temp) throws Exception {
    Files.writeString(temp.resolve("frameworks.yaml"), "frameworks:\n  - id: x\n    nmae: typo\n");
    assertThatThrownBy(() -> Frameworks.read(temp)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("frameworks.yaml:3");
  }

  @Test
  void configSelectsRulesByTheFrameworkIdsTheRulesUse(@TempDir Path temp) throws Exception {
    Path config = temp.resolve("config.yaml");
    Files.writeString(config, "version: 1\nrules:\n  include: [cis-aws-foundations-3.0]\n  exclude: [s3_log_bucket_access_logging_enabled]\n");
    List<String> cis = RuleSelection.select(ConfigLoader.load(config), CATALOGUE).stream().map(RuleMetadata::id).toList();
    assertThat(cis).filteredOn(id -> !id.startsWith("cloudwatch_alarm_")).containsExactly(
        "cloudtrail_org_trail_exists",
        "cloudtrail_org_trail_kms_encryption_enabled",
        "cloudtrail_org_trail_log_file_validation_enabled",
        "cloudtrail_org_trail_logging",
        "cloudtrail_org_trail_management_events_all",
        "cloudtrail_org_trail_multi_region_enabled",
        "iam_root_user_not_used",
        "securityhub_hub_enabled");
    assertThat(cis).filteredOn(id -> id.startsWith("cloudwatch_alarm_")).hasSize(15);

    // Every CloudTrail rule of Security Hub is a HIPAA audit control too; the CloudWatch and GuardDuty ones are not.
    Files.writeString(config, "version: 1\nrules:\n  include: [aws-security-hub]\n  exclude: [hipaa]\n");
    assertThat(RuleSelection.select(ConfigLoader.load(config), CATALOGUE)).extracting(RuleMetadata::id)
        .hasSize(15).allMatch(id -> id.startsWith("cloudwatch_alarm_") || id.equals("guardduty_enabled_organization_wide"))
        .doesNotContain("cloudwatch_alarm_organizations_changes");

    Files.writeString(config, "version: 1\nrules:\n  exclude: [aws-security-hub]\n");
    assertThat(RuleSelection.select(ConfigLoader.load(config), CATALOGUE)).extracting(RuleMetadata::id)
        .contains("organizations_scp_protects_cloudtrail").doesNotContain("s3_log_bucket_not_public");
  }
}
