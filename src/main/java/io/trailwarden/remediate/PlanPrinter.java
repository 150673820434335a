package io.trailwarden.remediate;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import io.trailwarden.Json;
import io.trailwarden.remediate.facet.Target;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;

/** The plan as a person reads it: each change with what it fixes, the calls it makes, and a diff of its document. */
public final class PlanPrinter {
  private static final String RED = "\u001b[31m";
  private static final String GREEN = "\u001b[32m";
  private static final String CYAN = "\u001b[36m";
  private static final String BOLD = "\u001b[1m";
  private static final String RESET = "\u001b[0m";

  private final boolean colour;

  /** @param colour ANSI colours, for a terminal only */
  public PlanPrinter(boolean colour) {
    this.colour = colour;
  }

  public String render(Plan plan) {
    StringBuilder out = new StringBuilder();
    out.append(paint(BOLD, "Remediation plan " + plan.planId())).append(" for organization ")
        .append(plan.organizationId().orElse("(none)")).append(", management account ").append(plan.managementAccountId())
        .append(", made ").append(plan.createdAt()).append('\n');
    out.append(plan.changes().size()).append(plan.changes().size() == 1 ? " change" : " changes").append(", ")
        .append(plan.notes().size()).append(plan.notes().size() == 1 ? " finding" : " findings")
        .append(" left to you.\n");
    int n = 0;
    for (Plan.Change change : plan.changes()) {
      n++;
      Target t = change.target();
      out.append('\n').append(paint(BOLD, "[" + n + "/" + plan.changes().size() + "] " + change.facet() + "  " + t.resource()))
          .append("  (account ").append(t.accountId()).append(", ").append(t.region()).append(")\n");
      out.append("    does:    ").append(String.join("; ", change.summaries())).append('\n');
      out.append("    fixes:   ").append(String.join(", ", change.rules()));
      if (!change.newFindings().isEmpty()) {
        out.append(paint(BOLD, "  (" + change.newFindings().size() + " of " + change.findings().size()
            + " finding(s) new since the baseline)"));
      }
      out.append('\n');
      out.append("    by:      ").append(String.join(", ", change.remediations())).append('\n');
      out.append("    calls:   ").append(String.join(", ", change.apiCalls().stream()
          .map(c -> c.service() + ":" + c.operation()).toList())).append("  (IAM: ")
          .append(String.join(", ", change.iamActions())).append(")\n");
      if (!change.dependsOn().isEmpty()) {
        out.append("    after:   ").append(String.join(", ", change.dependsOn())).append('\n');
      }
      diff(change.before(), change.after()).forEach(line -> out.append("    ").append(line).append('\n'));
    }
    notes(out, plan, Plan.Note.Kind.MANUAL, "Not automated (your call, and why):");
    notes(out, plan, Plan.Note.Kind.NOT_ALLOWED, "Not allowed by config.yaml remediation.allow:");
    notes(out, plan, Plan.Note.Kind.REFUSED, "Refused (AWS would reject the result):");
    return out.toString();
  }

  private void notes(StringBuilder out, Plan plan, Plan.Note.Kind kind, String heading) {
    List<Plan.Note> notes = plan.notes().stream().filter(n -> n.kind() == kind).toList();
    if (notes.isEmpty()) {
      return;
    }
    out.append('\n').append(paint(BOLD, heading)).append('\n');
    // One entry per rule and reason: an SCP missing from ten accounts is one thing to do, not ten.
    Map<String, List<String>> resources = new LinkedHashMap<>();
    notes.forEach(note -> resources.computeIfAbsent(note.ruleId() + "\n" + note.reason(), k -> new ArrayList<>())
        .add(note.resource()));
    resources.forEach((key, list) -> {
      String[] ruleAndReason = key.split("\n", 2);
      out.append("  - ").append(ruleAndReason[0]).append("  ").append(list.get(0));
      if (list.size() > 1) {
        out.append(" and ").append(list.size() - 1).append(" more");
      }
      out.append("\n      ").append(ruleAndReason[1]).append('\n');
    });
  }

  private List<String> diff(JsonNode before, JsonNode after) {
    List<String> from = lines(before);
    List<String> to = lines(after);
    List<String> unified = UnifiedDiffUtils.generateUnifiedDiff("before", "after", from, DiffUtils.diff(from, to), 3);
    return unified.stream().map(line -> {
      if (line.startsWith("+++") || line.startsWith("---")) {
        return paint(BOLD, line);
      }
      if (line.startsWith("+")) {
        return paint(GREEN, line);
      }
      if (line.startsWith("-")) {
        return paint(RED, line);
      }
      return line.startsWith("@@") ? paint(CYAN, line) : line;
    }).toList();
  }

  private static List<String> lines(JsonNode doc) {
    return Arrays.asList(Json.pretty(doc).split("\n"));
  }

  private String paint(String code, String text) {
    return colour ? code + text + RESET : text;
  }
}
