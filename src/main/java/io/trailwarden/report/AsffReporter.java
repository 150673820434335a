package io.trailwarden.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwarden.Json;
import io.trailwarden.finding.Evaluation;

/**
 * AWS Security Finding Format (ASFF): a JSON array of findings, exactly the {@code Findings} that
 * {@code trailwarden export securityhub} sends for the report's findings (it also archives findings the
 * report no longer has), so the file also works with
 * {@code aws securityhub batch-import-findings --findings file://trailwarden.asff.json} (at most 100 per
 * call). The mapping is {@link AsffFindings}.
 *
 * <p>A report does not know the Security Hub Region or account; the file's {@code ProductArn} names the
 * management account and {@link #DEFAULT_REGION} unless constructed with another Region. BatchImportFindings
 * accepts only its own Region and account in {@code ProductArn}; the export verb maps for the hub it talks to.
 */
public final class AsffReporter implements Reporter {
  public static final String DEFAULT_REGION = "us-east-1";

  private final String region;

  public AsffReporter() {
    this(DEFAULT_REGION);
  }

  public AsffReporter(String region) {
    this.region = region;
  }

  @Override
  public ReportFormat format() {
    return ReportFormat.ASFF;
  }

  @Override
  public void write(Evaluation evaluation, java.io.Writer out) throws java.io.IOException {
    String productArn = AsffFindings.productArn("aws", region, evaluation.managementAccountId());
    StreamedJson json = new StreamedJson(out);
    json.startArray();
    for (AsffFinding finding : AsffFindings.of(evaluation, productArn)) {
      json.value(json(finding));
    }
    json.endArray();
    json.finish();
  }

  static ObjectNode json(AsffFinding finding) {
    ObjectNode node = Json.mapper().createObjectNode();
    node.put("SchemaVersion", AsffFindings.SCHEMA_VERSION);
    node.put("Id", finding.id());
    node.put("ProductArn", finding.productArn());
    node.put("ProductName", "TrailWarden");
    node.put("CompanyName", "TrailWarden");
    node.put("GeneratorId", finding.generatorId());
    node.put("AwsAccountId", finding.awsAccountId());
    finding.types().forEach(node.putArray("Types")::add);
    node.put("CreatedAt", finding.createdAt());
    node.put("UpdatedAt", finding.updatedAt());
    ObjectNode severity = node.putObject("Severity");
    severity.put("Label", finding.severityLabel());
    severity.put("Original", finding.severityOriginal());
    node.put("Title", finding.title());
    node.put("Description", finding.description());
    ObjectNode recommendation = node.putObject("Remediation").putObject("Recommendation");
    recommendation.put("Text", finding.remediationText());
    finding.remediationUrl().ifPresent(url -> recommendation.put("Url", url));
    ObjectNode productFields = node.putObject("ProductFields");
    finding.productFields().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
        .forEach(e -> productFields.put(e.getKey(), e.getValue()));
    ArrayNode resources = node.putArray("Resources");
    for (AsffFinding.Resource resource : finding.resources()) {
      ObjectNode r = resources.addObject();
      r.put("Type", resource.type());
      r.put("Id", resource.id());
      r.put("Partition", resource.partition());
      resource.region().ifPresent(region -> r.put("Region", region));
    }
    ObjectNode compliance = node.putObject("Compliance");
    compliance.put("Status", finding.complianceStatus());
    if (!finding.relatedRequirements().isEmpty()) {
      finding.relatedRequirements().forEach(compliance.putArray("RelatedRequirements")::add);
    }
    node.put("RecordState", finding.recordState());
    node.putObject("Workflow").put("Status", finding.workflowStatus());
    return node;
  }
}
