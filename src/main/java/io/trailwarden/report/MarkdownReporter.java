package io.trailwarden.report;

import io.trailwarden.finding.Baseline;
import io.trailwarden.finding.Evaluation;
import io.trailwarden.finding.Finding;
import io.trailwarden.finding.Status;
import io.trailwarden.finding.Waiver;
import io.trailwarden.policy.Severity;
import io.trailwarden.snapshot.CollectionError;
import java.util.List;

/**
 * A summary for pull-request comments and the GitHub step summary: the verdict first, then what needs a
 * person (failures by severity, missing evidence, waivers, collection errors, expired waivers). Passing
 * resources are only counted; the JSON report lists them.
 */
public final class MarkdownReporter implements Reporter {
  /** GitHub's step summary takes at most 1 MiB; a report is kept well under it. */
  static final int MAX_BYTES = 1_000_000;
  /** Failures listed in full, most severe first; the JSON report has the rest. */
  static final int MAX_ROWS = 100;

  private final ReportSettings settings;

  public MarkdownReporter() {
    this(ReportSettings.DEFAULTS);
  }

  public MarkdownReporter(ReportSettings settings) {
    this.settings = settings;
  }

  @Override
  public ReportFormat format() {
    return ReportFormat.MARKDOWN;
  }

  /** Capped below 1,000,000 bytes (the step summary's limit), so it is built whole, then written. */
  @Override
  public void write(Evaluation evaluation, java.io.Writer out) throws java.io.IOException {
    out.write(render(evaluation));
  }

  @Override
  public String render(Evaluation evaluation) {
    Summary summary = Summary.of(evaluation);
    StringBuilder md = new StringBuilder();
    md.append("## TrailWarden: ").append(ReportSupport.verdict(evaluation, summary, settings)).append("\n\n");
    md.append(summary.sentence()).append("\n\n");
    md.append(ReportSupport.gate(settings)).append("\n\n");
    evaluation.baseline().ifPresent(b -> md.append("Compared with ").append(MarkdownText.code(b.source())).append(": ")
        .append(b.count(Baseline.State.NEW)).append(" new, ").append(b.count(Baseline.State.EXISTING))
        .append(" still failing, ").append(b.fixed().size()).append(" fixed, ").append(b.notRechecked().size())
        .append(" not re-checked.\n\n"));
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

    md.append("\n| Severity | Failed |").append(evaluation.baseline().isPresent() ? " New |\n| --- | ---: | ---: |\n" : "\n| --- | ---: |\n");
    for (Severity severity : Severity.values()) {
      md.append("| ").append(severity.id()).append(" | ").append(summary.failedBySeverity().get(severity));
      evaluation.baseline().ifPresent(b -> md.append(" | ").append(evaluation.findings().stream()
          .filter(f -> f.severity() == severity && evaluation.baselineState(f).orElse(null) == Baseline.State.NEW).count()));
      md.append(" |\n");
    }

    List<Finding> failures = ReportSupport.findings(evaluation, Status.FAIL, ReportSupport.BY_SEVERITY);
    if (evaluation.baseline().isPresent()) {
      List<Finding> fresh = failures.stream()
          .filter(f -> evaluation.baselineState(f).orElse(null) == Baseline.State.NEW).toList();
      if (!fresh.isEmpty()) {
        md.append("\n### New since the baseline\n\n| Severity | Rule | Resource | Fix |\n| --- | --- | --- | --- |\n");
        rows(md, fresh, f -> new String[] {f.severity().id(), MarkdownText.code(f.ruleId()), MarkdownText.code(f.resource()),
            MarkdownText.text(ReportSupport.fix(evaluation, f))});
      }
      List<Baseline.Failure> fixed = evaluation.baseline().get().fixed();
      if (!fixed.isEmpty()) {
        md.append("\n### Fixed since the baseline\n\n| Severity | Rule | Resource |\n| --- | --- | --- |\n");
        fixed.stream().limit(MAX_ROWS).forEach(f -> row(md, f.severity().id(), MarkdownText.code(f.ruleId()),
            MarkdownText.code(f.resource())));
        more(md, fixed.size());
      }
      List<Baseline.Failure> notRechecked = evaluation.baseline().get().notRechecked();
      if (!notRechecked.isEmpty()) {
        md.append("\n### Not re-checked since the baseline\n\nThese failed in the baseline and could not be judged this time "
            + "(UNKNOWN, or not collected): they are not known to be fixed.\n\n| Severity | Rule | Resource |\n| --- | --- | --- |\n");
        notRechecked.stream().limit(MAX_ROWS).forEach(f -> row(md, f.severity().id(), MarkdownText.code(f.ruleId()),
            MarkdownText.code(f.resource())));
        more(md, notRechecked.size());
      }
    }
    // With a baseline the new failures are listed above; the rest are the ones it already had.
    List<Finding> listed = evaluation.baseline().isEmpty() ? failures : failures.stream()
        .filter(f -> evaluation.baselineState(f).orElse(null) == Baseline.State.EXISTING).toList();
    if (!listed.isEmpty()) {
      md.append(evaluation.baseline().isEmpty() ? "\n### Failures\n\n" : "\n### Still failing (in the baseline too)\n\n")
          .append("| Severity | Rule | Resource | Message | Fix |\n| --- | --- | --- | --- | --- |\n");
      rows(md, listed, f -> new String[] {f.severity().id(), MarkdownText.code(f.ruleId()), MarkdownText.code(f.resource()),
          MarkdownText.text(f.message()), MarkdownText.text(ReportSupport.fix(evaluation, f))});
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
    return fitted(md.toString());
  }

  private static void rows(StringBuilder md, List<Finding> findings, java.util.function.Function<Finding, String[]> cells) {
    findings.stream().limit(MAX_ROWS).forEach(f -> row(md, cells.apply(f)));
    more(md, findings.size());
  }

  private static void more(StringBuilder md, int total) {
    if (total > MAX_ROWS) {
      md.append("\n").append(total - MAX_ROWS).append(" more, less severe, are in the JSON report.\n");
    }
  }

  /** Cuts at a line boundary below {@link #MAX_BYTES} and says so; long messages could otherwise overflow. */
  private static String fitted(String md) {
    byte[] bytes = md.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    if (bytes.length <= MAX_BYTES) {
      return md;
    }
    String head = new String(bytes, 0, MAX_BYTES - 200, java.nio.charset.StandardCharsets.UTF_8);
    return head.substring(0, head.lastIndexOf('\n') + 1)
        + "\n> [!NOTE]\n> This summary was cut to fit GitHub's 1 MiB step summary; the JSON report has everything.\n";
  }

  private static void row(StringBuilder md, String... cells) {
    md.append("|");
    for (String cell : cells) {
      md.append(' ').append(cell).append(" |");
    }
    md.append('\n');
  }
}
