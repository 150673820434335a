package io.trailwarden.report;

import io.trailwarden.finding.Evaluation;
import io.trailwarden.finding.Finding;
import io.trailwarden.finding.Status;
import io.trailwarden.finding.Waiver;
import io.trailwarden.policy.Severity;
import io.trailwarden.snapshot.CollectionError;
import java.util.Comparator;
import java.util.List;

/**
 * Orderings and phrases shared by the reporters. Every report sorts for itself instead of trusting
 * its input's order, so that output is byte-for-byte stable whoever built the evaluation.
 */
final class ReportSupport {
  /** Most severe first, for people and for the SARIF cap (what is cut is the least severe). */
  static final Comparator<Finding> BY_SEVERITY =
      Comparator.comparing(Finding::severity).thenComparing(Evaluation.ORDER);

  static final Comparator<CollectionError> ERROR_ORDER =
      Comparator.comparing(CollectionError::accountId)
          .thenComparing(CollectionError::region)
          .thenComparing(CollectionError::service)
          .thenComparing(CollectionError::operation)
          .thenComparing(e -> e.resource().orElse(""))
          .thenComparing(CollectionError::code)
          .thenComparing(CollectionError::message);

  static final Comparator<Waiver> WAIVER_ORDER =
      Comparator.comparing(Waiver::rule)
          .thenComparing(Waiver::resource)
          .thenComparing(Waiver::expires)
          .thenComparing(Waiver::reason);

  private ReportSupport() {}

  static List<Finding> findings(Evaluation evaluation, Status status, Comparator<Finding> order) {
    return evaluation.findings().stream().filter(f -> f.status() == status).sorted(order).toList();
  }

  static List<CollectionError> collectionErrors(Evaluation evaluation) {
    return evaluation.collectionErrors().stream().sorted(ERROR_ORDER).toList();
  }

  static List<Waiver> expiredWaivers(Evaluation evaluation) {
    return evaluation.expiredWaivers().stream().sorted(WAIVER_ORDER).toList();
  }

  /** An account or region the evidence did not tell is shown as {@link Finding#UNKNOWN_PLACE}. */
  static String place(String accountOrRegion) {
    return accountOrRegion == null || accountOrRegion.isBlank() ? Finding.UNKNOWN_PLACE : accountOrRegion;
  }

  /** Line breaks and tabs become single spaces, for attributes, table cells and one-line summaries. */
  static String oneLine(String text) {
    if (text == null) {
      return "";
    }
    // Most texts have no line break or tab: no regular expression for them (JUnit calls this per attribute).
    boolean plain = text.indexOf('\r') < 0 && text.indexOf('\n') < 0 && text.indexOf('\t') < 0;
    return plain ? text.strip() : text.strip().replaceAll("\\s*[\\r\\n\\t]+\\s*", " ");
  }

  /** "cloudtrail GetTrailStatus 222222222222/eu-west-1 AccessDenied: message (resource)". */
  static String describe(CollectionError error) {
    return error.service() + " " + error.operation() + " " + place(error.accountId()) + "/" + place(error.region())
        + " " + error.code() + ": " + oneLine(error.message())
        + error.resource().map(r -> " (" + r + ")").orElse("");
  }

  /** "waived until 2026-12-31: reason", the JUnit skip message and the Markdown/console wording. */
  static String waived(Finding finding) {
    return finding.waiver()
        .map(w -> "waived until " + w.expires() + ": " + oneLine(w.reason()))
        .orElse("waived");
  }

  /** "1 rule", "12 rules". */
  static String plural(long count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }

  /** FAIL when a failure counts at the gate, INCOMPLETE when evidence is missing, else PASS. */
  static String verdict(Evaluation evaluation, Summary summary, ReportSettings settings) {
    if (evaluation.failsAt(settings.failOn(), settings.failOnNew())) {
      return "FAIL";
    }
    String verdict = summary.incomplete() ? "INCOMPLETE" : "PASS";
    // A gate on new failures passes with old ones still there: say so, so PASS is not read as clean.
    return settings.failOnNew() && summary.failed() > 0 ? verdict + " (no new failures; " + summary.failed() + " still failing)"
        : verdict;
  }

  /** "Gate: fails on failures of severity high or above." */
  static String gate(ReportSettings settings) {
    return "Gate: fails on " + (settings.failOnNew() ? "new " : "") + "failures of severity " + settings.failOn().id()
        + (settings.failOn() == Severity.CRITICAL ? "" : " or above") + ".";
  }

  /** The concrete fix of a finding, else its rule's remediation. */
  static String fix(Evaluation evaluation, Finding finding) {
    return finding.fix().orElseGet(() -> evaluation.rule(finding.ruleId()).remediation());
  }
}
