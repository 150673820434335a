package io.trailwarden.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwarden.Json;
import io.trailwarden.finding.Evaluation;
import io.trailwarden.finding.Finding;
import io.trailwarden.finding.Status;
import io.trailwarden.policy.RuleMetadata;

/**
 * OCSF Compliance Finding events (class 2003), one JSON object per line (JSON Lines), for SIEMs and
 * data lakes that speak OCSF (Amazon Security Lake, Splunk, Sentinel). Every finding is an event, PASS
 * included: a pass is the evidence an auditor asks for, and a SIEM can only see a control recover if it
 * sees the pass. Validated against the vendored schema in {@code docs/ocsf/}.
 *
 * <ul>
 *   <li>{@code compliance.status_id}: PASS 1 Pass, FAIL 3 Fail, UNKNOWN 2 Warning (OCSF: "did not yield a
 *       result due to missing information"), WAIVED 3 Fail (the check still fails; the finding is
 *       accepted);
 *   <li>{@code status_id} (the finding's workflow): 1 New, WAIVED 3 Suppressed; {@code status_code} is our
 *       own status;
 *   <li>{@code severity_id}: critical 5, high 4, medium 3, low 2; a PASS is 1 Informational ("no action
 *       required") so that a SIEM does not alert on it;
 *   <li>{@code time}: the snapshot's {@code collectedAt} in epoch milliseconds, the only clock, so the same
 *       evaluation gives the same bytes.
 * </ul>
 */
public final class OcsfReporter implements Reporter {
  /** The OCSF schema version the events follow and the tests validate against. */
  public static final String OCSF_VERSION = "1.8.0";
  static final int CLASS_UID = 2003;
  static final int CATEGORY_UID = 2;
  static final int ACTIVITY_CREATE = 1;

  @Override
  public ReportFormat format() {
    return ReportFormat.OCSF;
  }

  @Override
  public void write(Evaluation evaluation, java.io.Writer out) throws java.io.IOException {
    for (Finding finding : evaluation.findings()) {
      try {
        out.write(Json.mapper().writeValueAsString(event(evaluation, finding)));
        out.write('\n');
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("cannot write OCSF: " + e.getMessage(), e);
      }
    }
    // No findings, no lines: an empty file, which every JSON Lines reader reads as no events.
  }

  static ObjectNode event(Evaluation evaluation, Finding finding) {
    RuleMetadata rule = evaluation.rule(finding.ruleId());
    ObjectNode event = Json.mapper().createObjectNode();
    event.put("activity_id", ACTIVITY_CREATE);
    event.put("activity_name", "Create");
    event.put("category_uid", CATEGORY_UID);
    event.put("category_name", "Findings");
    event.put("class_uid", CLASS_UID);
    event.put("class_name", "Compliance Finding");
    event.put("type_uid", CLASS_UID * 100 + ACTIVITY_CREATE);
    event.put("type_name", "Compliance Finding: Create");
    event.put("time", evaluation.collectedAt().toEpochMilli());
    int severityId = severityId(finding);
    event.put("severity_id", severityId);
    event.put("severity", severityCaption(severityId));
    boolean waived = finding.status() == Status.WAIVED;
    event.put("status_id", waived ? 3 : 1);
    event.put("status", waived ? "Suppressed" : "New");
    event.put("status_code", finding.status().name());
    if (waived) {
      event.put("status_detail", ReportSupport.waived(finding));
    }
    event.put("message", message(finding, rule));

    ObjectNode metadata = event.putObject("metadata");
    metadata.put("version", OCSF_VERSION);
    metadata.putArray("profiles").add("cloud");
    ObjectNode product = metadata.putObject("product");
    product.put("name", "TrailWarden");
    product.put("vendor_name", "TrailWarden");
    product.put("version", evaluation.toolVersion());
    product.put("url_string", SarifReporter.INFORMATION_URI);
    metadata.put("event_code", rule.id());

    ObjectNode info = event.putObject("finding_info");
    info.put("uid", finding.fingerprint());
    info.put("title", rule.title());
    info.put("desc", finding.message().isBlank() ? rule.description() : finding.message());
    FindingVocabulary.types(rule).forEach(info.putArray("types")::add);

    ObjectNode compliance = event.putObject("compliance");
    compliance.put("control", rule.id());
    FindingVocabulary.requirements(rule).forEach(compliance.putArray("requirements")::add);
    rule.frameworks().keySet().forEach(compliance.putArray("standards")::add);
    int complianceStatus = complianceStatusId(finding.status());
    compliance.put("status_id", complianceStatus);
    compliance.put("status", complianceStatus == 1 ? "Pass" : complianceStatus == 2 ? "Warning" : "Fail");
    compliance.put("desc", rule.description());

    ObjectNode resource = event.putArray("resources").addObject();
    resource.put("uid", finding.resource());
    resource.put("type", FindingVocabulary.resourceType(finding.resource()));
    resource.put("cloud_partition", FindingVocabulary.partition(finding.resource()));
    FindingVocabulary.region(finding).ifPresent(r -> resource.put("region", r));
    FindingVocabulary.account(finding).ifPresent(a -> account(resource.putObject("owner").putObject("account"), a));
    if (finding.evidence() != null && !finding.evidence().isNull()) {
      resource.set("data", finding.evidence());
    }

    ObjectNode cloud = event.putObject("cloud");
    cloud.put("provider", "AWS");
    cloud.put("cloud_partition", FindingVocabulary.partition(finding.resource()));
    FindingVocabulary.region(finding).ifPresent(r -> cloud.put("region", r));
    account(cloud.putObject("account"), FindingVocabulary.account(finding).orElse(evaluation.managementAccountId()));
    evaluation.organizationId().filter(id -> !id.isBlank()).ifPresent(id -> cloud.putObject("org").put("uid", id));

    ObjectNode remediation = event.putObject("remediation");
    remediation.put("desc", ReportSupport.fix(evaluation, finding));
    if (!rule.references().isEmpty()) {
      ArrayNode references = remediation.putArray("references");
      rule.references().forEach(r -> references.add(r.url()));
    }
    return event;
  }

  private static void account(ObjectNode account, String id) {
    account.put("uid", id);
    account.put("type_id", 10);
    account.put("type", "AWS Account");
  }

  private static String message(Finding finding, RuleMetadata rule) {
    String text = finding.message().isBlank() ? rule.title() + "." : finding.message();
    return finding.status().name() + " " + rule.id() + " " + finding.resource() + ": " + ReportSupport.oneLine(text);
  }

  static int severityId(Finding finding) {
    if (finding.status() == Status.PASS) {
      return 1;
    }
    return switch (finding.severity()) {
      case CRITICAL -> 5;
      case HIGH -> 4;
      case MEDIUM -> 3;
      case LOW -> 2;
    };
  }

  static String severityCaption(int severityId) {
    return switch (severityId) {
      case 1 -> "Informational";
      case 2 -> "Low";
      case 3 -> "Medium";
      case 4 -> "High";
      case 5 -> "Critical";
      default -> throw new IllegalArgumentException("no OCSF severity " + severityId);
    };
  }

  static int complianceStatusId(Status status) {
    return switch (status) {
      case PASS -> 1;
      case UNKNOWN -> 2;
      case FAIL, WAIVED -> 3;
    };
  }
}
