package io.trailwarden.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.trailwarden.Json;
import io.trailwarden.TestFiles;
import io.trailwarden.finding.Evaluation;
import io.trailwarden.finding.Finding;
import io.trailwarden.finding.Status;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every line of {@code trailwarden.ocsf.jsonl} against the real OCSF 1.8.0 Compliance Finding schema
 * (vendored in docs/ocsf/, generated from the schema.ocsf.io export by scripts/ocsf-schema.sh), with the
 * project's JSON Schema validator; and proof that the validator rejects what OCSF forbids.
 */
class OcsfReporterTest {
  static final Path SCHEMA = TestFiles.projectDir()
      .resolve("docs/ocsf/compliance_finding-" + OcsfReporter.OCSF_VERSION + "-cloud.schema.json");
  static JsonSchema schema;

  @BeforeAll
  static void loadSchema() throws IOException {
    try (InputStream in = Files.newInputStream(SCHEMA)) {
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
    }
  }

  static Stream<String> cases() {
    return Evaluations.CASES.keySet().stream();
  }

  static List<JsonNode> lines(Evaluation evaluation) throws IOException {
    List<JsonNode> events = new ArrayList<>();
    for (String line : new OcsfReporter().render(evaluation).split("\n")) {
      if (!line.isEmpty()) {
        events.add(Json.mapper().readTree(line));
      }
    }
    return events;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void everyLineIsAValidComplianceFinding(String name) throws IOException {
    Evaluation evaluation = Evaluations.CASES.get(name).get();
    List<JsonNode> events = lines(evaluation);
    assertThat(events).hasSize(evaluation.findings().size());
    for (JsonNode event : events) {
      assertThat(schema.validate(event)).as("schema errors of %s", event).isEmpty();
      // The sibling rule the generated schema cannot express: the caption belongs to the id.
      assertThat(event.path("severity").asText())
          .isEqualTo(OcsfReporter.severityCaption(event.path("severity_id").asInt()));
      assertThat(event.path("type_uid").asInt())
          .isEqualTo(event.path("class_uid").asInt() * 100 + event.path("activity_id").asInt());
    }
  }

  @Test
  void oneEventPerFindingOfEveryStatusWithItsIdentityAndTime() throws IOException {
    Evaluation mixed = Evaluations.mixed();
    List<JsonNode> events = lines(mixed);
    List<Finding> findings = mixed.findings();
    assertThat(events).extracting(e -> e.at("/finding_info/uid").asText())
        .containsExactlyElementsOf(findings.stream().map(Finding::fingerprint).toList());
    assertThat(events).extracting(e -> e.path("status_code").asText())
        .containsExactlyElementsOf(findings.stream().map(f -> f.status().name()).toList());
    assertThat(events).allSatisfy(e -> {
      assertThat(e.path("time").asLong()).isEqualTo(mixed.collectedAt().toEpochMilli());
      assertThat(e.at("/metadata/version").asText()).isEqualTo(OcsfReporter.OCSF_VERSION);
      assertThat(e.at("/metadata/product/name").asText()).isEqualTo("TrailWarden");
      assertThat(e.at("/cloud/provider").asText()).isEqualTo("AWS");
    });
    assertThat(Set.copyOf(events.stream().map(e -> e.path("status_code").asText()).toList()))
        .containsExactlyInAnyOrder("PASS", "FAIL", "UNKNOWN", "WAIVED");
  }

  @Test
  void statusesMapToComplianceAndWorkflow() throws IOException {
    for (JsonNode e : lines(Evaluations.mixed())) {
      Status status = Status.valueOf(e.path("status_code").asText());
      int compliance = e.at("/compliance/status_id").asInt();
      switch (status) {
        case PASS -> {
          assertThat(compliance).isEqualTo(1);
          assertThat(e.path("severity_id").asInt()).isEqualTo(1);
        }
        case FAIL -> assertThat(compliance).isEqualTo(3);
        case UNKNOWN -> assertThat(compliance).isEqualTo(2);
        case WAIVED -> {
          assertThat(compliance).isEqualTo(3);
          assertThat(e.path("status_id").asInt()).isEqualTo(3);
          assertThat(e.path("status_detail").asText()).startsWith("waived until 2026-12-31");
        }
      }
    }
  }

  @Test
  void resourcesCarryArnPartitionRegionAndOwner() throws IOException {
    JsonNode trail = lines(Evaluations.mixed()).stream()
        .filter(e -> e.at("/resources/0/uid").asText().equals(Evaluations.LEGACY_TRAIL)).findFirst().orElseThrow();
    assertThat(trail.at("/resources/0/type").asText()).isEqualTo("AwsCloudTrailTrail");
    assertThat(trail.at("/resources/0/cloud_partition").asText()).isEqualTo("aws");
    assertThat(trail.at("/resources/0/region").asText()).isEqualTo("eu-west-1");
    assertThat(trail.at("/resources/0/owner/account/uid").asText()).isEqualTo(Evaluations.MANAGEMENT);
    assertThat(trail.at("/cloud/account/uid").asText()).isEqualTo(Evaluations.MANAGEMENT);
    assertThat(trail.at("/cloud/org/uid").asText()).isEqualTo(Evaluations.ORG_ID);
    assertThat(trail.at("/compliance/standards").toString()).contains("cis-aws-foundations-3.0", "aws-security-hub");
    assertThat(trail.at("/remediation/desc").asText()).startsWith("aws cloudtrail update-trail");
  }

  @Test
  void noFindingsIsAnEmptyFile() {
    assertThat(new OcsfReporter().render(Evaluations.noFindings())).isEmpty();
  }

  // Negative cases: the validator in this configuration rejects what OCSF 1.8.0 forbids, so a pass above
  // means something.

  @Test
  void validatorRejectsAMissingRequiredAttribute() throws IOException {
    assertRejected(e -> ((ObjectNode) e.get("finding_info")).remove("uid"), "uid");
    assertRejected(e -> e.remove("cloud"), "cloud");
    assertRejected(e -> ((ObjectNode) e.get("metadata")).remove("version"), "version");
  }

  @Test
  void validatorRejectsValuesOutsideTheEnumsAndConstants() throws IOException {
    assertRejected(e -> e.put("class_uid", 2004), "class_uid");
    assertRejected(e -> e.put("severity_id", 7), "severity_id");
    assertRejected(e -> e.put("type_uid", 200304), "type_uid");
    assertRejected(e -> ((ObjectNode) e.get("compliance")).put("status_id", 4), "status_id");
  }

  @Test
  void validatorRejectsWrongTypesAndUnknownAttributes() throws IOException {
    assertRejected(e -> e.put("time", "2026-11-23T06:00:07.250Z"), "time");
    assertRejected(e -> e.put("trailwarden_rule", "x"), "trailwarden_rule");
    assertRejected(e -> ((ObjectNode) e.at("/resources/0")).remove("uid"), "resources");
  }

  private static void assertRejected(Consumer<ObjectNode> breakIt, String where) throws IOException {
    ObjectNode event = (ObjectNode) lines(Evaluations.mixed()).get(0).deepCopy();
    assertThat(schema.validate(event)).isEmpty();
    breakIt.accept(event);
    Set<ValidationMessage> messages = schema.validate(event);
    assertThat(messages).as("the validator must reject the event broken at %s", where).isNotEmpty();
    assertThat(messages.toString()).contains(where);
  }
}
