package io.trailwarden.export;

import io.trailwarden.finding.Evaluation;
import io.trailwarden.report.AsffFinding;
import io.trailwarden.report.AsffFindings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.securityhub.SecurityHubClient;
import software.amazon.awssdk.services.securityhub.model.AwsSecurityFinding;
import software.amazon.awssdk.services.securityhub.model.AwsSecurityFindingFilters;
import software.amazon.awssdk.services.securityhub.model.BatchImportFindingsResponse;
import software.amazon.awssdk.services.securityhub.model.Compliance;
import software.amazon.awssdk.services.securityhub.model.GetFindingsRequest;
import software.amazon.awssdk.services.securityhub.model.ImportFindingsError;
import software.amazon.awssdk.services.securityhub.model.Recommendation;
import software.amazon.awssdk.services.securityhub.model.RecordState;
import software.amazon.awssdk.services.securityhub.model.Remediation;
import software.amazon.awssdk.services.securityhub.model.Resource;
import software.amazon.awssdk.services.securityhub.model.Severity;
import software.amazon.awssdk.services.securityhub.model.StringFilter;
import software.amazon.awssdk.services.securityhub.model.StringFilterComparison;
import software.amazon.awssdk.services.securityhub.model.Workflow;

/**
 * Sends a report's findings to Security Hub and archives the ones it no longer has.
 *
 * <ol>
 *   <li>Reads what Security Hub already holds of this organization's scans: GetFindings filtered on the
 *       product ARN and the Id prefix (and, because an emulator may ignore filters, the same test again
 *       here);
 *   <li>imports every finding of the report with BatchImportFindings, at most {@link #BATCH} per call; the
 *       stable Id makes a re-run update, not duplicate; a finding Security Hub already had keeps its
 *       {@code CreatedAt} (first seen);
 *   <li>re-imports every ACTIVE finding the report no longer has with {@code RecordState} ARCHIVED
 *       (BatchImportFindings is how a finding provider changes the record state; BatchUpdateFindings
 *       cannot).
 * </ol>
 */
public final class SecurityHubExport {
  /** BatchImportFindings accepts at most 100 findings per call. */
  public static final int BATCH = 100;

  private final SecurityHubClient client;

  public SecurityHubExport(SecurityHubClient client) {
    this.client = client;
  }

  /**
   * @param imported findings of the report sent (ACTIVE, or ARCHIVED for a PASS)
   * @param archived findings Security Hub had that the report no longer has, now ARCHIVED
   * @param calls BatchImportFindings calls made
   * @param failures "Id: ErrorCode ErrorMessage" of every finding Security Hub did not take
   */
  public record Result(int imported, int archived, int calls, List<String> failures) {
    public Result {
      failures = List.copyOf(failures);
    }
  }

  public Result export(Evaluation evaluation, String productArn) {
    String prefix = AsffFindings.idPrefix(productArn, evaluation.managementAccountId());
    Map<String, AwsSecurityFinding> existing = existing(productArn, prefix);
    List<AsffFinding> findings = AsffFindings.of(evaluation, productArn);
    Set<String> reported = findings.stream().map(AsffFinding::id).collect(Collectors.toSet());

    List<AwsSecurityFinding> batch = new ArrayList<>();
    for (AsffFinding finding : findings) {
      AwsSecurityFinding sdk = toSdk(finding);
      AwsSecurityFinding before = existing.get(finding.id());
      if (before != null && before.createdAt() != null) {
        sdk = sdk.toBuilder().createdAt(before.createdAt()).build();
      }
      batch.add(sdk);
    }
    int archived = 0;
    String at = evaluation.collectedAt().toString();
    for (AwsSecurityFinding before : existing.values()) {
      if (!reported.contains(before.id()) && before.recordState() == RecordState.ACTIVE) {
        batch.add(archive(before, at));
        archived++;
      }
    }

    List<String> failures = new ArrayList<>();
    int calls = 0;
    for (int start = 0; start < batch.size(); start += BATCH) {
      List<AwsSecurityFinding> part = batch.subList(start, Math.min(batch.size(), start + BATCH));
      BatchImportFindingsResponse response = client.batchImportFindings(r -> r.findings(part));
      calls++;
      if (response.failedCount() != null && response.failedCount() > 0 || response.hasFailedFindings() && !response.failedFindings().isEmpty()) {
        for (ImportFindingsError error : response.failedFindings()) {
          failures.add(error.id() + ": " + error.errorCode() + " " + error.errorMessage());
        }
        int unnamed = (response.failedCount() == null ? 0 : response.failedCount()) - response.failedFindings().size();
        if (unnamed > 0) {
          failures.add(unnamed + " more findings failed without an Id in the response");
        }
      }
    }
    return new Result(findings.size(), archived, calls, failures);
  }

  /** Every finding of this product whose Id has the prefix, by Id, in Security Hub's order. */
  Map<String, AwsSecurityFinding> existing(String productArn, String prefix) {
    GetFindingsRequest request = GetFindingsRequest.builder()
        .filters(AwsSecurityFindingFilters.builder()
            .productArn(StringFilter.builder().comparison(StringFilterComparison.EQUALS).value(productArn).build())
            .id(StringFilter.builder().comparison(StringFilterComparison.PREFIX).value(prefix).build())
            .build())
        .maxResults(100)
        .build();
    Map<String, AwsSecurityFinding> found = new LinkedHashMap<>();
    client.getFindingsPaginator(request).findings().forEach(f -> {
      if (productArn.equals(f.productArn()) && f.id() != null && f.id().startsWith(prefix)) {
        found.put(f.id(), f);
      }
    });
    return found;
  }

  /** The finding as Security Hub has it, archived: the fields BatchImportFindings requires, and the new state. */
  static AwsSecurityFinding archive(AwsSecurityFinding before, String at) {
    return AwsSecurityFinding.builder()
        .schemaVersion(before.schemaVersion())
        .id(before.id())
        .productArn(before.productArn())
        .generatorId(before.generatorId())
        .awsAccountId(before.awsAccountId())
        .types(before.types())
        .createdAt(before.createdAt())
        .updatedAt(at)
        .severity(before.severity())
        .title(before.title())
        .description(before.description())
        .resources(before.resources())
        .compliance(before.compliance())
        .productFields(before.productFields())
        .recordState(RecordState.ARCHIVED)
        .build();
  }

  static AwsSecurityFinding toSdk(AsffFinding finding) {
    Recommendation.Builder recommendation = Recommendation.builder().text(finding.remediationText());
    finding.remediationUrl().ifPresent(recommendation::url);
    return AwsSecurityFinding.builder()
        .schemaVersion(AsffFindings.SCHEMA_VERSION)
        .id(finding.id())
        .productArn(finding.productArn())
        .productName("TrailWarden")
        .companyName("TrailWarden")
        .generatorId(finding.generatorId())
        .awsAccountId(finding.awsAccountId())
        .types(finding.types())
        .createdAt(finding.createdAt())
        .updatedAt(finding.updatedAt())
        .severity(Severity.builder().label(finding.severityLabel()).original(finding.severityOriginal()).build())
        .title(finding.title())
        .description(finding.description())
        .remediation(Remediation.builder().recommendation(recommendation.build()).build())
        .productFields(finding.productFields())
        .resources(finding.resources().stream().map(r -> Resource.builder()
            .type(r.type()).id(r.id()).partition(r.partition()).region(r.region().orElse(null)).build()).toList())
        .compliance(Compliance.builder().status(finding.complianceStatus())
            .relatedRequirements(finding.relatedRequirements().isEmpty() ? null : finding.relatedRequirements()).build())
        .recordState(finding.recordState())
        .workflow(Workflow.builder().status(finding.workflowStatus()).build())
        .build();
  }
}
