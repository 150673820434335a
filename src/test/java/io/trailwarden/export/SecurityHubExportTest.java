package io.trailwarden.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.NullNode;
import io.trailwarden.Json;
import io.trailwarden.finding.Evaluation;
import io.trailwarden.finding.Finding;
import io.trailwarden.finding.Status;
import io.trailwarden.policy.RuleMetadata;
import io.trailwarden.policy.Severity;
import io.trailwarden.report.AsffFindings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.securityhub.SecurityHubClient;
import software.amazon.awssdk.services.securityhub.model.AwsSecurityFinding;
import software.amazon.awssdk.services.securityhub.model.BatchImportFindingsRequest;
import software.amazon.awssdk.services.securityhub.model.BatchImportFindingsResponse;
import software.amazon.awssdk.services.securityhub.model.GetFindingsRequest;
import software.amazon.awssdk.services.securityhub.model.GetFindingsResponse;
import software.amazon.awssdk.services.securityhub.model.ImportFindingsError;
import software.amazon.awssdk.services.securityhub.model.StringFilterComparison;

/** What the export sends, checked on a recording client: what moto cannot tell (batch limit, rejections, filters). */
class SecurityHubExportTest {
  static final String ACCOUNT = "111111111111";
  static final String RULE = "s3_log_bucket_encrypted";
  static final String PRODUCT = AsffFindings.productArn("aws", "us-east-1", ACCOUNT);

  /** Records every call; rejects the findings whose Id ends with a rejected fingerprint. */
  static final class RecordingHub implements SecurityHubClient {
    final List<BatchImportFindingsRequest> imports = new ArrayList<>();
    final List<GetFindingsRequest> queries = new ArrayList<>();
    List<String> rejected = List.of();
    List<AwsSecurityFinding> existing = List.of();

    @Override
    public GetFindingsResponse getFindings(GetFindingsRequest request) {
      queries.add(request);
      return GetFindingsResponse.builder().findings(existing).build();
    }

    @Override
    public BatchImportFindingsResponse batchImportFindings(BatchImportFindingsRequest request) {
      imports.add(request);
      List<ImportFindingsError> errors = request.findings().stream()
          .filter(f -> rejected.stream().anyMatch(r -> f.id().endsWith(r)))
          .map(f -> ImportFindingsError.builder().id(f.id()).errorCode("InvalidInput").errorMessage("bad finding").build())
          .toList();
      return BatchImportFindingsResponse.builder().failedCount(errors.size())
          .successCount(request.findings().size() - errors.size()).failedFindings(errors).build();
    }

    @Override
    public String serviceName() {
      return "securityhub";
    }

    @Override
    public void close() {}
  }

  static Evaluation evaluation(int count) {
    List<Finding> findings = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String arn = "arn:aws:s3:::bucket-%03d".formatted(i);
      findings.add(new Finding(RULE, Status.FAIL, Severity.LOW, arn, ACCOUNT, "us-east-1", "Not encrypted.",
          NullNode.getInstance(), Optional.empty(), Optional.empty(), Finding.fingerprint(RULE, arn)));
    }
    RuleMetadata rule = new RuleMetadata(RULE, "The log bucket encrypts objects by default", "d", Severity.LOW,
        "Enable default encryption.", Optional.empty(), Optional.empty(), new TreeMap<>(Map.of("hipaa", List.of("164.312(b)"))),
        Json.mapper().createObjectNode(), List.of(), "rules/s3/" + RULE + ".rego");
    return new Evaluation("0.1.0", Instant.parse("2026-11-23T06:00:00Z"), ACCOUNT, Optional.empty(), List.of(rule),
        findings, List.of(), List.of());
  }

  @Test
  void sendsAtMostOneHundredFindingsPerCall() {
    RecordingHub hub = new RecordingHub();
    SecurityHubExport.Result result = new SecurityHubExport(hub).export(evaluation(250), PRODUCT);
    assertThat(hub.imports).extracting(r -> r.findings().size()).containsExactly(100, 100, 50);
    assertThat(result.calls()).isEqualTo(3);
    assertThat(result.imported()).isEqualTo(250);
    assertThat(result.failures()).isEmpty();
  }

  @Test
  void asksForThisProductAndOrganizationOnly() {
    RecordingHub hub = new RecordingHub();
    new SecurityHubExport(hub).export(evaluation(1), PRODUCT);
    GetFindingsRequest query = hub.queries.get(0);
    assertThat(query.filters().productArn()).singleElement().satisfies(f -> {
      assertThat(f.comparison()).isEqualTo(StringFilterComparison.EQUALS);
      assertThat(f.value()).isEqualTo(PRODUCT);
    });
    assertThat(query.filters().id()).singleElement().satisfies(f -> {
      assertThat(f.comparison()).isEqualTo(StringFilterComparison.PREFIX);
      assertThat(f.value()).isEqualTo(AsffFindings.idPrefix(PRODUCT, ACCOUNT));
    });
  }

  @Test
  void rejectedFindingsAreReportedById() {
    RecordingHub hub = new RecordingHub();
    Evaluation evaluation = evaluation(3);
    hub.rejected = List.of(evaluation.findings().get(1).fingerprint());
    SecurityHubExport.Result result = new SecurityHubExport(hub).export(evaluation, PRODUCT);
    assertThat(result.failures()).singleElement().asString()
        .endsWith(evaluation.findings().get(1).fingerprint() + ": InvalidInput bad finding");
  }

  @Test
  void archivesOnlyActiveFindingsOfThisOrganizationThatTheReportNoLongerHas() {
    RecordingHub hub = new RecordingHub();
    String prefix = AsffFindings.idPrefix(PRODUCT, ACCOUNT);
    AwsSecurityFinding stale = AwsSecurityFinding.builder().id(prefix + "0123").productArn(PRODUCT)
        .createdAt("2026-01-01T00:00:00Z").recordState("ACTIVE").build();
    AwsSecurityFinding alreadyArchived = stale.toBuilder().id(prefix + "4567").recordState("ARCHIVED").build();
    AwsSecurityFinding otherOrganization = stale.toBuilder().id(AsffFindings.idPrefix(PRODUCT, "222222222222") + "89").build();
    hub.existing = List.of(stale, alreadyArchived, otherOrganization);
    SecurityHubExport.Result result = new SecurityHubExport(hub).export(evaluation(1), PRODUCT);
    assertThat(result.archived()).isEqualTo(1);
    List<AwsSecurityFinding> sent = hub.imports.get(0).findings();
    assertThat(sent).hasSize(2);
    assertThat(sent.get(1).id()).isEqualTo(stale.id());
    assertThat(sent.get(1).recordStateAsString()).isEqualTo("ARCHIVED");
    assertThat(sent.get(1).createdAt()).isEqualTo("2026-01-01T00:00:00Z");
    assertThat(sent.get(1).updatedAt()).isEqualTo("2026-11-23T06:00:00Z");
  }
}
