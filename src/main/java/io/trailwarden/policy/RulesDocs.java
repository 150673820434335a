package io.trailwarden.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code docs/rules.md}: the rule catalogue as Markdown, generated from the rules' METADATA and
 * {@code rules/frameworks.yaml} only, so the page never says anything the rules do not. The output
 * depends on nothing else (no clock, no paths outside the project): the same rules give the same bytes.
 */
public final class RulesDocs {
  /** How to regenerate the page; written into it and into the message of the test that checks it. */
  public static final String REGENERATE = "./trailwarden rules docs --output docs/rules.md";

  private RulesDocs() {}

  public static String render(Catalogue catalogue, Frameworks frameworks) {
    StringBuilder out = new StringBuilder();
    out.append("<!-- Generated from the rules' METADATA and rules/frameworks.yaml; do not edit. Regenerate with: ")
        .append(REGENERATE).append(" -->\n");
    out.append("# TrailWarden rules\n\n");
    out.append(catalogue.rules().size()).append(" rules. Each rule lives in `rules/<area>/<rule id>.rego`; its `# METADATA`")
        .append(" block is the source of everything on this page. A rule reports PASS, FAIL or UNKNOWN (evidence")
        .append(" missing) for every resource it judges.\n\n");

    out.append("| Rule | Severity | Passes when | Frameworks |\n|---|---|---|---|\n");
    for (RuleMetadata rule : catalogue.rules()) {
      out.append("| [`").append(rule.id()).append("`](#").append(rule.id()).append(") | ").append(rule.severity().id())
          .append(" | ").append(text(rule.title())).append(" | ").append(text(shortFrameworks(rule))).append(" |\n");
    }

    out.append("\n## Frameworks\n");
    for (Frameworks.Framework framework : frameworks.frameworks()) {
      out.append("\n### ").append(text(framework.name())).append("\n\n");
      out.append("Id `").append(framework.id()).append("` (for `rules.include`/`exclude` in config.yaml and")
          .append(" `trailwarden rules list --framework`). ").append(link("Source", framework.url())).append(".\n\n");
      out.append("| Control | Title | Rules |\n|---|---|---|\n");
      for (Frameworks.Control control : framework.controls()) {
        List<String> rules = catalogue.rules().stream()
            .filter(r -> r.frameworks().getOrDefault(framework.id(), List.of()).contains(control.id()))
            .map(r -> "`" + r.id() + "`").toList();
        out.append("| ").append(text(control.id())).append(" | ").append(text(control.title())).append(" | ")
            .append(control.whyUncovered().map(why -> "not covered: " + text(why)).orElse(String.join(", ", rules)))
            .append(" |\n");
      }
    }

    out.append("\n## Rules\n");
    for (RuleMetadata rule : catalogue.rules()) {
      out.append("\n### `").append(rule.id()).append("`\n\n");
      out.append("**").append(text(rule.title())).append("** (").append(rule.severity().id()).append(")\n\n");
      out.append(text(rule.description())).append("\n\n");
      out.append("- Remediation: ").append(text(rule.remediation()))
          .append(rule.remediationId().map(id -> " (automated: `" + id + "`)").orElse("")).append('\n');
      rule.remediationNone().ifPresent(why -> out.append("- Not automated: ").append(text(why)).append('\n'));
      rule.frameworks().forEach((id, controls) -> {
        for (String control : controls) {
          out.append("- ").append(text(frameworks.find(id).map(Frameworks.Framework::name).orElse(id))).append(' ')
              .append(text(control)).append(frameworks.title(id, control).map(t -> ": " + text(t)).orElse(""))
              .append('\n');
        }
      });
      params(rule.params()).forEach((name, value) ->
          out.append("- Parameter `").append(name).append("`, default `").append(value).append("`\n"));
      for (RuleMetadata.Reference ref : rule.references()) {
        out.append("- ").append(link(ref.description(), ref.url())).append('\n');
      }
      out.append("- Source: [`").append(rule.file()).append("`](../").append(rule.file()).append(")\n");
    }
    return out.toString();
  }

  /** "CIS 3.1, CloudTrail.1, HIPAA 164.312(b)" style: every framework id with its controls. */
  private static String shortFrameworks(RuleMetadata rule) {
    List<String> parts = new ArrayList<>();
    rule.frameworks().forEach((id, controls) -> parts.add(id + " " + String.join(", ", controls)));
    return String.join("; ", parts);
  }

  private static Map<String, String> params(JsonNode params) {
    Map<String, String> out = new TreeMap<>();
    params.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().toString()));
    return out;
  }

  /** Plain text: characters Markdown or HTML would interpret are backslash-escaped. */
  static String text(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.strip().replaceAll("\\s*\\R\\s*", " ").toCharArray()) {
      if ("\\`*_[]<>|#".indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  private static String link(String label, String url) {
    return "[" + text(label) + "](" + url.replace(" ", "%20").replace("(", "%28").replace(")", "%29") + ")";
  }
}
