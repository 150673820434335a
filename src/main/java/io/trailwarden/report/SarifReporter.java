package io.trailwarden.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.trailwarden.Json;
import io.trailwarden.finding.Arn;
import io.trailwarden.finding.Evaluation;
import io.trailwarden.finding.Finding;
import io.trailwarden.policy.Severity;
import io.trailwarden.policy.RuleMetadata;
import io.trailwarden.snapshot.CollectionError;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SARIF 2.1.0 for GitHub code scanning (architecture.md §6). GitHub shapes this format more than the spec does:
 * it wants a repository-relative file location for every result, so a resource becomes the virtual path
 * {@code aws/<account>/<region>/<service>/<resource>} (an ARN would parse as a URI with scheme "arn"),
 * and the ARN itself travels in the message and a logical location.
 */
public final class SarifReporter implements Reporter {
  /** GitHub code scanning rejects a run with more results than this. */
  public static final int MAX_RESULTS = 25_000;

  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
  static final String INFORMATION_URI = "https://github.com/trailwarden/trailwarden";
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private final ReportSettings settings;

  public SarifReporter() {
    this(ReportSettings.DEFAULTS);
  }

  public SarifReporter(ReportSettings settings) {
    this.settings = settings;
  }

  @Override
  public ReportFormat format() {
    return ReportFormat.SARIF;
  }

  /** GitHub code scanning rejects an upload larger than this, gzipped. */
  public static final long MAX_GZIPPED_BYTES = 10L * 1024 * 1024;

  @Override
  public void write(Evaluation evaluation, Writer out) throws IOException {
    write(evaluation, cap(evaluation), out);
  }

  /**
   * How many results to report: all (up to {@link #MAX_RESULTS}) unless the file would exceed GitHub's
   * gzipped limit. The size is measured by writing the file into a gzip stream that only counts, so
   * the file is never held in memory; it is written for real afterwards, at the cap found.
   */
  private int cap(Evaluation evaluation) throws IOException {
    int cap = MAX_RESULTS;
    long size = gzippedSize(evaluation, cap);
    while (size > MAX_GZIPPED_BYTES && cap > 1) {
      // Results dominate the size: shrink the cap in proportion, with a margin, and keep the most severe.
      cap = (int) Math.max(1, Math.min(cap - 1, (long) cap * MAX_GZIPPED_BYTES * 9 / 10 / size));
      size = gzippedSize(evaluation, cap);
    }
    return cap;
  }

  private long gzippedSize(Evaluation evaluation, int cap) throws IOException {
    var counter = new java.io.OutputStream() {
      long count;

      @Override
      public void write(int b) {
        count++;
      }

      @Override
      public void write(byte[] b, int off, int len) {
        count += len;
      }
    };
    try (Writer gzip = new java.io.BufferedWriter(new java.io.OutputStreamWriter(
        new java.util.zip.GZIPOutputStream(counter, 64 * 1024), StandardCharsets.UTF_8), 64 * 1024)) {
      write(evaluation, cap, gzip);
    }
    return counter.count;
  }

  private void write(Evaluation evaluation, int cap, Writer out) throws IOException {
    ObjectNode driver = Json.mapper().createObjectNode();
    driver.put("name", "TrailWarden");
    driver.put("version", evaluation.toolVersion());
    driver.put("semanticVersion", evaluation.toolVersion());
    driver.put("informationUri", INFORMATION_URI);
    ArrayNode rules = driver.putArray("rules");
    Map<String, Integer> ruleIndex = new HashMap<>();
    List<RuleMetadata> sortedRules = evaluation.rules().stream()
        .sorted(Comparator.comparing(RuleMetadata::id)).toList();
    for (RuleMetadata rule : sortedRules) {
      ruleIndex.put(rule.id(), rules.size());
      rules.add(rule(rule));
    }
    ObjectNode tool = Json.mapper().createObjectNode();
    tool.set("driver", driver);

    // GitHub keeps one set of alerts per category, the id up to its last "/": one per configured
    // category (PR gate, nightly scan) and management account, so none closes another's alerts.
    ObjectNode automationDetails = Json.mapper().createObjectNode()
        .put("id", settings.sarifCategory() + "/" + evaluation.managementAccountId() + "/");

    // Only active failures: GitHub turns a suppressed or passing result into an alert as well.
    List<Finding> failures = evaluation.findings().stream()
        .filter(Finding::isActiveFailure).sorted(ReportSupport.BY_SEVERITY).toList();
    List<Finding> reported = failures.subList(0, Math.min(failures.size(), cap));

    ArrayNode invocations = Json.mapper().createArrayNode();
    ObjectNode invocation = invocations.addObject();
    invocation.put("executionSuccessful", true);
    // The snapshot's time is the only clock, so the same snapshot gives the same file.
    invocation.put("startTimeUtc", evaluation.collectedAt().toString());
    invocation.put("endTimeUtc", evaluation.collectedAt().toString());
    ArrayNode notifications = Json.mapper().createArrayNode();
    if (reported.size() < failures.size()) {
      notification(notifications, "GitHub code scanning accepts at most " + MAX_RESULTS + " results and "
          + MAX_GZIPPED_BYTES / (1024 * 1024) + " MB gzipped per upload: " + failures.size() + " failures were found and the "
          + reported.size() + " most severe are reported here. The JSON report lists all of them.");
    }
    for (CollectionError error : ReportSupport.collectionErrors(evaluation)) {
      notification(notifications, "Collection error: " + ReportSupport.describe(error));
    }
    if (!notifications.isEmpty()) {
      invocation.set("toolExecutionNotifications", notifications);
    }

    StreamedJson json = new StreamedJson(out);
    json.startObject();
    json.field("$schema", TextNode.valueOf(SCHEMA));
    json.field("version", TextNode.valueOf("2.1.0"));
    json.startArray("runs");
    json.startObject();
    json.field("tool", tool);
    json.field("automationDetails", automationDetails);
    json.field("invocations", invocations);
    json.startArray("results");
    for (Finding finding : reported) {
      Integer index = ruleIndex.get(finding.ruleId());
      if (index == null) {
        throw new IllegalArgumentException("finding of rule " + finding.ruleId() + " but no such rule in this evaluation");
      }
      json.value(result(evaluation, finding, index));
    }
    json.endArray();
    json.endObject();
    json.endArray();
    json.endObject();
    json.finish();
  }

  private static ObjectNode rule(RuleMetadata rule) {
    ObjectNode node = Json.mapper().createObjectNode();
    node.put("id", rule.id());
    // SARIF wants a name distinct from the opaque id (multitool SARIF1001): the id in PascalCase.
    node.put("name", name(rule.id()));
    node.putObject("shortDescription").put("text", rule.title());
    node.putObject("fullDescription").put("text", rule.description());
    node.putObject("defaultConfiguration").put("level", level(rule.severity()));
    ObjectNode help = node.putObject("help");
    help.put("text", helpText(rule));
    help.put("markdown", helpMarkdown(rule));
    // GitHub links the rule to its help page; a rule without references links to the project.
    node.put("helpUri", rule.references().isEmpty() ? INFORMATION_URI : rule.references().get(0).url());
    ObjectNode properties = node.putObject("properties");
    ArrayNode tags = properties.putArray("tags");
    tags.add("security");
    rule.frameworks().keySet().forEach(tags::add);
    properties.put("security-severity", rule.severity().securitySeverity());
    return node;
  }

  /** "cloudtrail_org_trail_exists" to "CloudtrailOrgTrailExists". */
  static String name(String ruleId) {
    StringBuilder name = new StringBuilder();
    for (String part : ruleId.split("[^A-Za-z0-9]+")) {
      if (!part.isEmpty()) {
        name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return name.toString();
  }

  private static String helpText(RuleMetadata rule) {
    StringBuilder text = new StringBuilder(rule.remediation());
    rule.remediationId().ifPresent(id ->
        text.append("\n\nAutomated remediation ").append(id).append(": run trailwarden remediate plan."));
    if (!rule.references().isEmpty()) {
      text.append("\n\nReferences:");
      rule.references().forEach(r -> text.append("\n- ").append(r.description()).append(": ").append(r.url()));
    }
    frameworks(rule).ifPresent(f -> text.append("\n\nFrameworks: ").append(f));
    return text.toString();
  }

  private static String helpMarkdown(RuleMetadata rule) {
    StringBuilder text = new StringBuilder(MarkdownText.text(rule.remediation()));
    rule.remediationId().ifPresent(id ->
        text.append("\n\nAutomated remediation ").append(MarkdownText.text(id)).append(": run `trailwarden remediate plan`."));
    if (!rule.references().isEmpty()) {
      text.append("\n\n**References**\n");
      rule.references().forEach(r -> text.append("\n- ").append(MarkdownText.link(r.description(), r.url())));
    }
    frameworks(rule).ifPresent(f -> text.append("\n\n**Frameworks**: ").append(MarkdownText.text(f)));
    return text.toString();
  }

  /** "aws-security-hub CloudTrail.1; cis-aws-foundations-3.0 3.1". */
  private static Optional<String> frameworks(RuleMetadata rule) {
    if (rule.frameworks().isEmpty()) {
      return Optional.empty();
    }
    StringBuilder text = new StringBuilder();
    rule.frameworks().forEach((framework, controls) ->
        text.append(text.isEmpty() ? "" : "; ").append(framework).append(' ').append(String.join(", ", controls)));
    return Optional.of(text.toString());
  }

  private static ObjectNode result(Evaluation evaluation, Finding finding, int ruleIndex) {
    ObjectNode node = Json.mapper().createObjectNode();
    node.put("ruleId", finding.ruleId());
    node.put("ruleIndex", ruleIndex);
    // Only active failures are results, so a baseline makes each "new" or "unchanged"; fixed ones are
    // not uploaded ("absent" results would open alerts on GitHub) and are listed in Markdown and JSON.
    evaluation.baselineState(finding).ifPresent(state ->
        node.put("baselineState", state == io.trailwarden.finding.Baseline.State.NEW ? "new" : "unchanged"));
    node.put("level", level(finding.severity()));
    node.putObject("message").put("text", message(finding));
    ObjectNode location = node.putArray("locations").addObject();
    ObjectNode physical = location.putObject("physicalLocation");
    physical.putObject("artifactLocation").put("uri", artifactUri(finding));
    physical.putObject("region").put("startLine", 1);
    ObjectNode logical = location.putArray("logicalLocations").addObject();
    logical.put("fullyQualifiedName", finding.resource());
    logical.put("kind", "resource");
    // Ours, not GitHub's line-content hash: the virtual file has no content, and the identity of a
    // problem is (rule, resource) so that an alert stays the same alert across scans.
    node.putObject("partialFingerprints").put("primaryLocationLineHash", finding.fingerprint());
    return node;
  }

  /**
   * "arn:...: the rule's message", then the concrete fix on its own line: the ARN is what people search
   * alerts for, and the fix is usually a command to copy, so nothing is appended to it.
   */
  static String message(Finding finding) {
    String text = finding.resource() + ": " + (finding.message().isBlank() ? "the rule failed" : finding.message().strip());
    return finding.fix().map(fix -> text + "\nFix: " + fix.strip()).orElse(text);
  }

  static String level(Severity severity) {
    return switch (severity) {
      case CRITICAL, HIGH -> "error";
      case MEDIUM -> "warning";
      case LOW -> "note";
    };
  }

  private static void notification(ArrayNode notifications, String text) {
    ObjectNode node = notifications.addObject();
    node.put("level", "warning");
    node.putObject("message").put("text", text);
  }

  /**
   * {@code aws/<account>/<region>/<service>/<resource>}: scheme-less and relative, which GitHub requires.
   * Each segment is percent-encoded except RFC 3986 unreserved characters, so nothing in an ARN
   * (':' '*' '?' '#' spaces, non-ASCII) can make it a scheme, a query or a fragment; the resource keeps
   * its '/' as path separators.
   */
  static String artifactUri(Finding finding) {
    Arn arn = Arn.parse(finding.resource());
    StringBuilder uri = new StringBuilder("aws/")
        .append(segment(ReportSupport.place(finding.accountId()))).append('/')
        .append(segment(ReportSupport.place(finding.region()))).append('/')
        .append(segment(arn.service().isEmpty() ? "resource" : arn.service())).append('/');
    String[] parts = arn.resource().split("/", -1);
    StringBuilder resource = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      resource.append(i == 0 ? "" : "/").append(segment(parts[i]));
    }
    return uri.append(resource.isEmpty() ? "_" : resource).toString();
  }

  private static String segment(String text) {
    // "." and ".." would be resolved away by any URI normalizer and move the location elsewhere.
    if (text.equals(".") || text.equals("..")) {
      return text.replace(".", "%2E");
    }
    StringBuilder out = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xFF);
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '-' || c == '.' || c == '_' || c == '~') {
        out.append(c);
      } else {
        out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
      }
    }
    return out.toString();
  }
}
