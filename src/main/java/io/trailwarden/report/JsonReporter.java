package io.trailwarden.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwarden.Json;
import io.trailwarden.finding.Baseline;
import io.trailwarden.finding.Evaluation;
import io.trailwarden.finding.Finding;
import io.trailwarden.policy.Severity;
import io.trailwarden.finding.Status;
import io.trailwarden.finding.Waiver;
import io.trailwarden.policy.RuleMetadata;
import io.trailwarden.snapshot.CollectionError;
import java.io.IOException;
import java.io.Writer;
import java.util.Comparator;
import java.util.Optional;

/**
 * Everything the evaluation knows, for machines: the catalogue of the rules that ran, every finding of
 * every status, collection errors and expired waivers. Keys are written in a fixed order and absent
 * optional values as null, so every document has the same shape and diffs between runs stay small.
 */
public final class JsonReporter implements Reporter {
  /**
   * The report's format version: raised when a field changes meaning or goes away (adding one does not).
   * docs/schemas/trailwarden-report.schema.json describes it; baselines must be of this version.
   */
  public static final int FORMAT_VERSION = 1;

  @Override
  public ReportFormat format() {
    return ReportFormat.JSON;
  }

  @Override
  public void write(Evaluation evaluation, Writer out) throws IOException {
    ObjectNode head = object();
    head.put("formatVersion", FORMAT_VERSION);
    ObjectNode tool = head.putObject("tool");
    tool.put("name", "TrailWarden");
    tool.put("version", evaluation.toolVersion());
    head.put("collectedAt", evaluation.collectedAt().toString());
    head.put("managementAccountId", evaluation.managementAccountId());
    head.put("organizationId", evaluation.organizationId().orElse(null));
    head.set("summary", summary(Summary.of(evaluation)));

    StreamedJson json = new StreamedJson(out);
    json.startObject();
    json.fields(head);
    json.startArray("rules");
    for (RuleMetadata rule : evaluation.rules().stream().sorted(Comparator.comparing(RuleMetadata::id)).toList()) {
      json.value(rule(rule));
    }
    json.endArray();
    json.startArray("findings");
    for (Finding finding : evaluation.findings()) {
      json.value(finding(evaluation, finding));
    }
    json.endArray();
    json.field("baseline", evaluation.baseline().<JsonNode>map(JsonReporter::baseline).orElse(NullNode.getInstance()));
    json.startArray("collectionErrors");
    for (CollectionError error : ReportSupport.collectionErrors(evaluation)) {
      json.value(collectionError(error));
    }
    json.endArray();
    json.startArray("expiredWaivers");
    for (Waiver waiver : ReportSupport.expiredWaivers(evaluation)) {
      json.value(waiver(waiver));
    }
    json.endArray();
    json.endObject();
    json.finish();
  }

  private static ObjectNode summary(Summary summary) {
    ObjectNode node = object();
    node.put("rules", summary.rules());
    node.put("resources", summary.resources());
    ObjectNode statuses = node.putObject("statuses");
    for (Status status : Status.values()) {
      statuses.put(status.name(), summary.count(status));
    }
    ObjectNode failures = node.putObject("failuresBySeverity");
    for (Severity severity : Severity.values()) {
      failures.put(severity.id(), summary.failedBySeverity().get(severity));
    }
    node.put("collectionErrors", summary.collectionErrors());
    node.put("expiredWaivers", summary.expiredWaivers());
    node.put("incomplete", summary.incomplete());
    summary.unaccountedAccounts().ifPresentOrElse(n -> node.put("unaccountedAccounts", n), () -> node.putNull("unaccountedAccounts"));
    return node;
  }

  private static ObjectNode rule(RuleMetadata rule) {
    ObjectNode node = object();
    node.put("id", rule.id());
    node.put("title", rule.title());
    node.put("description", rule.description());
    node.put("severity", rule.severity().id());
    node.put("securitySeverity", rule.severity().securitySeverity());
    node.put("remediation", rule.remediation());
    node.put("remediationId", rule.remediationId().orElse(null));
    node.put("remediationNone", rule.remediationNone().orElse(null));
    ObjectNode frameworks = node.putObject("frameworks");
    rule.frameworks().forEach((framework, controls) -> controls.forEach(frameworks.putArray(framework)::add));
    node.set("params", orNull(rule.params()));
    ArrayNode references = node.putArray("references");
    rule.references().forEach(r -> {
      ObjectNode reference = references.addObject();
      reference.put("url", r.url());
      reference.put("description", r.description());
    });
    node.put("file", rule.file());
    return node;
  }

  private static ObjectNode baseline(Baseline.Comparison comparison) {
    ObjectNode node = object();
    node.put("source", comparison.source());
    node.put("new", comparison.count(Baseline.State.NEW));
    node.put("existing", comparison.count(Baseline.State.EXISTING));
    failures(node.putArray("fixed"), comparison.fixed());
    failures(node.putArray("notRechecked"), comparison.notRechecked());
    return node;
  }

  private static void failures(ArrayNode array, java.util.List<Baseline.Failure> failures) {
    failures.forEach(f -> {
      ObjectNode entry = array.addObject();
      entry.put("ruleId", f.ruleId());
      entry.put("severity", f.severity().id());
      entry.put("resource", f.resource());
      entry.put("fingerprint", f.fingerprint());
    });
  }

  private static ObjectNode finding(Evaluation evaluation, Finding finding) {
    ObjectNode node = object();
    node.put("ruleId", finding.ruleId());
    node.put("status", finding.status().name());
    node.put("severity", finding.severity().id());
    node.put("resource", finding.resource());
    node.put("accountId", finding.accountId());
    node.put("region", finding.region());
    node.put("service", finding.service());
    node.put("message", finding.message());
    node.put("fix", finding.fix().orElse(null));
    node.set("waiver", finding.waiver().<JsonNode>map(JsonReporter::waiver).orElse(NullNode.getInstance()));
    node.put("fingerprint", finding.fingerprint());
    node.put("baselineState", evaluation.baselineState(finding).map(Baseline.State::id).orElse(null));
    node.set("evidence", orNull(finding.evidence()));
    return node;
  }

  private static ObjectNode collectionError(CollectionError error) {
    ObjectNode node = object();
    node.put("service", error.service());
    node.put("operation", error.operation());
    node.put("accountId", error.accountId());
    node.put("region", error.region());
    node.put("code", error.code());
    node.put("message", error.message());
    node.put("resource", error.resource().orElse(null));
    return node;
  }

  private static ObjectNode waiver(Waiver waiver) {
    ObjectNode node = object();
    node.put("rule", waiver.rule());
    node.put("resource", waiver.resource());
    node.put("reason", waiver.reason());
    node.put("expires", waiver.expires().toString());
    return node;
  }

  private static JsonNode orNull(JsonNode node) {
    return Optional.ofNullable(node).orElse(NullNode.getInstance());
  }

  private static ObjectNode object() {
    return Json.mapper().createObjectNode();
  }
}
