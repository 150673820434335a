package io.trailwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwarden.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Athena verbs that need no AWS: logs athena-ddl from a saved snapshot, and logs show of an investigation's Athena form. */
class LogsAthenaCommandsTest {
  @Test
  void athenaDdlPrintsTheGoldenTableForTheConfiguredName(@TempDir Path temp) throws Exception {
    Path config = temp.resolve("config.yaml");
    Files.writeString(config, "version: 1\nathena:\n  database: security_logs\n  table: org_events\n");
    MainTest.Run run = MainTest.run("logs", "athena-ddl", "--snapshot", TestFiles.example("compliant-org.json").toString(),
        "--config", config.toString(), "--first-day", "2024-01-01");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo(Files.readString(TestFiles.projectDir().resolve("src/test/resources/investigate/athena-ddl.sql")));
  }

  @Test
  void aBadFirstDayIsAnInputError() {
    MainTest.Run run = MainTest.run("logs", "athena-ddl", "--snapshot", TestFiles.example("compliant-org.json").toString(),
        "--first-day", "last year");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--first-day last year: expected a date such as 2024-01-01");
  }

  @Test
  void showGivesTheFormOfTheEngineAsked() {
    MainTest.Run duckdb = MainTest.run("logs", "show", "cross_account_assume_role");
    MainTest.Run athena = MainTest.run("logs", "show", "cross_account_assume_role", "--engine", "athena");

    assertThat(duckdb.out()).contains("SQL (duckdb, investigations/cross_account_assume_role.sql):", "json_extract_string(");
    assertThat(athena.out()).contains("SQL (athena, investigations/cross_account_assume_role.athena.sql):",
        "json_extract_scalar(").doesNotContain("json_extract_string(");
  }
}
