package io.trailwarden.config;

import io.trailwarden.YamlLines;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trailwarden.InvalidInputException;
import io.trailwarden.TestFiles;
import io.trailwarden.policy.Severity;
import io.trailwarden.report.ReportFormat;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {
  @Test
  void theCommentedRootConfigIsValidAndStatesTheDefaults() {
    Config root = ConfigLoader.load(TestFiles.projectDir().resolve("config.yaml")).config();
    assertThat(root).isEqualTo(Config.defaults());
    assertThat(root.report().formats()).containsExactlyElementsOf(ReportFormat.defaults());
    assertThat(root.report().failOn()).isEqualTo(Severity.LOW);
    assertThat(root.report().allowPartial()).isFalse();
  }

  @Test
  void readsEverySection() {
    Config config = ConfigLoader.parse("""
        version: 1
        report:
          formats: [sarif, JUnit]
          outputDir: out
          failOn: high
          allowPartial: true
        rules:
          include: [cis-aws-foundations-3.0]
          exclude: [cloudtrail_org_trail_logging]
          params:
            cloudtrail_org_trail_logging: {days: 3}
        waivers:
          - rule: cloudtrail_org_trail_logging
            resource: "arn:aws:cloudtrail:*"
            reason: migrating
            expires: 2027-01-31
        """, "c.yaml");
    assertThat(config.report()).isEqualTo(new Config.Report(List.of(ReportFormat.SARIF, ReportFormat.JUNIT), "out", Severity.HIGH, true));
    assertThat(config.rules().include()).containsExactly("cis-aws-foundations-3.0");
    assertThat(config.rules().paramsOf("cloudtrail_org_trail_logging")).hasValueSatisfying(p -> assertThat(p.get("days").asInt()).isEqualTo(3));
    assertThat(config.waivers()).singleElement().satisfies(w -> assertThat(w.expires()).isEqualTo(LocalDate.of(2027, 1, 31)));
  }

  @Test
  void readsTheOrganizationSection() {
    OrganizationSettings org = ConfigLoader.parse("""
        version: 1
        organization:
          managementAccountId: "111111111111"
          loggingAccountId: "222222222222"
          regions: [eu-west-1, us-east-1]
          externalId: audit-2026
          concurrency: 4
          sensitiveResources:
            s3Buckets: [statements]
        """, "c.yaml").organization();
    assertThat(org.managementAccountId()).contains("111111111111");
    assertThat(org.loggingAccountId()).contains("222222222222");
    assertThat(org.regions()).containsExactly("eu-west-1", "us-east-1");
    assertThat(org.allRegions()).isFalse();
    assertThat(org.memberRoleName()).isEqualTo("OrganizationAccountAccessRole");
    assertThat(org.externalId()).contains("audit-2026");
    assertThat(org.sensitiveResources().s3Buckets()).containsExactly("statements");
    assertThat(ConfigLoader.parse("version: 1\norganization:\n  regions: all\n", "c.yaml").organization().allRegions()).isTrue();
  }

  @Test
  void readsTheAthenaSectionAndRefusesWhatAthenaWouldNot() {
    Config config = ConfigLoader.parse("""
        version: 1
        athena:
          workgroup: investigations
          database: security_logs
          table: org_events
          outputLocation: s3://org-athena-results/trailwarden/
          accountId: "222222222222"
          region: eu-west-1
        """, "c.yaml");
    assertThat(config.athena()).isEqualTo(new Config.Athena("investigations", "security_logs", "org_events",
        Optional.of("s3://org-athena-results/trailwarden/"), Optional.of("222222222222"), Optional.of("eu-west-1")));
    assertThat(Config.defaults().athena()).isEqualTo(new Config.Athena("primary", "default", "trailwarden_events",
        Optional.empty(), Optional.empty(), Optional.empty()));

    assertThatThrownBy(() -> ConfigLoader.parse("version: 1\nathena:\n  workgroup: primary\n  databse: x\n", "c.yaml"))
        .hasMessageStartingWith("c.yaml:4:").hasMessageContaining("unknown key 'databse' under athena; known keys: accountId, "
            + "database, outputLocation, region, table, workgroup");
    assertThatThrownBy(() -> ConfigLoader.parse("version: 1\nathena:\n  table: Org-Events\n", "c.yaml"))
        .hasMessageStartingWith("c.yaml:").hasMessageContaining("table: 'Org-Events' is not an Athena table name");
    assertThatThrownBy(() -> ConfigLoader.parse("version: 1\nathena:\n  outputLocation: org-results\n", "c.yaml"))
        .hasMessageContaining("outputLocation: 'org-results' is not an S3 location");
    assertThatThrownBy(() -> ConfigLoader.parse("version: 1\nathena:\n  region: mars-1\n", "c.yaml"))
        .hasMessageContaining("region: 'mars-1' is not an AWS region name");
  }

  @Test
  void badAccountIdOrRegionNamesTheLine() {
    assertThatThrownBy(() -> ConfigLoader.parse("version: 1\nreport:\n  failOn: high\norganization:\n  loggingAccountId: \"2222\"\n", "config.yaml"))
        .hasMessageStartingWith("config.yaml:5:")
        .hasMessageContaining("loggingAccountId must be a 12-digit account id, not '2222'");
    assertThatThrownBy(() -> ConfigLoader.parse("version: 1\norganization:\n  regions: [us-east-1, mars-1]\n", "config.yaml"))
        .hasMessageContaining("'mars-1' is not an AWS region name");
  }

  /** Issue 13: a well-formed but unknown region crashed the collection (exit 4); it is an input error at its line. */
  @Test
  void unknownRegionNamesTheLine() {
    assertThatThrownBy(() -> ConfigLoader.parse("version: 1\norganization:\n  homeRegion: us-east-1\n  regions:\n    - eu-west-1\n    - xx-nowhere-9\n", "config.yaml"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("config.yaml:")
        .hasMessageContaining("regions: 'xx-nowhere-9' is not an AWS region (known: ")
        .hasMessageContaining("eu-west-1");
    assertThatThrownBy(() -> ConfigLoader.parse("version: 1\norganization:\n  homeRegion: us-nowhere-1\n", "config.yaml"))
        .hasMessageStartingWith("config.yaml:3:")
        .hasMessageContaining("homeRegion: 'us-nowhere-1' is not an AWS region");
  }

  @Test
  void unknownKeyNamesLineAndKnownKeys() {
    assertThatThrownBy(() -> ConfigLoader.parse("version: 1\nreport:\n  failOn: high\n  failon: low\n", "config.yaml"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("config.yaml:4:")
        .hasMessageContaining("unknown key 'failon' under report")
        .hasMessageContaining("known keys: allowPartial, failOn, failOnNew, formats, outputDir, sarifCategory");
  }

  @Test
  void badSeverityListsTheChoices() {
    assertThatThrownBy(() -> ConfigLoader.parse("version: 1\nreport:\n  failOn: severe\n", "config.yaml"))
        .hasMessageStartingWith("config.yaml:3:")
        .hasMessageContaining("report.failOn: 'severe' is not one of critical, high, medium, low");
  }

  @Test
  void badDateNamesTheWaiver() {
    assertThatThrownBy(() -> ConfigLoader.parse("""
        version: 1
        waivers:
          - rule: r
            resource: x
            reason: y
            expires: next tuesday
        """, "config.yaml"))
        .hasMessageStartingWith("config.yaml:6:")
        .hasMessageContaining("waivers[0].expires: 'next tuesday' is not a valid date (YYYY-MM-DD)");
  }

  @Test
  void incompleteWaiverSaysWhatIsMissing() {
    assertThatThrownBy(() -> ConfigLoader.parse("version: 1\nwaivers:\n  - rule: r\n    resource: x\n    expires: 2027-01-01\n", "config.yaml"))
        .hasMessageStartingWith("config.yaml:3:")
        .hasMessageContaining("missing: reason");
  }

  @Test
  void yamlSyntaxErrorNamesTheLine() {
    assertThatThrownBy(() -> ConfigLoader.parse("version: 1\nreport:\n  formats: [sarif\n  failOn: high\n", "config.yaml"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageMatching("(?s)config\\.yaml:\\d+:\\d+: .*");
  }

  @Test
  void wrongVersionIsRejected() {
    assertThatThrownBy(() -> ConfigLoader.parse("version: 2\n", "config.yaml"))
        .hasMessageContaining("config.yaml:1:").hasMessageContaining("version must be 1");
  }

  @Test
  void lineOfFindsKeysAndListItems() {
    String text = "rules:\n  params:\n    a: {x: 1}\nwaivers:\n  - rule: r\n    reason: z\n";
    assertThat(YamlLines.lineOf(text, List.of("rules", "params", "a"))).contains(3);
    assertThat(YamlLines.lineOf(text, List.of("waivers", 0, "rule"))).contains(5);
    assertThat(YamlLines.lineOf(text, List.of("waivers", 3))).isEmpty();
  }
}
