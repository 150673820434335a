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
}
