package io.trailwarden.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwarden.InvalidInputException;
import io.trailwarden.Json;
import io.trailwarden.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotIoTest {
  private final SnapshotIo io = new SnapshotIo();

  @Test
  void readsTheExamples() {
    Snapshot compliant = io.read(TestFiles.example("compliant-org.json"));
    assertThat(compliant.scope().managementAccountId()).isEqualTo("111111111111");
    assertThat(compliant.organizationId()).contains("o-a1b2c3d4e5");
    assertThat(compliant.trails()).singleElement().satisfies(t -> {
      assertThat(t.isOrganizationTrail()).isTrue();
      assertThat(t.status()).hasValueSatisfying(s -> assertThat(s.isLogging()).isTrue());
    });
    assertThat(compliant.buckets()).containsKey("acme-org-cloudtrail-logs");

    Snapshot misconfigured = io.read(TestFiles.example("misconfigured-org.json"));
    assertThat(misconfigured.trails()).hasSize(2);
  }

  @Test
  void writesCanonicalTextThatReadsBackTheSame() throws Exception {
    Snapshot snapshot = io.read(TestFiles.example("misconfigured-org.json"));
    String text = io.toJson(snapshot);
    Snapshot again = io.parse(text, "canonical");
    assertThat(again).isEqualTo(snapshot);
    assertThat(io.toJson(again)).isEqualTo(text);
    assertThat(text).contains("\"isOrganizationTrail\" : true").doesNotContain("\r");
  }

  @Test
  void writeIsAtomicAndLeavesNoTemporaryFile(@TempDir Path dir) throws Exception {
    Snapshot snapshot = io.read(TestFiles.example("compliant-org.json"));
    Path file = dir.resolve("snapshot.json");
    io.write(snapshot, file);
    assertThat(io.read(file)).isEqualTo(snapshot);
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void malformedJsonNamesFileLineAndColumn() {
    assertThatThrownBy(() -> io.parse("{\n  \"schemaVersion\": 1,\n  \"scope\": {,\n}", "broken.json"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("broken.json:3:")
        .hasMessageContaining("not valid JSON");
  }

  @Test
  void wrongSchemaVersionIsNamed() {
    String text = TestFiles.read(TestFiles.example("compliant-org.json")).replace("\"schemaVersion\": 1", "\"schemaVersion\": 2");
    assertThatThrownBy(() -> io.parse(text, "future.json"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("future.json: $.schemaVersion: is 2")
        .hasMessageContaining("reads snapshot schema version 1");
  }

  @Test
  void schemaViolationsNameTheJsonPath() {
    String text = TestFiles.read(TestFiles.example("compliant-org.json"))
        .replace("\"isMultiRegionTrail\": true", "\"isMultiRegionTrail\": \"yes\"")
        .replace("\"managementAccountId\": \"111111111111\",\n    \"loggingAccountId\"", "\"managementAccountId\": \"1111\",\n    \"loggingAccountId\"");
    assertThatThrownBy(() -> io.parse(text, "bad.json"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("bad.json: does not match the snapshot schema (2 problems)")
        .hasMessageContaining("$.trails[0].isMultiRegionTrail")
        .hasMessageContaining("$.scope.managementAccountId");
  }

  /**
   * The organization and a trail's status are nullable objects, written {@code "type": ["object", "null"]}
   * rather than {@code oneOf} so that {@code opa check --schema} types them: null is still valid, and an
   * object is still checked field by field.
   */
  @Test
  void nullableObjectsAcceptNullAndStillCheckTheirFields() throws Exception {
    ObjectNode nulls = example();
    nulls.putNull("organization");
    ((ObjectNode) nulls.get("trails").get(0)).putNull("status");
    Snapshot read = io.parse(Json.mapper().writeValueAsString(nulls), "nulls.json");
    assertThat(read.organizationId()).isEmpty();
    assertThat(read.trails().get(0).status()).isEmpty();

    ObjectNode bad = example();
    ((ObjectNode) bad.get("organization")).put("featureSet", "SOME");
    ((ObjectNode) bad.get("trails").get(0).get("status")).put("isLoging", true);
    assertThatThrownBy(() -> io.parse(Json.mapper().writeValueAsString(bad), "bad.json"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("bad.json: does not match the snapshot schema (2 problems)")
        .hasMessageContaining("$.organization.featureSet")
        .hasMessageContaining("$.trails[0].status")
        .hasMessageContaining("isLoging");
  }

  private static ObjectNode example() throws Exception {
    return (ObjectNode) Json.mapper().readTree(TestFiles.read(TestFiles.example("compliant-org.json")));
  }

  @Test
  void missingFileIsNamed() {
    assertThatThrownBy(() -> io.read(Path.of("no/such/snapshot.json")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("no/such/snapshot.json: no such snapshot file");
  }
}
