package io.trailwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwarden.Json;
import io.trailwarden.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Merge gates that fail only on what is new: evaluate with --baseline and --fail-on-new, on the examples. */
class BaselineGateTest {
  static final Path MISCONFIGURED = TestFiles.example("misconfigured-org.json");
  static final Path COMPLIANT = TestFiles.example("compliant-org.json");
  static final String TRAIL = "arn:aws:cloudtrail:us-east-1:111111111111:trail/acme-org-trail";
  @TempDir Path temp;

  Path report(Path snapshot, String dir) {
    Path out = temp.resolve(dir);
    MainTest.run(MainTest.evaluate(snapshot, out, "--format", "json"));
    return out.resolve("trailwarden.json");
  }

  static JsonNode json(Path reportDir) throws Exception {
    return Json.mapper().readTree(reportDir.resolve("trailwarden.json").toFile());
  }

  @Test
  void theSameFailuresAsTheBaselineDoNotFailTheGate() throws Exception {
    Path baseline = report(MISCONFIGURED, "before");
    Path out = temp.resolve("after");
    MainTest.Run run = MainTest.run(MainTest.evaluate(MISCONFIGURED, out, "--baseline", baseline.toString(), "--fail-on-new"));
    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.OK.code());
    JsonNode report = json(out);
    assertThat(report.path("baseline").path("new").asInt()).isZero();
    assertThat(report.path("baseline").path("existing").asInt()).isPositive();
    // Without --fail-on-new the same run still fails: the failures are there.
    assertThat(MainTest.run(MainTest.evaluate(MISCONFIGURED, temp.resolve("all"), "--baseline", baseline.toString())).exitCode())
        .isEqualTo(ExitCode.FAILURES.code());
  }

  @Test
  void failuresTheBaselineDidNotHaveAreNewAndFailTheGate() throws Exception {
    Path baseline = report(COMPLIANT, "before");
    Path out = temp.resolve("after");
    MainTest.Run run = MainTest.run(MainTest.evaluate(MISCONFIGURED, out, "--baseline", baseline.toString(), "--fail-on-new"));
    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.FAILURES.code());
    List<String> states = new ArrayList<>();
    json(out).path("findings").forEach(f -> {
      if (f.path("status").asText().equals("FAIL")) {
        states.add(f.path("baselineState").asText());
      }
    });
    assertThat(states).isNotEmpty().containsOnly("new");
    assertThat(Files.readString(out.resolve("trailwarden.md"))).contains("### New since the baseline");
    assertThat(Files.readString(out.resolve("trailwarden.sarif"))).contains("\"baselineState\" : \"new\"");
  }

  @Test
  void aFixedFaultIsListedAsFixed() throws Exception {
    Path baseline = report(MISCONFIGURED, "before");
    Path fixed = temp.resolve("fixed.json");
    String snapshot = Files.readString(MISCONFIGURED);
    int trail = snapshot.indexOf("\"arn\": \"" + TRAIL + "\"");
    int flag = snapshot.indexOf("\"logFileValidationEnabled\": false", trail);
    Files.writeString(fixed, snapshot.substring(0, flag) + "\"logFileValidationEnabled\": true"
        + snapshot.substring(flag + "\"logFileValidationEnabled\": false".length()));
    Path out = temp.resolve("after");
    MainTest.Run run = MainTest.run(MainTest.evaluate(fixed, out, "--baseline", baseline.toString(), "--fail-on-new"));
    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.OK.code());
    JsonNode fixedList = json(out).path("baseline").path("fixed");
    assertThat(fixedList).hasSize(1);
    assertThat(fixedList.get(0).path("ruleId").asText()).isEqualTo("cloudtrail_org_trail_log_file_validation_enabled");
    assertThat(fixedList.get(0).path("resource").asText()).isEqualTo(TRAIL);
    assertThat(Files.readString(out.resolve("trailwarden.md"))).contains("### Fixed since the baseline");
  }

  @Test
  void aBrokenBaselineIsAUsageErrorAndWritesNothing() throws Exception {
    Path baseline = report(MISCONFIGURED, "before");
    Files.writeString(baseline, Files.readString(baseline).substring(0, 200));
    Path out = temp.resolve("after");
    MainTest.Run run = MainTest.run(MainTest.evaluate(MISCONFIGURED, out, "--baseline", baseline.toString()));
    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(run.err()).contains(baseline.toString()).contains("truncated");
    assertThat(out).doesNotExist();
  }
}
