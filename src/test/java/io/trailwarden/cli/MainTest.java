package io.trailwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwarden.TestFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI end to end through Main.run, on the real OPA and the project's rules. */
class MainTest {
  record Run(int exitCode, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> all = new ArrayList<>(List.of(args));
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), all.toArray(String[]::new));
    return new Run(code, out.toString(), err.toString());
  }

  static String[] evaluate(Path snapshot, Path outputDir, String... more) {
    List<String> args = new ArrayList<>(List.of("evaluate", "--snapshot", snapshot.toString(), "--output-dir", outputDir.toString()));
    args.addAll(List.of(more));
    if (!args.contains("--rules")) {
      args.addAll(List.of("--rules", TestFiles.rulesDir().toString()));
    }
    if (!args.contains("--config")) {
      args.addAll(List.of("--config", TestFiles.projectDir().resolve("config.yaml").toString()));
    }
    return args.toArray(String[]::new);
  }

  static Map<String, byte[]> files(Path dir) throws Exception {
    Map<String, byte[]> contents = new TreeMap<>();
    try (Stream<Path> list = Files.list(dir)) {
      for (Path p : list.toList()) {
        contents.put(p.getFileName().toString(), Files.readAllBytes(p));
      }
    }
    return contents;
  }

  @Test
  void misconfiguredOrganizationFailsAndWritesEveryReport(@TempDir Path out) throws Exception {
    Run run = run(evaluate(TestFiles.example("misconfigured-org.json"), out));
    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.FAILURES.code());
    assertThat(run.out())
        .contains("cloudtrail_org_trail_log_file_validation_enabled")
        .contains("cloudtrail_org_trail_multi_region_enabled")
        .contains("s3_log_bucket_policy_allows_cloudtrail_write")
        .contains("Reports: ");
    assertThat(files(out)).containsOnlyKeys("trailwarden.sarif", "trailwarden-junit.xml", "trailwarden.json", "trailwarden.md",
        "trailwarden.html");
    // The HTML report has a control matrix for every framework of rules/frameworks.yaml.
    String html = Files.readString(out.resolve("trailwarden.html"));
    io.trailwarden.policy.Frameworks.read(TestFiles.rulesDir()).frameworks()
        .forEach(f -> assertThat(html).contains("data-framework=\"" + f.id() + "\""));
  }

  @Test
  void compliantOrganizationExitsZero(@TempDir Path out) {
    Run run = run(evaluate(TestFiles.example("compliant-org.json"), out));
    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.OK.code());
  }

  @Test
  void theSameSnapshotGivesByteIdenticalReports(@TempDir Path temp) throws Exception {
    Path first = temp.resolve("first");
    Path second = temp.resolve("second");
    Run a = run(evaluate(TestFiles.example("misconfigured-org.json"), first));
    Run b = run(evaluate(TestFiles.example("misconfigured-org.json"), second));
    assertThat(a.out().replace(first.toString(), "DIR")).isEqualTo(b.out().replace(second.toString(), "DIR"));
    Map<String, byte[]> x = files(first);
    Map<String, byte[]> y = files(second);
    assertThat(x.keySet()).isEqualTo(y.keySet()).hasSize(5);
    x.forEach((name, bytes) -> assertThat(y.get(name)).as(name).isEqualTo(bytes));
  }

  @Test
  void failOnAboveTheFailuresExitsZero(@TempDir Path out) {
    assertThat(run(evaluate(TestFiles.example("misconfigured-org.json"), out, "--fail-on", "critical")).exitCode()).isEqualTo(ExitCode.OK.code());
    assertThat(run(evaluate(TestFiles.example("misconfigured-org.json"), out, "--fail-on", "high")).exitCode()).isEqualTo(ExitCode.FAILURES.code());
  }

  @Test
  void formatSelectsTheFiles(@TempDir Path out) throws Exception {
    run(evaluate(TestFiles.example("compliant-org.json"), out, "--format", "sarif,markdown"));
    assertThat(files(out)).containsOnlyKeys("trailwarden.sarif", "trailwarden.md");
  }

  @Test
  void missingEvidenceExitsThreeUnlessPartialIsAllowed(@TempDir Path temp) throws Exception {
    String text = TestFiles.read(TestFiles.example("compliant-org.json"))
        .replaceFirst("\"status\": \\{[^}]*\\}", "\"status\": null")
        .replace("\"errors\": []", """
            "errors": [{"service": "cloudtrail", "operation": "GetTrailStatus", "accountId": "111111111111", "region": "us-east-1",
              "code": "AccessDeniedException", "message": "not authorized", "resource": "arn:aws:cloudtrail:us-east-1:111111111111:trail/acme-org-trail"}]""");
    Path snapshot = temp.resolve("partial.json");
    Files.writeString(snapshot, text);
    Run run = run(evaluate(snapshot, temp.resolve("out")));
    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.INCOMPLETE.code());
    assertThat(run.out()).contains("UNKNOWN").contains("cloudtrail_org_trail_logging");
    assertThat(run.err()).contains("--allow-partial");
    assertThat(run(evaluate(snapshot, temp.resolve("out"), "--allow-partial")).exitCode()).isEqualTo(ExitCode.OK.code());
  }

  @Test
  void aWaiverInConfigWaivesUntilItExpires(@TempDir Path temp) throws Exception {
    Path config = temp.resolve("config.yaml");
    Files.writeString(config, """
        version: 1
        waivers:
          - rule: cloudtrail_org_trail_multi_region_enabled
            resource: "arn:aws:cloudtrail:*"
            reason: accepted for the migration
            expires: 2026-11-23
          - rule: cloudtrail_org_trail_log_file_validation_enabled
            resource: "*"
            reason: expired yesterday
            expires: 2026-11-22
        """);
    Run run = run(evaluate(TestFiles.example("misconfigured-org.json"), temp.resolve("out"), "--config", config.toString()));
    assertThat(run.exitCode()).isEqualTo(ExitCode.FAILURES.code());
    assertThat(run.out()).contains("WAIVED");
    assertThat(run.err()).contains("expired on 2026-11-22");
    String json = Files.readString(temp.resolve("out/trailwarden.json"));
    assertThat(json).contains("accepted for the migration");
  }

  @Test
  void brokenSnapshotExitsTwoNamingFileAndPath(@TempDir Path temp) throws Exception {
    Path snapshot = temp.resolve("broken.json");
    Files.writeString(snapshot, TestFiles.read(TestFiles.example("compliant-org.json")).replace("\"logFileValidationEnabled\": true", "\"logFileValidationEnabled\": 1"));
    Run run = run(evaluate(snapshot, temp.resolve("out")));
    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(run.err()).contains(snapshot.toString()).contains("$.trails[0].logFileValidationEnabled");
    assertThat(temp.resolve("out")).doesNotExist();
  }

  @Test
  void brokenConfigExitsTwoNamingFileAndLine(@TempDir Path temp) throws Exception {
    Path config = temp.resolve("config.yaml");
    Files.writeString(config, "version: 1\nreport:\n  failOn: high\n  colour: blue\n");
    Run run = run(evaluate(TestFiles.example("compliant-org.json"), temp.resolve("out"), "--config", config.toString()));
    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(run.err()).contains(config + ":4:").contains("unknown key 'colour'");
  }

  @Test
  void configNamingAnUnknownRuleExitsTwoWithTheLine(@TempDir Path temp) throws Exception {
    Path config = temp.resolve("config.yaml");
    Files.writeString(config, "version: 1\nrules:\n  exclude:\n    - cloudtrail_org_trail_logging\n    - cloudtrail_made_up\n");
    Run run = run(evaluate(TestFiles.example("compliant-org.json"), temp.resolve("out"), "--config", config.toString()));
    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(run.err()).contains(config + ":5:").contains("'cloudtrail_made_up'");
  }

  @Test
  void excludedRulesDoNotRun(@TempDir Path temp) throws Exception {
    Path config = temp.resolve("config.yaml");
    Files.writeString(config, "version: 1\nrules:\n  exclude: [cloudtrail_org_trail_multi_region_enabled, cloudtrail_org_trail_log_file_validation_enabled,"
        + " cloudtrail_org_trail_cloudwatch_logs_enabled, cloudtrail_member_trails_no_conflict, s3_log_bucket_policy_allows_cloudtrail_write,"
        + " s3_log_bucket_policy_denies_object_deletion, s3_log_bucket_lifecycle_archives_logs, organizations_scp_protects_cloudtrail,"
        // The fifteen monitoring rules fail on the one-Region trail: excluding CIS 5.0 takes them (with
        // logging rules that pass or are excluded above).
        + " cloudtrail_org_trail_log_integrity_verified, guardduty_enabled_organization_wide, cloudtrail_org_trail_no_tampering_attempts,"
        + " iam_root_user_not_used, cis-aws-foundations-5.0]\n");
    Run run = run(evaluate(TestFiles.example("misconfigured-org.json"), temp.resolve("out"), "--config", config.toString()));
    assertThat(run.exitCode()).as(run.out()).isEqualTo(ExitCode.OK.code());
  }

  @Test
  void brokenRegoExitsTwoNamingFileAndLine(@TempDir Path temp) throws Exception {
    Path rules = TestFiles.copyOfRules(temp);
    Path rule = rules.resolve("s3/s3_log_bucket_policy_allows_cloudtrail_write.rego");
    Files.writeString(rule, Files.readString(rule).replace("acl_key := \"s3:x-amz-acl\"", "acl_key := \"s3:x-amz-acl"));
    Run run = run(evaluate(TestFiles.example("compliant-org.json"), temp.resolve("out"), "--rules", rules.toString()));
    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(run.err()).contains("rules/s3/s3_log_bucket_policy_allows_cloudtrail_write.rego:");
  }

  @Test
  void rulesListAndShow() {
    Run list = run("rules", "--rules", TestFiles.rulesDir().toString(), "list");
    assertThat(list.exitCode()).isZero();
    assertThat(list.out()).contains("cloudtrail_org_trail_exists").contains("critical").contains("44 rules");

    Run cis = run("rules", "--rules", TestFiles.rulesDir().toString(), "list", "--framework", "cis-aws-foundations-3.0");
    assertThat(cis.out()).contains("cloudtrail_org_trail_multi_region_enabled").doesNotContain("s3_log_bucket_not_public");
    for (var control : io.trailwarden.policy.MonitoringControls.load()) {
      assertThat(cis.out()).contains(control.id());
    }
    Run misspelt = run("rules", "--rules", TestFiles.rulesDir().toString(), "list", "--framework", "cis-aws-foundation-3.0");
    assertThat(misspelt.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(misspelt.err()).contains("no framework 'cis-aws-foundation-3.0'").contains("hipaa");

    Run show = run("rules", "--rules", TestFiles.rulesDir().toString(), "show", "cloudtrail_org_trail_log_file_validation_enabled");
    assertThat(show.exitCode()).isZero();
    assertThat(show.out()).contains("Severity:     high")
        .contains("Framework:    cis-aws-foundations-3.0 3.2: Ensure CloudTrail log file validation is enabled")
        .contains("Framework:    aws-security-hub CloudTrail.4: CloudTrail log file validation should be enabled")
        .contains("https://docs.aws.amazon.com/").contains("Remediation:");

    Run unknown = run("rules", "--rules", TestFiles.rulesDir().toString(), "show", "nope");
    assertThat(unknown.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(unknown.err()).contains("no rule 'nope'");
  }

  @Test
  void rulesDocsWritesTheCatalogueAsMarkdown(@TempDir Path temp) throws Exception {
    Run stdout = run("rules", "--rules", TestFiles.rulesDir().toString(), "docs");
    assertThat(stdout.exitCode()).as(stdout.err()).isZero();
    assertThat(stdout.out()).startsWith("<!-- Generated").contains("# TrailWarden rules").contains("### `s3_log_bucket_not_public`");

    Path file = temp.resolve("docs/rules.md");
    Run written = run("rules", "--rules", TestFiles.rulesDir().toString(), "docs", "--output", file.toString());
    assertThat(written.exitCode()).isZero();
    assertThat(written.err()).contains("Wrote " + file);
    assertThat(Files.readString(file)).isEqualTo(stdout.out());
  }

  @Test
  void helpVersionAndUsageErrors() {
    assertThat(run("--help").out()).contains("evaluate").contains("rules").contains("Exit codes");
    assertThat(run("evaluate", "--help").out()).contains("--snapshot").contains("--fail-on").contains("--format");
    assertThat(run("rules", "show", "--help").exitCode()).isZero();
    Run version = run("--version");
    assertThat(version.exitCode()).isZero();
    assertThat(version.out()).contains("TrailWarden").contains("OPA 1.22.2");
    assertThat(run("evaluate").exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(run("evaluate", "--snapshot", "x.json", "--fail-on", "extreme").exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(run("frobnicate").exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(run().exitCode()).isEqualTo(ExitCode.USAGE.code());
  }
}
