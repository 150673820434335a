package io.trailwarden.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import io.trailwarden.Json;
import io.trailwarden.TestFiles;
import java.io.InputStream;
import java.nio.file.Files;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The JSON report is a documented format: every rendered case validates against docs/schemas, and breaks do not. */
class JsonReportSchemaTest {
  static final JsonSchema SCHEMA = schema();

  static JsonSchema schema() {
    try (InputStream in = Files.newInputStream(TestFiles.projectDir().resolve("docs/schemas/trailwarden-report.schema.json"))) {
      SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static java.util.stream.Stream<String> cases() {
    return Evaluations.CASES.keySet().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void everyReportValidates(String name) throws Exception {
    JsonNode report = Json.mapper().readTree(new JsonReporter().render(Evaluations.CASES.get(name).get()));
    assertThat(SCHEMA.validate(report)).isEmpty();
  }

  @Test
  void brokenReportsDoNot() throws Exception {
    ObjectNode report = (ObjectNode) Json.mapper().readTree(new JsonReporter().render(Evaluations.mixedWithBaseline()));
    ObjectNode noVersion = report.deepCopy();
    noVersion.remove("formatVersion");
    assertThat(SCHEMA.validate(noVersion)).isNotEmpty();
    ObjectNode otherVersion = report.deepCopy().put("formatVersion", 2);
    assertThat(SCHEMA.validate(otherVersion)).isNotEmpty();
    ObjectNode badState = report.deepCopy();
    ((ObjectNode) badState.path("findings").get(0)).put("baselineState", "gone");
    assertThat(SCHEMA.validate(badState)).isNotEmpty();
    ObjectNode badNotRechecked = report.deepCopy();
    ((ObjectNode) badNotRechecked.path("baseline").path("notRechecked").get(0)).remove("fingerprint");
    assertThat(SCHEMA.validate(badNotRechecked)).isNotEmpty();
  }
}
