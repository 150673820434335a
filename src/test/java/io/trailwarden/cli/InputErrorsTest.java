package io.trailwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwarden.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 13: inputs that used to be accepted silently, or crash, are input errors (exit 2) naming file and place. */
class InputErrorsTest {
  static MainTest.Run evaluate(Path temp, String config) throws Exception {
    Path file = temp.resolve("config.yaml");
    Files.writeString(file, config);
    return MainTest.run(MainTest.evaluate(TestFiles.example("compliant-org.json"), temp.resolve("out"), "--config", file.toString()));
  }

  @Test
  void aSelectionOfNoRuleIsAnInputError(@TempDir Path temp) throws Exception {
    MainTest.Run run = evaluate(temp, "version: 1\nrules:\n  include: [cloudtrail_org_trail_logging]\n  exclude: [cloudtrail_org_trail_logging]\n");
    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.USAGE.code());
    assertThat(run.err()).contains(temp.resolve("config.yaml") + ":4:").contains("select no rule");
    assertThat(temp.resolve("out")).doesNotExist();
  }

  @Test
  void anEmptyRulesDirectoryIsAnInputError(@TempDir Path temp) throws Exception {
    Path rules = Files.createDirectories(temp.resolve("empty-rules"));
    MainTest.Run run = MainTest.run(MainTest.evaluate(TestFiles.example("compliant-org.json"), temp.resolve("out"), "--rules",
        rules.toString()));
    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.USAGE.code());
    assertThat(run.err()).contains(rules.toString()).contains("no rules");
    assertThat(temp.resolve("out")).doesNotExist();
  }

  @Test
  void aJournalLineNullIsAnInputErrorNamingFileAndLineBeforeAnyAwsCall(@TempDir Path temp) throws Exception {
    Path journal = temp.resolve("journal.jsonl");
    Files.writeString(journal, "null\n");
    MainTest.Run run = MainTest.run("remediate", "rollback", journal.toString(), "--yes", "--config",
        Files.writeString(temp.resolve("config.yaml"), "version: 1\n").toString());
    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.USAGE.code());
    assertThat(run.err()).contains(journal + ":1:").contains("not a journal entry");
  }

  @Test
  void ruleParamsAreCheckedAgainstTheTypesOfTheirMetadataDefaults(@TempDir Path temp) throws Exception {
    String rule = "cloudtrail_org_trail_cloudwatch_logs_enabled";
    for (String[] c : new String[][] {
        {"{min_retention_days: -5}", "a whole number from 0"},
        {"{min_retention_days: 1e300}", "a whole number from 0"},
        {"{min_retention_days: 1.0e+300}", "a whole number from 0"},
        {"{min_retention_days: abc}", "a whole number from 0"},
        {"{min_retention_dayz: 400}", "unknown parameter 'min_retention_dayz'"},
        {"[400]", "a mapping of parameter names to values"}}) {
      MainTest.Run run = evaluate(temp, "version: 1\nrules:\n  params:\n    " + rule + ": " + c[0] + "\n");
      assertThat(run.exitCode()).as(c[0] + run.out() + run.err()).isEqualTo(ExitCode.USAGE.code());
      assertThat(run.err()).as(c[0]).contains(temp.resolve("config.yaml") + ":4:").contains(c[1]);
    }
    MainTest.Run list = evaluate(temp, "version: 1\nrules:\n  params:\n    s3_log_bucket_lifecycle_archives_logs:\n"
        + "      archive_storage_classes: [GLACIER, 3]\n");
    assertThat(list.exitCode()).as(list.err()).isEqualTo(ExitCode.USAGE.code());
    assertThat(list.err()).contains(":5:").contains("a list of strings");
    MainTest.Run ok = evaluate(temp, "version: 1\nrules:\n  params:\n    " + rule + ": {min_retention_days: 400}\n");
    assertThat(ok.exitCode()).as(ok.out() + ok.err()).isIn(ExitCode.OK.code(), ExitCode.FAILURES.code());
  }

  @Test
  void aSnapshotWithTrailingDataIsRefused(@TempDir Path temp) throws Exception {
    Path snapshot = temp.resolve("snapshot.json");
    Files.writeString(snapshot, TestFiles.read(TestFiles.example("compliant-org.json")) + "{\"more\": 1}\n");
    MainTest.Run run = MainTest.run(MainTest.evaluate(snapshot, temp.resolve("out")));
    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.USAGE.code());
    assertThat(run.err()).contains(snapshot.toString()).contains("after the JSON");
  }

  @Test
  void aSnapshotOfAnotherManagementAccountThanConfiguredIsRefused(@TempDir Path temp) throws Exception {
    MainTest.Run run = evaluate(temp, "version: 1\norganization:\n  managementAccountId: \"999999999999\"\n");
    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.USAGE.code());
    assertThat(run.err()).contains("compliant-org.json").contains("999999999999").contains(temp.resolve("config.yaml") + ":3");
  }

  @Test
  void aBaselineWithAStringFormatVersionOrFindingsWithoutFingerprintsIsRefused(@TempDir Path temp) throws Exception {
    MainTest.Run first = MainTest.run(MainTest.evaluate(TestFiles.example("misconfigured-org.json"), temp.resolve("base")));
    assertThat(first.exitCode()).isEqualTo(ExitCode.FAILURES.code());
    String report = Files.readString(temp.resolve("base/trailwarden.json"));
    Path baseline = temp.resolve("baseline.json");
    for (String[] c : new String[][] {
        {report.replace("\"formatVersion\" : 1", "\"formatVersion\" : \"1\""), "/formatVersion"},
        {report.replaceAll("\\s*\"fingerprint\" : \"[0-9a-f]+\",", ""), "/fingerprint must be a string"}}) {
      assertThat(c[0]).isNotEqualTo(report);
      Files.writeString(baseline, c[0]);
      MainTest.Run run = MainTest.run(MainTest.evaluate(TestFiles.example("misconfigured-org.json"), temp.resolve("out"),
          "--baseline", baseline.toString()));
      assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.USAGE.code());
      assertThat(run.err()).contains(baseline.toString()).contains(c[1]);
    }
  }
}
