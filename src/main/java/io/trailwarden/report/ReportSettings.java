package io.trailwarden.report;

import io.trailwarden.policy.Severity;

/**
 * What a report needs besides the evaluation: the gate that decides its verdict ({@code --fail-on},
 * {@code --fail-on-new}) and the SARIF category that keeps runs apart in GitHub code scanning.
 */
public record ReportSettings(Severity failOn, boolean failOnNew, String sarifCategory) {
  /** Any failure fails; one SARIF category. */
  public static final ReportSettings DEFAULTS = new ReportSettings(Severity.LOW, false, "trailwarden");
}
