package io.trailwarden.report;

import io.trailwarden.Json;
import io.trailwarden.finding.Baseline;
import io.trailwarden.finding.Evaluation;
import io.trailwarden.finding.Finding;
import io.trailwarden.finding.Status;
import io.trailwarden.finding.Waiver;
import io.trailwarden.policy.RuleMetadata;
import io.trailwarden.policy.Severity;
import io.trailwarden.report.ControlMatrix.ControlStatus;
import io.trailwarden.report.ControlMatrix.ControlView;
import io.trailwarden.report.ControlMatrix.FrameworkView;
import io.trailwarden.snapshot.CollectionError;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * One self-contained page for people: the verdict and counts, what changed since the baseline, the
 * accounts × rules grid (accounts grouped by OU), per framework the control matrix with the evidence and
 * fix of every resource that does not pass, and the rules. Styles and script are inline and the
 * Content-Security-Policy allows exactly those two (by hash) and nothing else, so the page opens from
 * disk and never makes a request. Printing gives the audit document: one framework per page, every
 * OU expanded. No clock but the snapshot's, no random ids: the same evaluation gives the same bytes.
 */
public final class HtmlReporter implements Reporter {
  /** A grid with more accounts than this opens with its OUs collapsed. */
  static final int COLLAPSE_ABOVE = 200;

  private static final String STYLE = resource("report.css");
  private static final String SCRIPT = resource("report.js");
  private static final String CSP = "default-src 'none'; style-src '" + sha256(STYLE) + "'; script-src '"
      + sha256(SCRIPT) + "'; img-src 'none'; form-action 'none'; base-uri 'none'";

  private final ReportSettings settings;

  public HtmlReporter() {
    this(ReportSettings.DEFAULTS);
  }

  public HtmlReporter(ReportSettings settings) {
    this.settings = settings;
  }

  @Override
  public ReportFormat format() {
    return ReportFormat.HTML;
  }

  @Override
  public void write(Evaluation evaluation, Writer out) throws IOException {
    TextOut.unwrap(() -> write(evaluation, new TextOut(out)));
  }

  private void write(Evaluation evaluation, TextOut html) {
    Summary summary = Summary.of(evaluation);
    ControlMatrix matrix = ControlMatrix.of(evaluation);
    AccountGrid grid = AccountGrid.of(evaluation);
    String verdict = ReportSupport.verdict(evaluation, summary, settings);
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CSP).append("\">\n")
        .append("<meta name=\"referrer\" content=\"no-referrer\">\n")
        .append("<meta name=\"generator\" content=\"TrailWarden ").append(e(evaluation.toolVersion())).append("\">\n")
        .append("<title>TrailWarden: ").append(e(verdict)).append(", ")
        .append(e(evaluation.organizationId().orElse("account " + evaluation.managementAccountId()))).append(", ")
        .append(evaluation.collectedAt()).append("</title>\n")
        .append("<style>").append(STYLE).append("</style>\n</head>\n<body>\n");

    header(html, evaluation, summary, verdict);
    contents(html, evaluation, matrix);
    html.append("<main>\n");
    evaluation.baseline().ifPresent(b -> baseline(html, evaluation, b));
    grid(html, grid);
    // A finding is listed under every control of every framework its rule implements; its row is the same
    // each time, so it is made once (at 10,000 accounts these rows are 22 MB of the 29 MB page).
    Map<Finding, String> rows = new IdentityHashMap<>();
    for (FrameworkView framework : matrix.frameworks()) {
      framework(html, evaluation, framework, f -> rows.computeIfAbsent(f, x -> notPassingRow(evaluation, x)));
    }
    rules(html, evaluation);
    collectionErrors(html, evaluation);
    expiredWaivers(html, evaluation);
    html.append("</main>\n<footer class=\"muted\">\n<p>Written by TrailWarden ").append(e(evaluation.toolVersion()))
        .append(" from the snapshot collected ").append(time(evaluation)).append(". The same snapshot and rules always")
        .append(" give this same page; the JSON report holds every finding.</p>\n</footer>\n")
        .append("<script>").append(SCRIPT).append("</script>\n</body>\n</html>\n");
  }

  private void header(TextOut html, Evaluation evaluation, Summary summary, String verdict) {
    html.append("<header id=\"summary\">\n<h1>TrailWarden compliance report</h1>\n")
        .append("<p class=\"verdict\" id=\"verdict\">Verdict at the gate: ")
        .append(badge(verdict.split(" ", 2)[0], verdict)).append("</p>\n")
        .append("<p>").append(e(ReportSupport.gate(settings))).append(' ').append(e(summary.sentence())).append("</p>\n");
    if (summary.resources() == 0) {
      html.append("<p><strong>No resource was judged</strong>: the rules found nothing to check in this snapshot,")
          .append(" which is no evidence of compliance.</p>\n");
    }
    html.append("<div class=\"counts\">\n<dl class=\"facts\">\n")
        .append("<dt>Organization</dt><dd><code>").append(e(evaluation.organizationId().orElse("(not read)"))).append("</code></dd>\n")
        .append("<dt>Management account</dt><dd><code>").append(e(evaluation.managementAccountId())).append("</code></dd>\n")
        .append("<dt>Accounts</dt><dd>").append(evaluation.organization().map(o -> String.valueOf(o.accounts().size()))
            .orElse("not known (the organization was not read)")).append("</dd>\n")
        .append("<dt>Collected</dt><dd>").append(time(evaluation)).append("</dd>\n")
        .append("<dt>Rules</dt><dd>").append(ReportSupport.plural(summary.rules(), "rule")).append(" on ")
        .append(ReportSupport.plural(summary.resources(), "resource")).append("</dd>\n")
        .append("<dt>TrailWarden</dt><dd>").append(e(evaluation.toolVersion())).append("</dd>\n</dl>\n");

    html.append("<table id=\"status-counts\">\n<caption>Findings by status</caption>\n")
        .append("<thead><tr><th scope=\"col\">Status</th><th scope=\"col\" class=\"num\">Findings</th></tr></thead>\n<tbody>\n");
    for (Status status : Status.values()) {
      html.append("<tr data-status=\"").append(status.name()).append("\"><th scope=\"row\">").append(badge(status.name()))
          .append("</th><td class=\"num\">").append(summary.count(status)).append("</td></tr>\n");
    }
    html.append("</tbody>\n</table>\n<table id=\"severity-counts\">\n<caption>Failures by severity</caption>\n")
        .append("<thead><tr><th scope=\"col\">Severity</th><th scope=\"col\" class=\"num\">Failed</th>")
        .append(evaluation.baseline().isPresent() ? "<th scope=\"col\" class=\"num\">New</th>" : "")
        .append("</tr></thead>\n<tbody>\n");
    for (Severity severity : Severity.values()) {
      html.append("<tr data-severity=\"").append(severity.id()).append("\"><th scope=\"row\">").append(severity.id())
          .append("</th><td class=\"num\">").append(summary.failedBySeverity().get(severity)).append("</td>");
      evaluation.baseline().ifPresent(b -> html.append("<td class=\"num\">").append(evaluation.findings().stream()
          .filter(f -> f.severity() == severity && evaluation.baselineState(f).orElse(null) == Baseline.State.NEW).count())
          .append("</td>"));
      html.append("</tr>\n");
    }
    html.append("</tbody>\n</table>\n</div>\n</header>\n");
  }

  private static void contents(TextOut html, Evaluation evaluation, ControlMatrix matrix) {
    html.append("<nav aria-label=\"Contents\">\n<h2>Contents</h2>\n<ol>\n");
    if (evaluation.baseline().isPresent()) {
      html.append("<li><a href=\"#baseline\">Since the baseline</a></li>\n");
    }
    html.append("<li><a href=\"#accounts\">Accounts × rules</a></li>\n");
    for (FrameworkView framework : matrix.frameworks()) {
      html.append("<li><a href=\"#").append(frameworkId(framework)).append("\">").append(e(framework.name()))
          .append("</a></li>\n");
    }
    html.append("<li><a href=\"#rules\">Rules</a></li>\n");
    if (!evaluation.collectionErrors().isEmpty()) {
      html.append("<li><a href=\"#collection-errors\">Collection errors</a></li>\n");
    }
    if (!evaluation.expiredWaivers().isEmpty()) {
      html.append("<li><a href=\"#expired-waivers\">Expired waivers</a></li>\n");
    }
    html.append("</ol>\n</nav>\n");
  }

  private static void baseline(TextOut html, Evaluation evaluation, Baseline.Comparison baseline) {
    html.append("<section id=\"baseline\">\n<h2>Since the baseline</h2>\n<p>Compared with <code>").append(e(baseline.source()))
        .append("</code>: ").append(baseline.count(Baseline.State.NEW)).append(" new, ")
        .append(baseline.count(Baseline.State.EXISTING)).append(" still failing, ").append(baseline.fixed().size())
        .append(" fixed, ").append(baseline.notRechecked().size()).append(" not re-checked.</p>\n");
    List<Finding> fresh = ReportSupport.findings(evaluation, Status.FAIL, ReportSupport.BY_SEVERITY).stream()
        .filter(f -> evaluation.baselineState(f).orElse(null) == Baseline.State.NEW).toList();
    html.append("<table id=\"new-failures\">\n<caption>New failures (").append(fresh.size()).append(")</caption>\n")
        .append("<thead><tr><th scope=\"col\">Severity</th><th scope=\"col\">Rule</th><th scope=\"col\">Resource</th>")
        .append("<th scope=\"col\">Why</th><th scope=\"col\">Fix</th></tr></thead>\n<tbody>\n");
    for (Finding f : fresh) {
      html.append("<tr><td>").append(f.severity().id()).append("</td><td>").append(ruleLink(f.ruleId()))
          .append("</td><td><code>").append(e(f.resource())).append("</code></td><td class=\"why\">").append(e(f.message()))
          .append("</td><td class=\"why\">").append(e(ReportSupport.fix(evaluation, f))).append("</td></tr>\n");
    }
    html.append("</tbody>\n</table>\n");
    baselineFailures(html, "fixed", "Fixed since the baseline", baseline.fixed());
    // Failures of the baseline this run could not judge again (UNKNOWN, or not collected) are not fixed.
    baselineFailures(html, "not-rechecked", "Not re-checked: UNKNOWN now, or not collected", baseline.notRechecked());
    html.append("</section>\n");
  }

  private static void baselineFailures(TextOut html, String id, String caption, List<Baseline.Failure> failures) {
    html.append("<table id=\"").append(id).append("\">\n<caption>").append(e(caption)).append(" (")
        .append(failures.size()).append(")</caption>\n")
        .append("<thead><tr><th scope=\"col\">Severity</th><th scope=\"col\">Rule</th><th scope=\"col\">Resource</th>")
        .append("<th scope=\"col\">Was</th></tr></thead>\n<tbody>\n");
    for (Baseline.Failure f : failures) {
      html.append("<tr><td>").append(f.severity().id()).append("</td><td><code>").append(e(f.ruleId()))
          .append("</code></td><td><code>").append(e(f.resource())).append("</code></td><td class=\"why\">")
          .append(e(f.message())).append("</td></tr>\n");
    }
    html.append("</tbody>\n</table>\n");
  }

  private static void rules(TextOut html, Evaluation evaluation) {
    html.append("<section id=\"rules\">\n<h2>Rules</h2>\n<table id=\"rule-table\">\n<caption>Findings per rule</caption>\n")
        .append("<thead><tr><th scope=\"col\">Rule</th><th scope=\"col\">Passes when</th><th scope=\"col\">Severity</th>");
    for (Status status : Status.values()) {
      html.append("<th scope=\"col\" class=\"num\">").append(status.name()).append("</th>");
    }
    html.append("</tr></thead>\n<tbody>\n");
    for (RuleMetadata rule : evaluation.rules()) {
      List<Finding> findings = evaluation.findingsOf(rule.id());
      html.append("<tr id=\"rule-").append(HtmlText.id(rule.id())).append("\"><th scope=\"row\"><code>").append(e(rule.id()))
          .append("</code></th><td>").append(e(rule.title())).append("</td><td>").append(rule.severity().id()).append("</td>");
      for (Status status : Status.values()) {
        html.append("<td class=\"num\">").append(findings.stream().filter(f -> f.status() == status).count()).append("</td>");
      }
      html.append("</tr>\n");
    }
    html.append("</tbody>\n</table>\n</section>\n");
  }

  private static void grid(TextOut html, AccountGrid grid) {
    int columns = grid.rules().size() + 1;
    long unlisted = grid.groups().stream().filter(g -> g.path().equals(AccountGrid.UNLISTED)).mapToLong(g -> g.rows().size()).sum();
    html.append("<section id=\"accounts\">\n<h2>Accounts × rules</h2>\n<p>")
        .append(ReportSupport.plural(grid.accounts() - unlisted, "account")).append(" of the organization, grouped by OU")
        .append(unlisted > 0 ? ", and " + ReportSupport.plural(unlisted, "account") + " findings name that it does not list" : "")
        .append(". A cell is the worst status of the")
        .append(" rule's findings in that account (FAIL, then UNKNOWN, WAIVED, PASS); an empty cell means the rule judged")
        .append(" nothing there. Organization-wide rules judge resources of the management and logging accounts.</p>\n")
        .append("<div class=\"grid-controls no-print\">\n<label for=\"account-filter\">Filter accounts</label>\n")
        .append("<input type=\"search\" id=\"account-filter\" placeholder=\"account id, name or OU\">\n")
        .append("<label><input type=\"checkbox\" id=\"failing-only\"> Only accounts with a failure</label>\n")
        .append("<button type=\"button\" id=\"expand-all\">Expand all OUs</button>\n")
        .append("<button type=\"button\" id=\"collapse-all\">Collapse all OUs</button>\n")
        .append("<output id=\"filter-count\" aria-live=\"polite\"></output>\n</div>\n")
        .append("<div class=\"grid-wrap\">\n<table id=\"grid\" class=\"grid\" data-collapse-above=\"").append(COLLAPSE_ABOVE)
        .append("\">\n<caption>Worst status per account and rule</caption>\n<thead><tr><th scope=\"col\">Account</th>");
    for (String rule : grid.rules()) {
      html.append("<th scope=\"col\" class=\"rule\"><a href=\"#rule-").append(HtmlText.id(rule)).append("\">").append(e(rule))
          .append("</a></th>");
    }
    html.append("</tr></thead>\n");
    for (AccountGrid.Group group : grid.groups()) {
      html.append("<tbody class=\"ou\" data-search=\"").append(e(group.path().toLowerCase(Locale.ROOT))).append("\">\n")
          .append("<tr class=\"ou-head\"><th scope=\"rowgroup\" colspan=\"").append(columns)
          .append("\"><button type=\"button\" class=\"ou-toggle\" aria-expanded=\"true\">").append(e(group.path()))
          .append("</button> <span class=\"muted\">").append(ReportSupport.plural(group.rows().size(), "account")).append(", ")
          .append(group.failing()).append(" with a failure</span></th></tr>\n");
      for (AccountGrid.Row row : group.rows()) {
        boolean failing = row.cells().stream().anyMatch(c -> c.status().orElse(null) == Status.FAIL);
        html.append("<tr class=\"account\" data-search=\"").append(e((row.accountId() + " " + row.name()).toLowerCase(Locale.ROOT)))
            .append("\" data-failing=\"").append(failing).append("\"><th scope=\"row\">")
            .append(row.name().isEmpty() ? "" : e(row.name()) + " ").append("<span class=\"id\">").append(e(row.accountId()))
            .append("</span></th>");
        for (AccountGrid.Cell cell : row.cells()) {
          if (cell.status().isEmpty()) {
            html.append("<td></td>");
          } else {
            Status status = cell.status().get();
            html.append("<td class=\"s-").append(status.name().toLowerCase(Locale.ROOT)).append('"')
                .append(cell.resources() > 1 ? " title=\"" + cell.resources() + " resources\"" : "").append('>')
                .append(status.name()).append("</td>");
          }
        }
        html.append("</tr>\n");
      }
      html.append("</tbody>\n");
    }
    html.append("</table>\n</div>\n</section>\n");
  }

  private static void framework(TextOut html, Evaluation evaluation, FrameworkView framework, Function<Finding, String> row) {
    String id = frameworkId(framework);
    long covered = framework.controls().size() - framework.count(ControlStatus.NOT_COVERED);
    html.append("<section class=\"framework\" id=\"").append(id).append("\" data-framework=\"").append(e(framework.id()))
        .append("\">\n<h2>").append(e(framework.name())).append("</h2>\n<p>Framework id <code>").append(e(framework.id()))
        .append("</code>").append(framework.url().isEmpty() ? "" : "; " + HtmlText.link("source", framework.url()))
        .append(". TrailWarden covers ").append(covered).append(" of ")
        .append(ReportSupport.plural(framework.controls().size(), "control")).append(" listed here");
    List<String> counts = new ArrayList<>();
    for (ControlStatus status : ControlStatus.values()) {
      long n = framework.count(status);
      if (n > 0) {
        counts.add(n + " " + status.label());
      }
    }
    html.append(counts.isEmpty() ? "" : ": " + String.join(", ", counts)).append(". A control is FAIL when any resource")
        .append(" fails, UNKNOWN when evidence is missing, and PASS only when every resource its rules judged passes.</p>\n")
        .append("<table class=\"matrix\">\n<caption>Controls of ").append(e(framework.name())).append("</caption>\n")
        .append("<thead><tr><th scope=\"col\">Control</th><th scope=\"col\">Title</th><th scope=\"col\">Rules</th>")
        .append("<th scope=\"col\">Status</th><th scope=\"col\">Resources</th></tr></thead>\n<tbody>\n");
    for (ControlView control : framework.controls()) {
      html.append("<tr data-control=\"").append(e(control.id())).append("\" data-status=\"").append(control.status().name())
          .append("\"><th scope=\"row\">").append(e(control.id())).append("</th><td>").append(e(control.title())).append("</td><td>");
      if (control.rules().isEmpty()) {
        html.append("<span class=\"muted\">none</span>");
      } else {
        html.append(String.join("<br>", control.rules().stream().map(HtmlReporter::ruleLink).toList()));
      }
      html.append("</td><td>").append(badge(control.status())).append("</td><td>").append(resources(control)).append("</td></tr>\n");
    }
    html.append("</tbody>\n</table>\n");
    for (ControlView control : framework.controls()) {
      List<Finding> notPassing = control.notPassing();
      if (notPassing.isEmpty()) {
        continue;
      }
      html.append("<h3 id=\"").append(id).append("-").append(HtmlText.id(control.id())).append("\">").append(e(control.id()))
          .append(control.title().isEmpty() ? "" : ": " + e(control.title())).append("</h3>\n")
          .append("<table class=\"findings\">\n<caption>Resources not passing ").append(e(control.id())).append(" (")
          .append(notPassing.size()).append(")</caption>\n")
          .append("<colgroup><col class=\"status\"><col class=\"resource\"><col><col></colgroup>\n")
          .append("<thead><tr><th scope=\"col\">Status</th><th scope=\"col\">Resource</th><th scope=\"col\">Why, and the evidence</th>")
          .append("<th scope=\"col\">Fix</th></tr></thead>\n<tbody>\n");
      for (Finding f : notPassing) {
        html.append(row.apply(f));
      }
      html.append("</tbody>\n</table>\n");
    }
    html.append("</section>\n");
  }

  /** A finding's row in a control's table of resources not passing. */
  private static String notPassingRow(Evaluation evaluation, Finding f) {
    StringBuilder html = new StringBuilder(512);
    html.append("<tr data-status=\"").append(f.status().name()).append("\"><td>").append(badge(f.status().name()))
        .append("<br>").append(f.severity().id()).append(baselineNote(evaluation, f)).append("</td><td><code>")
        .append(e(f.resource())).append("</code><br><span class=\"muted\">").append(ruleLink(f.ruleId())).append(" · ")
        .append(e(ReportSupport.place(f.accountId()))).append(" / ").append(e(ReportSupport.place(f.region())))
        .append("</span></td><td><div class=\"why\">")
        .append(e(f.status() == Status.WAIVED ? ReportSupport.waived(f) + "\n" + f.message() : f.message())).append("</div>");
    if (!f.evidence().isNull()) {
      html.append("<pre>").append(e(Json.pretty(f.evidence()).strip())).append("</pre>");
    }
    html.append("</td><td class=\"why\">").append(f.status() == Status.UNKNOWN
        ? "Evidence is missing (see why); collect again once it can be read." : e(ReportSupport.fix(evaluation, f)))
        .append("</td></tr>\n");
    return html.toString();
  }

  private static void collectionErrors(TextOut html, Evaluation evaluation) {
    List<CollectionError> errors = ReportSupport.collectionErrors(evaluation);
    if (errors.isEmpty()) {
      return;
    }
    html.append("<section id=\"collection-errors\">\n<h2>Collection errors</h2>\n<p>Calls that failed while collecting;")
        .append(" the evidence they would have read is missing, and the rules that needed it report UNKNOWN.</p>\n")
        .append("<table>\n<caption>Collection errors (").append(errors.size()).append(")</caption>\n")
        .append("<thead><tr><th scope=\"col\">Service</th><th scope=\"col\">Operation</th><th scope=\"col\">Account / Region</th>")
        .append("<th scope=\"col\">Code</th><th scope=\"col\">Message</th></tr></thead>\n<tbody>\n");
    for (CollectionError error : errors) {
      html.append("<tr><td>").append(e(error.service())).append("</td><td><code>").append(e(error.operation()))
          .append("</code></td><td>").append(e(ReportSupport.place(error.accountId()))).append(" / ")
          .append(e(ReportSupport.place(error.region()))).append("</td><td><code>").append(e(error.code()))
          .append("</code></td><td class=\"why\">").append(e(error.message() + error.resource().map(r -> " (" + r + ")").orElse("")))
          .append("</td></tr>\n");
    }
    html.append("</tbody>\n</table>\n</section>\n");
  }

  private static void expiredWaivers(TextOut html, Evaluation evaluation) {
    List<Waiver> expired = ReportSupport.expiredWaivers(evaluation);
    if (expired.isEmpty()) {
      return;
    }
    html.append("<section id=\"expired-waivers\">\n<h2>Expired waivers</h2>\n<p>These waivers in config.yaml have expired")
        .append(" and no longer waive anything. Renew or remove them.</p>\n<table>\n<caption>Expired waivers (")
        .append(expired.size()).append(")</caption>\n<thead><tr><th scope=\"col\">Rule</th><th scope=\"col\">Resource</th>")
        .append("<th scope=\"col\">Expired</th><th scope=\"col\">Reason</th></tr></thead>\n<tbody>\n");
    for (Waiver w : expired) {
      html.append("<tr><td><code>").append(e(w.rule())).append("</code></td><td><code>").append(e(w.resource()))
          .append("</code></td><td>").append(w.expires()).append("</td><td class=\"why\">").append(e(w.reason()))
          .append("</td></tr>\n");
    }
    html.append("</tbody>\n</table>\n</section>\n");
  }

  /** "2 fail, 1 unknown, 14 pass", or why the control has no resources. */
  private static String resources(ControlView control) {
    return switch (control.status()) {
      case NOT_COVERED -> "<span class=\"why\">" + e(control.uncovered()) + "</span>";
      case NOT_EVALUATED -> "<span class=\"muted\">its rules were not selected for this run</span>";
      case NO_RESOURCES -> "<span class=\"muted\">nothing to judge</span>";
      default -> {
        List<String> parts = new ArrayList<>();
        for (Status status : List.of(Status.FAIL, Status.UNKNOWN, Status.WAIVED, Status.PASS)) {
          long n = control.count(status);
          if (n > 0) {
            parts.add(n + " " + status.name().toLowerCase(Locale.ROOT));
          }
        }
        yield String.join(", ", parts);
      }
    };
  }

  private static String baselineNote(Evaluation evaluation, Finding finding) {
    return evaluation.baselineState(finding).map(s -> "<br>" + (s == Baseline.State.NEW ? "<strong>new</strong>" : "in baseline"))
        .orElse("");
  }

  private static String badge(ControlStatus status) {
    return "<span class=\"s s-" + status.css() + "\">" + status.label() + "</span>";
  }

  private static String badge(String status) {
    return badge(status, status);
  }

  private static String badge(String status, String text) {
    return "<span class=\"s s-" + status.toLowerCase(Locale.ROOT) + "\">" + e(text) + "</span>";
  }

  private static String ruleLink(String ruleId) {
    return "<a href=\"#rule-" + HtmlText.id(ruleId) + "\"><code>" + e(ruleId) + "</code></a>";
  }

  private static String frameworkId(FrameworkView framework) {
    return "framework-" + HtmlText.id(framework.id());
  }

  private static String time(Evaluation evaluation) {
    return "<time datetime=\"" + evaluation.collectedAt() + "\">" + evaluation.collectedAt() + "</time>";
  }

  private static String e(String text) {
    return HtmlText.escape(text);
  }

  private static String resource(String name) {
    try (InputStream in = HtmlReporter.class.getResourceAsStream("/trailwarden/report/" + name)) {
      if (in == null) {
        throw new IllegalStateException("the jar lacks /trailwarden/report/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The CSP source of an inline block: 'sha256-' and the base64 of the digest of its exact text. */
  static String sha256(String text) {
    try {
      return "sha256-" + Base64.getEncoder().encodeToString(
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always present in the JDK", e);
    }
  }
}
