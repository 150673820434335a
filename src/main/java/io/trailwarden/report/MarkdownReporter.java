package io.trailwarden.report;

import io.trailwarden.finding.Evaluation;
import io.trailwarden.finding.Finding;
import io.trailwarden.finding.Status;
import io.trailwarden.finding.Waiver;
import io.trailwarden.snapshot.CollectionError;
import java.util.List;

/**
 * A summary for pull-request comments and the GitHub step summary: the verdict first, then what needs a
 * person (failures by severity, missing evidence, waivers, collection errors, expired waivers). Passing
 * resources are only counted; the JSON report lists them.
 */
public final class MarkdownReporter implements Reporter {
  @Override
  public ReportFormat format() {
    return ReportFormat.MARKDOWN;
  }

  @Override
  public String render(Evaluation evaluation) {
    Summary summary = Summary.of(evaluation);
    StringBuilder md = new StringBuilder();
    md.append("## TrailWarden: ").append(summary.verdict()).append("\n\n");
    md.append(sentence(summary)).append("\n\n");
    if (summary.resources() == 0) {
      // Zero findings is not evidence of compliance; say so rather than let "PASS" stand alone.
      md.append("No resource was judged: the rules found nothing to check in this snapshot.\n\n");
    }
    md.append("Management account ").append(MarkdownText.code(evaluation.managementAccountId()));
    evaluation.organizationId().ifPresent(id -> md.append(", organization ").append(MarkdownText.code(id)));
    md.append(", collected ").append(evaluation.collectedAt()).append(" by TrailWarden ")
        .append(MarkdownText.text(evaluation.toolVersion())).append(".\n\n");

    md.append("| Status | Count |\n| --- | ---: |\n");
    for (Status status : Status.values()) {
      md.append("| ").append(status.name()).append(" | ").append(summary.count(status)).append(" |\n");
    }

    List<Finding> failures = ReportSupport.findings(evaluation, Status.FAIL, ReportSupport.BY_SEVERITY);
    if (!failures.isEmpty()) {
      md.append("\n### Failures\n\n| Severity | Rule | Resource | Message |\n| --- | --- | --- | --- |\n");
      failures.forEach(f -> row(md, f.severity().id(), MarkdownText.code(f.ruleId()),
          MarkdownText.code(f.resource()), MarkdownText.text(f.message())));
    }
    List<Finding> unknowns = ReportSupport.findings(evaluation, Status.UNKNOWN, ReportSupport.BY_SEVERITY);
    if (!unknowns.isEmpty()) {
      md.append("\n### Evidence missing (UNKNOWN)\n\n")
          .append("These resources could not be judged; missing evidence never counts as a pass.\n\n")
          .append("| Severity | Rule | Resource | Why |\n| --- | --- | --- | --- |\n");
      unknowns.forEach(f -> row(md, f.severity().id(), MarkdownText.code(f.ruleId()),
          MarkdownText.code(f.resource()), MarkdownText.text(f.message())));
    }
    List<Finding> waived = ReportSupport.findings(evaluation, Status.WAIVED, ReportSupport.BY_SEVERITY);
    if (!waived.isEmpty()) {
      md.append("\n### Waived\n\n| Severity | Rule | Resource | Waiver |\n| --- | --- | --- | --- |\n");
      waived.forEach(f -> row(md, f.severity().id(), MarkdownText.code(f.ruleId()),
          MarkdownText.code(f.resource()), MarkdownText.text(ReportSupport.waived(f))));
    }
    List<CollectionError> errors = ReportSupport.collectionErrors(evaluation);
    if (!errors.isEmpty()) {
      md.append("\n### Collection errors\n\n")
          .append("| Service | Operation | Account/Region | Code | Message |\n| --- | --- | --- | --- | --- |\n");
      errors.forEach(e -> row(md, MarkdownText.text(e.service()), MarkdownText.code(e.operation()),
          MarkdownText.text(ReportSupport.place(e.accountId()) + "/" + ReportSupport.place(e.region())),
          MarkdownText.code(e.code()),
          MarkdownText.text(e.message() + e.resource().map(r -> " (" + r + ")").orElse(""))));
    }
    List<Waiver> expired = ReportSupport.expiredWaivers(evaluation);
    if (!expired.isEmpty()) {
      md.append("\n### Expired waivers\n\n")
          .append("> [!WARNING]\n> These waivers in config.yaml have expired and no longer waive anything.")
          .append(" Renew or remove them.\n\n")
          .append("| Rule | Resource | Expired | Reason |\n| --- | --- | --- | --- |\n");
      expired.forEach(w -> row(md, MarkdownText.code(w.rule()), MarkdownText.code(w.resource()),
          w.expires().toString(), MarkdownText.text(w.reason())));
    }
    return md.toString();
  }

  /** "4 failed (1 critical, 3 high), 1 unknown, 1 waived and 14 passed: 12 rules on 20 resources." */
  private static String sentence(Summary summary) {
    String bySeverity = summary.failedBySeverityText();
    return summary.failed() + " failed" + (bySeverity.isEmpty() ? "" : " (" + bySeverity + ")")
        + ", " + summary.unknown() + " unknown, " + summary.waived() + " waived and " + summary.passed() + " passed: "
        + ReportSupport.plural(summary.rules(), "rule") + " on "
        + ReportSupport.plural(summary.resources(), "resource") + "."
        + (summary.collectionErrors() > 0
            ? " " + ReportSupport.plural(summary.collectionErrors(), "collection error") + "." : "")
        + (summary.expiredWaivers() > 0 ? " " + ReportSupport.plural(summary.expiredWaivers(), "expired waiver") + "." : "");
  }

  private static void row(StringBuilder md, String... cells) {
    md.append("|");
    for (String cell : cells) {
      md.append(' ').append(cell).append(" |");
    }
    md.append('\n');
  }
}
