package io.trailwarden.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwarden.Json;
import io.trailwarden.finding.Evaluation;
import io.trailwarden.finding.Finding;
import io.trailwarden.finding.Status;
import io.trailwarden.policy.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ASFF has no official JSON Schema. {@link #problems} encodes what the Security Hub documentation
 * ("AWS Security Finding Format (ASFF)", required attributes, and the BatchImportFindings API reference)
 * states: the required top-level attributes, their types, the enums, the Types taxonomy, and the
 * length and count limits. The negative tests prove each check bites.
 */
class AsffReporterTest {
  static final Set<String> REQUIRED = Set.of("AwsAccountId", "CreatedAt", "Description", "GeneratorId", "Id",
      "ProductArn", "Resources", "SchemaVersion", "Severity", "Title", "Types", "UpdatedAt");
  static final Set<String> NAMESPACES = Set.of("Software and Configuration Checks", "TTPs", "Effects",
      "Unusual Behaviors", "Sensitive Data Identifications");
  static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");
  static final Pattern PRODUCT_ARN =
      Pattern.compile("arn:aws(-cn|-us-gov)?:securityhub:[a-z0-9-]+:(\\d{12}):product/(\\d{12})/default");

  static Stream<String> cases() {
    return Evaluations.CASES.keySet().stream();
  }

  static List<ObjectNode> findings(Evaluation evaluation) throws Exception {
    List<ObjectNode> findings = new ArrayList<>();
    Json.mapper().readTree(new AsffReporter().render(evaluation)).forEach(f -> findings.add((ObjectNode) f));
    return findings;
  }

  /** Every documented rule a finding breaks, empty when Security Hub would take it. */
  static List<String> problems(JsonNode f) {
    List<String> problems = new ArrayList<>();
    REQUIRED.stream().sorted().filter(k -> !f.has(k) || f.get(k).isNull()).forEach(k -> problems.add("missing " + k));
    if (!f.path("SchemaVersion").asText().equals("2018-10-08")) problems.add("SchemaVersion must be 2018-10-08");
    text(f, "Id", 512, problems);
    text(f, "GeneratorId", 512, problems);
    text(f, "Title", 256, problems);
    text(f, "Description", 1024, problems);
    if (!f.path("AwsAccountId").asText().matches("\\d{12}")) problems.add("AwsAccountId must be 12 digits");
    var arn = PRODUCT_ARN.matcher(f.path("ProductArn").asText());
    if (!arn.matches() || !arn.group(2).equals(arn.group(3))) problems.add("ProductArn is not an account's default product");
    for (String time : List.of("CreatedAt", "UpdatedAt")) {
      if (!TIMESTAMP.matcher(f.path(time).asText()).matches()) problems.add(time + " must be an RFC 3339 UTC timestamp");
    }
    JsonNode types = f.path("Types");
    if (!types.isArray() || types.isEmpty() || types.size() > 50) problems.add("Types must have 1 to 50 entries");
    types.forEach(t -> {
      String[] parts = t.asText().split("/");
      if (parts.length > 3 || !NAMESPACES.contains(parts[0])) problems.add("Types entry " + t + " is not namespace/category/classifier");
    });
    if (!Set.of("INFORMATIONAL", "LOW", "MEDIUM", "HIGH", "CRITICAL").contains(f.at("/Severity/Label").asText())) {
      problems.add("Severity.Label is not one of the five labels");
    }
    JsonNode resources = f.path("Resources");
    if (!resources.isArray() || resources.isEmpty() || resources.size() > 32) problems.add("Resources must have 1 to 32 entries");
    resources.forEach(r -> {
      if (!r.path("Type").isTextual() || !r.path("Id").isTextual()) problems.add("a resource needs Type and Id");
      if (r.has("Partition") && !Set.of("aws", "aws-cn", "aws-us-gov").contains(r.get("Partition").asText())) {
        problems.add("Resources.Partition is not a partition");
      }
    });
    if (f.at("/Remediation/Recommendation/Text").asText().length() > 512) problems.add("Recommendation.Text over 512");
    if (f.has("Compliance")) {
      if (!Set.of("PASSED", "WARNING", "FAILED", "NOT_AVAILABLE").contains(f.at("/Compliance/Status").asText())) {
        problems.add("Compliance.Status is not an ASFF status");
      }
      if (f.at("/Compliance/RelatedRequirements").size() > 32) problems.add("over 32 RelatedRequirements");
    }
    if (f.has("RecordState") && !Set.of("ACTIVE", "ARCHIVED").contains(f.get("RecordState").asText())) {
      problems.add("RecordState is not ACTIVE or ARCHIVED");
    }
    if (f.has("Workflow") && !Set.of("NEW", "NOTIFIED", "RESOLVED", "SUPPRESSED").contains(f.at("/Workflow/Status").asText())) {
      problems.add("Workflow.Status is not an ASFF workflow status");
    }
    JsonNode fields = f.path("ProductFields");
    if (fields.size() > 50) problems.add("over 50 ProductFields");
    for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getValue().isTextual()) problems.add("ProductFields values must be strings");
      if (e.getKey().startsWith("aws/")) problems.add("ProductFields key " + e.getKey() + " is reserved");
    }
    return problems;
  }

  private static void text(JsonNode f, String key, int max, List<String> problems) {
    JsonNode value = f.path(key);
    if (f.has(key) && (!value.isTextual() || value.asText().isEmpty() || value.asText().length() > max)) {
      problems.add(key + " must be a string of 1 to " + max + " characters");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void everyFindingHasTheDocumentedRequiredFieldsTypesAndLimits(String name) throws Exception {
    Evaluation evaluation = Evaluations.CASES.get(name).get();
    List<ObjectNode> findings = findings(evaluation);
    assertThat(findings).hasSize(evaluation.findings().size());
    assertThat(findings).allSatisfy(f -> assertThat(problems(f)).as(f.path("Id").asText()).isEmpty());
  }

  @Test
  void idsAreStableAndUnique() throws Exception {
    List<String> ids = findings(Evaluations.mixed()).stream().map(f -> f.get("Id").asText()).toList();
    assertThat(ids).doesNotHaveDuplicates();
    assertThat(ids).allSatisfy(id -> assertThat(id)
        .startsWith("arn:aws:securityhub:us-east-1:111111111111:product/111111111111/default/trailwarden/111111111111/"));
    assertThat(findings(Evaluations.mixed()).stream().map(f -> f.get("Id").asText()).toList()).isEqualTo(ids);
  }

  @Test
  void statusesMapToComplianceRecordStateAndWorkflow() throws Exception {
    for (ObjectNode f : findings(Evaluations.mixed())) {
      String status = f.at("/ProductFields/trailwarden~1Status").asText();
      String expected = switch (Status.valueOf(status)) {
        case PASS -> "PASSED ARCHIVED RESOLVED INFORMATIONAL";
        case FAIL -> "FAILED ACTIVE NEW " + f.at("/Severity/Original").asText().toUpperCase();
        case UNKNOWN -> "NOT_AVAILABLE ACTIVE NEW HIGH";
        case WAIVED -> "FAILED ACTIVE SUPPRESSED HIGH";
      };
      assertThat(f.at("/Compliance/Status").asText() + " " + f.get("RecordState").asText() + " "
          + f.at("/Workflow/Status").asText() + " " + f.at("/Severity/Label").asText()).as(status).isEqualTo(expected);
    }
  }

  @Test
  void longTextsAreCutToTheLimits() throws Exception {
    Evaluation mixed = Evaluations.mixed();
    Finding base = mixed.withStatus(Status.FAIL).get(0);
    String huge = "x".repeat(5000);
    Finding longOne = new Finding(base.ruleId(), Status.FAIL, Severity.HIGH, base.resource(), base.accountId(),
        base.region(), huge, base.evidence(), Optional.of(huge), Optional.empty(), base.fingerprint());
    Evaluation evaluation = new Evaluation(mixed.toolVersion(), Instant.parse("2026-11-23T06:00:00Z"),
        mixed.managementAccountId(), mixed.organizationId(), mixed.rules(), List.of(longOne), List.of(), List.of());
    ObjectNode f = findings(evaluation).get(0);
    assertThat(problems(f)).isEmpty();
    assertThat(f.get("Description").asText()).hasSize(AsffFindings.MAX_DESCRIPTION).endsWith("...");
    assertThat(f.at("/Remediation/Recommendation/Text").asText()).hasSize(AsffFindings.MAX_RECOMMENDATION);
  }

  @Test
  void theCheckerRejectsWhatSecurityHubRejects() throws Exception {
    assertRejected(f -> f.remove("Resources"), "missing Resources");
    assertRejected(f -> f.remove("Types"), "missing Types");
    assertRejected(f -> f.put("AwsAccountId", "1234"), "AwsAccountId must be 12 digits");
    assertRejected(f -> f.put("Title", "t".repeat(257)), "Title must be a string of 1 to 256 characters");
    assertRejected(f -> f.putArray("Types").add("Compliance/CIS"), "is not namespace/category/classifier");
    assertRejected(f -> f.put("CreatedAt", "23/11/2026"), "CreatedAt must be an RFC 3339 UTC timestamp");
    assertRejected(f -> ((ObjectNode) f.get("Compliance")).put("Status", "PASS"), "Compliance.Status is not an ASFF status");
    assertRejected(f -> f.put("RecordState", "DELETED"), "RecordState is not ACTIVE or ARCHIVED");
    assertRejected(f -> f.put("ProductArn", "arn:aws:securityhub:us-east-1:111111111111:product/222222222222/default"),
        "ProductArn is not an account's default product");
  }

  private static void assertRejected(Consumer<ObjectNode> breakIt, String problem) throws Exception {
    ObjectNode finding = findings(Evaluations.mixed()).get(0);
    assertThat(problems(finding)).isEmpty();
    breakIt.accept(finding);
    assertThat(problems(finding)).anySatisfy(p -> assertThat(p).contains(problem));
  }
}
