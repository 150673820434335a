package io.trailwarden.report;

import io.trailwarden.finding.Evaluation;
import io.trailwarden.finding.Finding;
import io.trailwarden.finding.Status;
import io.trailwarden.finding.Waiver;
import io.trailwarden.snapshot.CollectionError;
import io.trailwarden.policy.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The plain-text table the CLI prints to the terminal. It is not a report file (no {@link ReportFormat}),
 * so it is not a {@link Reporter}. ASCII only, because terminals and CI logs disagree about the rest;
 * one line per finding that needs a person (beyond one screen, counts per rule and severity and the most
 * severe rows), then one summary line.
 */
public final class ConsoleReporter {
  /** Long AWS messages are cut here so that a line stays readable; the files carry the full text. */
  static final int MAX_MESSAGE = 100;

  /**
   * More rows than this would scroll off one screen: the table is then summarized (counts per rule and
   * severity, then the {@link #MOST_SEVERE} most severe rows), unless every row was asked for.
   */
  static final int SCREEN_ROWS = 40;

  static final int MOST_SEVERE = 20;

  private static final List<String> HEADER = List.of("STATUS", "SEVERITY", "RULE", "RESOURCE", "MESSAGE");
  private static final List<String> COUNTS_HEADER = List.of("SEVERITY", "RULE", "FAIL", "UNKNOWN", "WAIVED");
  private static final Comparator<Finding> ORDER =
      Comparator.comparing(Finding::status).thenComparing(ReportSupport.BY_SEVERITY);

  private final boolean everyRow;

  /** Summarizes a table longer than one screen. */
  public ConsoleReporter() {
    this(false);
  }

  /** @param everyRow print every row, however many (the CLI's {@code --all}) */
  public ConsoleReporter(boolean everyRow) {
    this.everyRow = everyRow;
  }

  /** The whole text, ending with a newline. */
  public String render(Evaluation evaluation) {
    List<Finding> needing = evaluation.findings().stream()
        .filter(f -> f.status() != Status.PASS)
        .sorted(ORDER)
        .toList();

    StringBuilder out = new StringBuilder();
    if (needing.size() > SCREEN_ROWS && !everyRow) {
      out.append("Findings that need a person, by severity and rule:\n");
      table(out, COUNTS_HEADER, counts(needing));
      out.append('\n').append("The ").append(MOST_SEVERE).append(" most severe of ").append(needing.size()).append(":\n");
      table(out, HEADER, rows(needing.subList(0, MOST_SEVERE)));
      out.append("... and ").append(needing.size() - MOST_SEVERE)
          .append(" more: --all prints every row; the report files hold every finding.\n\n");
    } else if (!needing.isEmpty()) {
      table(out, HEADER, rows(needing));
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

  private static List<List<String>> rows(List<Finding> findings) {
    return findings.stream()
        .map(f -> List.of(f.status().name(), f.severity().id(), ascii(f.ruleId()),
            ascii(f.resource()), truncate(ascii(f.status() == Status.WAIVED ? ReportSupport.waived(f) : f.message()))))
        .toList();
  }

  /** One row per rule and severity, most severe first: how many findings fail, are unknown, are waived. */
  private static List<List<String>> counts(List<Finding> findings) {
    Map<List<String>, Map<Status, Long>> counts = new TreeMap<>(
        Comparator.<List<String>, Severity>comparing(key -> Severity.parse(key.get(0)).orElseThrow()).thenComparing(key -> key.get(1)));
    for (Finding f : findings) {
      counts.computeIfAbsent(List.of(f.severity().id(), ascii(f.ruleId())), key -> new EnumMap<>(Status.class))
          .merge(f.status(), 1L, Long::sum);
    }
    List<List<String>> rows = new ArrayList<>();
    counts.forEach((key, byStatus) -> rows.add(List.of(key.get(0), key.get(1),
        String.valueOf(byStatus.getOrDefault(Status.FAIL, 0L)), String.valueOf(byStatus.getOrDefault(Status.UNKNOWN, 0L)),
        String.valueOf(byStatus.getOrDefault(Status.WAIVED, 0L)))));
    return rows;
  }

  private static void table(StringBuilder out, List<String> header, List<List<String>> rows) {
    int[] widths = new int[header.size()];
    for (List<String> row : concat(header, rows)) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    for (List<String> row : concat(header, rows)) {
      line(out, row, widths);
    }
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
