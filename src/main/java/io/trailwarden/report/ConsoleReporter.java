package io.trailwarden.report;

import io.trailwarden.finding.Evaluation;
import io.trailwarden.finding.Finding;
import io.trailwarden.finding.Status;
import io.trailwarden.finding.Waiver;
import io.trailwarden.snapshot.CollectionError;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The plain-text table the CLI prints to the terminal. It is not a report file (no {@link ReportFormat}),
 * so it is not a {@link Reporter}. ASCII only, because terminals and CI logs disagree about the rest;
 * one line per finding that needs a person, then one summary line.
 */
public final class ConsoleReporter {
  /** Long AWS messages are cut here so that a line stays readable; the files carry the full text. */
  static final int MAX_MESSAGE = 100;

  private static final List<String> HEADER = List.of("STATUS", "SEVERITY", "RULE", "RESOURCE", "MESSAGE");
  private static final Comparator<Finding> ORDER =
      Comparator.comparing(Finding::status).thenComparing(ReportSupport.BY_SEVERITY);

  /** The whole text, ending with a newline. */
  public String render(Evaluation evaluation) {
    List<List<String>> rows = new ArrayList<>();
    evaluation.findings().stream()
        .filter(f -> f.status() != Status.PASS)
        .sorted(ORDER)
        .forEach(f -> rows.add(List.of(f.status().name(), f.severity().id(), ascii(f.ruleId()),
            ascii(f.resource()), truncate(ascii(f.status() == Status.WAIVED ? ReportSupport.waived(f) : f.message())))));

    StringBuilder out = new StringBuilder();
    if (!rows.isEmpty()) {
      int[] widths = new int[HEADER.size()];
      for (List<String> row : concat(HEADER, rows)) {
        for (int i = 0; i < row.size(); i++) {
          widths[i] = Math.max(widths[i], row.get(i).length());
        }
      }
      for (List<String> row : concat(HEADER, rows)) {
        line(out, row, widths);
      }
      out.append('\n');
    }
    for (CollectionError error : ReportSupport.collectionErrors(evaluation)) {
      out.append("Collection error: ").append(ascii(ReportSupport.describe(error))).append('\n');
    }
    for (Waiver waiver : ReportSupport.expiredWaivers(evaluation)) {
      out.append("Warning: the waiver for ").append(ascii(waiver.rule())).append(" on ").append(ascii(waiver.resource()))
          .append(" expired on ").append(waiver.expires()).append(" and no longer applies: ")
          .append(ascii(ReportSupport.oneLine(waiver.reason()))).append('\n');
    }
    if (!evaluation.collectionErrors().isEmpty() || !evaluation.expiredWaivers().isEmpty()) {
      out.append('\n');
    }
    return out.append(summary(Summary.of(evaluation))).append('\n').toString();
  }

  /** "12 rules, 20 resources checked: 14 passed, 4 failed (1 critical, 3 high), 1 unknown, 1 waived." */
  static String summary(Summary summary) {
    String bySeverity = summary.failedBySeverityText();
    return ReportSupport.plural(summary.rules(), "rule") + ", " + ReportSupport.plural(summary.resources(), "resource") + " checked: "
        + summary.passed() + " passed, " + summary.failed() + " failed"
        + (bySeverity.isEmpty() ? "" : " (" + bySeverity + ")")
        + ", " + summary.unknown() + " unknown, " + summary.waived() + " waived."
        + (summary.unaccountedText().isEmpty() ? "" : " " + summary.unaccountedText());
  }

  private static void line(StringBuilder out, List<String> cells, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      line.append(cells.get(i));
      if (i < cells.size() - 1) {
        line.append(" ".repeat(widths[i] - cells.get(i).length() + 2));
      }
    }
    out.append(line.toString().stripTrailing()).append('\n');
  }

  private static List<List<String>> concat(List<String> header, List<List<String>> rows) {
    List<List<String>> all = new ArrayList<>();
    all.add(header);
    all.addAll(rows);
    return all;
  }

  /** One line of printable ASCII: line breaks become spaces, anything else outside ASCII a '?'. */
  static String ascii(String text) {
    StringBuilder out = new StringBuilder();
    ReportSupport.oneLine(text).codePoints().forEach(c -> out.append(c >= 0x20 && c < 0x7F ? (char) c : '?'));
    return out.toString();
  }

  private static String truncate(String text) {
    return text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE - 3) + "...";
  }
}
