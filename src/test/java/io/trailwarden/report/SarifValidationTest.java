package io.trailwarden.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.trailwarden.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Validates the SARIF with Microsoft's own validator, {@code sarif-multitool validate}, applying GitHub's
 * ingestion rules (src/test/resources/report/sarif-multitool-github.xml), and against the SARIF 2.1.0
 * JSON Schema.
 *
 * <p>The multitool checks the schema too, but not completely: version 5.7.0 reports missing and unknown
 * properties, yet when a value cannot be deserialized (an unknown enum value such as {@code "level":
 * "bogus"}, a string where a number belongs) it reports nothing and says "Analysis completed
 * successfully". So the schema is also checked here with the project's JSON Schema library, using the
 * schema file that ships inside the provisioned multitool (third-party data stays out of the repository).
 */
class SarifValidationTest {
  static final String INSTALL_HINT = "install it with: bash scripts/sarif-multitool.sh"
      + " (the Maven build runs it and sets SARIF_MULTITOOL_PATH to .tools/bin/sarif-multitool)";

  /** The rules our configuration disables on purpose; the multitool names each in a WRN999 warning. */
  static final Set<String> DISABLED_RULES = Set.of("SARIF2016", "SARIF2006", "GH1004");

  @TempDir
  Path dir;

  static Stream<String> cases() {
    return Evaluations.CASES.keySet().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void passesGitHubIngestionRules(String name) throws Exception {
    Path sarif = write(name + ".sarif", new SarifReporter().render(Evaluations.CASES.get(name).get()));
    Validation validation = validate(sarif);

    assertThat(validation.problems())
        .as("errors and warnings of sarif-multitool for %s; its console output:%n%s", name, validation.console())
        .isEmpty();
    // A log the multitool could not read yields no results at all; the run-level notes (e.g. SARIF2003,
    // no versionControlProvenance) prove that it analysed the file.
    assertThat(validation.results())
        .as("sarif-multitool reported nothing, so it did not analyse the file; its output:%n%s", validation.console())
        .isGreaterThan(0);
  }

  @Test
  void validatorRejectsAnArnAsLocationUri() throws Exception {
    ObjectNode log = (ObjectNode) Json.mapper().readTree(new SarifReporter().render(Evaluations.mixed()));
    ((ObjectNode) log.at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation"))
        .put("uri", Evaluations.ORG_TRAIL);
    Validation validation = validate(write("arn-uri.sarif", Json.pretty(log)));

    // Proves the configuration is in force: GitHub's GH1005 fires as an error on exactly this result.
    assertThat(validation.problems()).anySatisfy(p -> assertThat(p).startsWith("error GH1005"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesTheSarifJsonSchema(String name) throws Exception {
    JsonNode log = Json.mapper().readTree(new SarifReporter().render(Evaluations.CASES.get(name).get()));
    assertThat(schema().validate(log)).isEmpty();
  }

  @Test
  void schemaCheckCatchesWhatTheMultitoolMisses() throws Exception {
    ObjectNode log = (ObjectNode) Json.mapper().readTree(new SarifReporter().render(Evaluations.mixed()));
    ((ObjectNode) log.at("/runs/0/results/0")).put("level", "bogus");
    assertThat(schema().validate(log)).extracting(ValidationMessage::getInstanceLocation)
        .map(Object::toString)
        .contains("$.runs[0].results[0].level");
  }

  /** One validator run: problems are "level ruleId: message" of every error and warning. */
  record Validation(List<String> problems, int results, String console) {}

  private Validation validate(Path sarif) throws IOException, InterruptedException, URISyntaxException {
    Path multitool = multitool();
    Path config = Path.of(SarifValidationTest.class.getResource("/report/sarif-multitool-github.xml").toURI());
    Path output = dir.resolve(sarif.getFileName() + ".validation.sarif");
    List<String> args = List.of("validate", sarif.toString(), "--config", config.toString(),
        "--rule-kind", "Sarif;Ghas", "--level", "Error;Warning;Note", "--output", output.toString(),
        "--log", "ForceOverwrite");
    List<String> command = new ArrayList<>();
    command.add(multitool.toString());
    // The npm package's bin.js runs the native tool through a shell (spawnSync with shell: true), so
    // arguments reach a shell and must be quoted for it; "Sarif;Ghas" would otherwise end the command.
    boolean throughShell = multitool.toRealPath().toString().endsWith(".js");
    args.forEach(a -> command.add(throughShell ? shellQuote(a) : a));

    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getOutputStream().close();
    String console = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("sarif-multitool did not finish within 120 s:%n%s", console);
    }
    assertThat(process.exitValue()).as("sarif-multitool exit code; output:%n%s", console).isZero();
    assertThat(output).as("sarif-multitool wrote no log; output:%n%s", console).exists();
    return read(Json.mapper().readTree(output.toFile()), console);
  }

  /** Reads the validator's own SARIF log rather than its console text. */
  private static Validation read(JsonNode log, String console) {
    List<String> problems = new ArrayList<>();
    int results = 0;
    for (JsonNode run : log.path("runs")) {
      for (JsonNode invocation : run.path("invocations")) {
        if (!invocation.path("executionSuccessful").asBoolean(false)) {
          problems.add("error: the validator's invocation was not successful");
        }
        for (String kind : List.of("toolConfigurationNotifications", "toolExecutionNotifications")) {
          for (JsonNode notification : invocation.path(kind)) {
            // Notifications default to "warning" (SARIF §3.58.6).
            String level = notification.path("level").asText("warning");
            String text = notification.path("message").path("text").asText();
            boolean expected = notification.path("descriptor").path("id").asText().equals("WRN999.RuleExplicitlyDisabled")
                && DISABLED_RULES.stream().anyMatch(rule -> text.contains("'" + rule + "'"));
            if (!expected && (level.equals("error") || level.equals("warning"))) {
              problems.add(level + " " + kind + ": " + text);
            }
          }
        }
      }
      for (JsonNode result : run.path("results")) {
        results++;
        String level = level(run, result);
        if (level.equals("error") || level.equals("warning")) {
          problems.add(level + " " + result.path("ruleId").asText() + ": " + message(result));
        }
      }
    }
    return new Validation(problems, results, console);
  }

  /** A result's effective level: its own, else its rule's default, else "warning" (SARIF §3.27.10). */
  private static String level(JsonNode run, JsonNode result) {
    if (result.hasNonNull("level")) {
      return result.get("level").asText();
    }
    for (JsonNode rule : run.path("tool").path("driver").path("rules")) {
      if (rule.path("id").asText().equals(result.path("ruleId").asText())) {
        return rule.path("defaultConfiguration").path("level").asText("warning");
      }
    }
    return "warning";
  }

  private static String message(JsonNode result) {
    JsonNode message = result.path("message");
    if (message.has("text")) {
      return message.get("text").asText();
    }
    List<String> arguments = new ArrayList<>();
    message.path("arguments").forEach(a -> arguments.add(a.asText()));
    return message.path("id").asText() + " " + arguments;
  }

  private static Path multitool() {
    String path = System.getenv("SARIF_MULTITOOL_PATH");
    if (path == null || path.isBlank()) {
      fail("SARIF_MULTITOOL_PATH is not set, so the SARIF validator cannot run; " + INSTALL_HINT);
    }
    Path multitool = Path.of(path);
    if (!Files.isExecutable(multitool)) {
      fail("the SARIF validator " + multitool + " is missing or not executable; " + INSTALL_HINT);
    }
    return multitool;
  }

  /**
   * The SARIF 2.1.0 schema the multitool itself validates with: {@code sarif-2.1.0.json} beside the
   * native tool, in the platform package next to the npm wrapper (or beside the tool itself).
   */
  private static JsonSchema schema() throws IOException {
    Path tool = multitool().toRealPath();
    List<Path> candidates = new ArrayList<>(List.of(tool.resolveSibling("sarif-2.1.0.json")));
    Path packages = tool.getParent().getParent();
    try (Stream<Path> siblings = Files.list(packages)) {
      siblings.filter(p -> p.getFileName().toString().startsWith("sarif-multitool-")).sorted()
          .forEach(p -> candidates.add(p.resolve("sarif-2.1.0.json")));
    }
    Path schema = candidates.stream().filter(Files::isRegularFile).findFirst().orElse(null);
    if (schema == null) {
      fail("no sarif-2.1.0.json in the SARIF validator's installation (looked at " + candidates + "); "
          + INSTALL_HINT);
    }
    try (InputStream in = Files.newInputStream(schema)) {
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
    }
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  private static String shellQuote(String arg) {
    return "'" + arg.replace("'", "'\"'\"'") + "'";
  }
}
