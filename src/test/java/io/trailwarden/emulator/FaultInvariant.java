package io.trailwarden.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwarden.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The fail-closed invariant between a fault-free scan and the same scan under injected faults (issue
 * 13): every finding of the fault-free run is present with the same status or as UNKNOWN, never absent,
 * never PASS instead of FAIL nor FAIL instead of PASS; a finding the fault-free run did not have may
 * only be UNKNOWN. A finding whose subject could not even be listed (a trail of an account whose trails
 * could not be listed) counts as present when the same rule is UNKNOWN for its account or for the
 * organization: that is how the rules name what they could not see. The exit code is 1 when anything
 * fails, else 3 when anything is unknown or a call failed, else 0; a run that stopped before reporting
 * must have said so with exit 3 (a retryable failure), never 0, 1 or 2.
 */
public final class FaultInvariant {
  public enum Verdict { IDENTICAL, FAIL_CLOSED, WRONG }

  /** One finding of a JSON report. */
  public record Finding(String ruleId, String resource, String accountId, String status) {
    String key() {
      return ruleId + " " + resource;
    }
  }

  /** A report's findings by rule and resource, and whether it counted collection errors. */
  public record Report(Map<String, Finding> findings, int collectionErrors) {
    public static Report read(Path json) throws IOException {
      JsonNode report = Json.mapper().readTree(Files.readString(json));
      Map<String, Finding> findings = new TreeMap<>();
      report.path("findings").forEach(f -> {
        Finding finding = new Finding(f.path("ruleId").asText(), f.path("resource").asText(), f.path("accountId").asText(),
            f.path("status").asText());
        findings.put(finding.key(), finding);
      });
      return new Report(findings, report.path("collectionErrors").size());
    }

    long count(String status) {
      return findings.values().stream().filter(f -> f.status().equals(status)).count();
    }
  }

  /** The comparison of one faulty run: its verdict and every violation, in words. */
  public record Result(Verdict verdict, List<String> violations, long unknown, int exitCode) {}

  private FaultInvariant() {}

  public static Result compare(Report clean, Optional<Report> faulty, int exitCode) {
    if (faulty.isEmpty()) {
      return exitCode == 3 ? new Result(Verdict.FAIL_CLOSED, List.of(), 0, exitCode)
          : new Result(Verdict.WRONG, List.of("no report, exit " + exitCode + " (a retryable failure is exit 3)"), 0, exitCode);
    }
    Report run = faulty.get();
    List<String> violations = new ArrayList<>();
    boolean identical = true;
    for (Finding expected : clean.findings().values()) {
      Finding actual = run.findings().get(expected.key());
      if (actual == null) {
        identical = false;
        if (!covered(expected, run)) {
          violations.add("absent: " + expected.status() + " " + expected.key());
        }
      } else if (!actual.status().equals(expected.status())) {
        identical = false;
        if (!actual.status().equals("UNKNOWN")) {
          violations.add(actual.status() + " instead of " + expected.status() + ": " + expected.key());
        }
      }
    }
    for (Finding extra : run.findings().values()) {
      if (!clean.findings().containsKey(extra.key())) {
        identical = false;
        if (!extra.status().equals("UNKNOWN")) {
          violations.add("new " + extra.status() + ": " + extra.key());
        }
      }
    }
    int expectedExit = run.count("FAIL") > 0 ? 1 : run.count("UNKNOWN") > 0 || run.collectionErrors() > 0 ? 3 : 0;
    if (exitCode != expectedExit) {
      violations.add("exit " + exitCode + ", expected " + expectedExit);
    }
    Verdict verdict = !violations.isEmpty() ? Verdict.WRONG : identical ? Verdict.IDENTICAL : Verdict.FAIL_CLOSED;
    return new Result(verdict, violations, run.count("UNKNOWN"), exitCode);
  }

  private static boolean covered(Finding missing, Report run) {
    return run.findings().values().stream().anyMatch(f -> f.ruleId().equals(missing.ruleId()) && f.status().equals("UNKNOWN")
        && (f.accountId().equals(missing.accountId()) || f.resource().contains(":organization/")));
  }
}
