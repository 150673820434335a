package io.trailwarden.report;

import io.trailwarden.finding.Evaluation;
import io.trailwarden.finding.Finding;
import io.trailwarden.policy.Severity;
import io.trailwarden.finding.Status;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The counts every human-facing report leads with, computed once so that JSON, Markdown and the
 * console never disagree.
 *
 * @param resources distinct resources judged by any rule
 * @param failedBySeverity FAIL count per severity, every severity present, most severe first
 */
record Summary(
    int rules,
    int resources,
    long passed,
    long failed,
    long unknown,
    long waived,
    Map<Severity, Long> failedBySeverity,
    int collectionErrors,
    int expiredWaivers,
    java.util.Optional<Integer> unaccountedAccounts) {

  Summary {
    failedBySeverity = Collections.unmodifiableMap(new EnumMap<>(failedBySeverity));
  }

  /** In one pass over the findings: every reporter asks, and a large organization has hundreds of thousands. */
  static Summary of(Evaluation evaluation) {
    Map<Severity, Long> bySeverity = new EnumMap<>(Severity.class);
    for (Severity severity : Severity.values()) {
      bySeverity.put(severity, 0L);
    }
    Map<Status, Long> byStatus = new EnumMap<>(Status.class);
    Set<String> resources = new HashSet<>();
    for (Finding finding : evaluation.findings()) {
      byStatus.merge(finding.status(), 1L, Long::sum);
      if (finding.status() == Status.FAIL) {
        bySeverity.merge(finding.severity(), 1L, Long::sum);
      }
      resources.add(finding.resource());
    }
    return new Summary(
        evaluation.rules().size(),
        resources.size(),
        byStatus.getOrDefault(Status.PASS, 0L),
        byStatus.getOrDefault(Status.FAIL, 0L),
        byStatus.getOrDefault(Status.UNKNOWN, 0L),
        byStatus.getOrDefault(Status.WAIVED, 0L),
        bySeverity,
        evaluation.collectionErrors().size(),
        evaluation.expiredWaivers().size(),
        evaluation.unaccountedAccounts());
  }

  long count(Status status) {
    return switch (status) {
      case PASS -> passed;
      case FAIL -> failed;
      case UNKNOWN -> unknown;
      case WAIVED -> waived;
    };
  }

  /**
   * The headline verdict. Reporters do not know the {@code --fail-on} threshold, so any active
   * failure is FAIL; missing evidence without failures is INCOMPLETE (it never counts as a pass).
   */
  String verdict() {
    if (failed > 0) {
      return "FAIL";
    }
    return incomplete() ? "INCOMPLETE" : "PASS";
  }

  /** Evidence was missing somewhere (an UNKNOWN or a call that failed): exit code 3's condition. */
  boolean incomplete() {
    return unknown > 0 || collectionErrors > 0;
  }

  /** A sentence when accounts are unaccounted for (issue 13: they once vanished silently); empty otherwise. */
  String unaccountedText() {
    if (unaccountedAccounts.isEmpty()) {
      return "How many accounts are unaccounted for is unknown: the organization's accounts could not be listed.";
    }
    int n = unaccountedAccounts.get();
    return n == 0 ? "" : ReportSupport.plural(n, "account") + " unaccounted for: not placed in the organization's tree, so the SCPs reaching "
        + (n == 1 ? "it are" : "them are") + " unknown.";
  }

  /** "1 critical, 3 high": only the severities that occur; empty when nothing failed. */
  String failedBySeverityText() {
    StringBuilder text = new StringBuilder();
    failedBySeverity.forEach((severity, count) -> {
      if (count > 0) {
        text.append(text.isEmpty() ? "" : ", ").append(count).append(' ').append(severity.id());
      }
    });
    return text.toString();
  }

  /** "4 failed (1 critical, 3 high), 1 unknown, 1 waived and 14 passed: 12 rules on 20 resources." */
  String sentence() {
    String bySeverity = failedBySeverityText();
    return failed() + " failed" + (bySeverity.isEmpty() ? "" : " (" + bySeverity + ")")
        + ", " + unknown() + " unknown, " + waived() + " waived and " + passed() + " passed: "
        + ReportSupport.plural(rules, "rule") + " on "
        + ReportSupport.plural(resources(), "resource") + "."
        + (collectionErrors() > 0
            ? " " + ReportSupport.plural(collectionErrors(), "collection error") + "." : "")
        + (expiredWaivers() > 0 ? " " + ReportSupport.plural(expiredWaivers(), "expired waiver") + "." : "")
        + (unaccountedText().isEmpty() ? "" : " " + unaccountedText());
  }
}
