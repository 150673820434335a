package io.trailwarden.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.trailwarden.Json;
import io.trailwarden.finding.Evaluation;
import io.trailwarden.finding.Finding;
import io.trailwarden.policy.Severity;
import io.trailwarden.finding.Status;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SarifReporterTest {
  private final SarifReporter reporter = new SarifReporter();

  @ParameterizedTest
  @ValueSource(strings = {
      "arn:aws:logs:us-east-1:111111111111:log-group:/aws/cloudtrail/org trail:*",
      "arn:aws:s3:::acme-logs/AWSLogs/../o-a1b2c3d4e5/ü?x=1#frag",
      "arn:aws:cloudtrail:us-east-1:111111111111:trail/./org-trail",
      "arn:aws-us-gov:iam::111111111111:role/a%2Fb",
      "arn:aws:s3:::",
      "not-an-arn:with:colons"})
  void locationIsARelativeSchemelessUriForAnyResource(String resource) {
    Finding finding = Evaluations.fail("rule_x", Severity.HIGH, resource, "", "", "odd", Optional.empty(),
        NullNode.getInstance());

    String uri = SarifReporter.artifactUri(finding);

    URI parsed = URI.create(uri);
    assertThat(parsed.getScheme()).isNull();
    assertThat(parsed.isAbsolute()).isFalse();
    assertThat(parsed.getRawQuery()).isNull();
    assertThat(parsed.getRawFragment()).isNull();
    assertThat(parsed.normalize().toString()).as("no dot segments").isEqualTo(uri);
    assertThat(uri).startsWith("aws/unknown/unknown/").doesNotContain(":").doesNotContain(" ").doesNotEndWith("/");
    assertThat(uri).matches("[A-Za-z0-9._~%/-]+");
  }

  @Test
  void locationKeepsTheResourcePathReadable() {
    Finding finding = Evaluations.fail("rule_x", Severity.HIGH,
        "arn:aws:logs:us-east-1:111111111111:log-group:/aws/cloudtrail/org:*", "111111111111", "us-east-1", "m",
        Optional.empty(), NullNode.getInstance());

    String uri = SarifReporter.artifactUri(finding);

    assertThat(uri).isEqualTo("aws/111111111111/us-east-1/logs/log-group%3A/aws/cloudtrail/org%3A%2A");
    assertThat(URLDecoder.decode(uri, StandardCharsets.UTF_8))
        .isEqualTo("aws/111111111111/us-east-1/logs/log-group:/aws/cloudtrail/org:*");
  }

  @Test
  void emitsOnlyActiveFailures() throws Exception {
    Evaluation evaluation = Evaluations.mixed();
    JsonNode run = run(reporter.render(evaluation));

    Set<String> failures = evaluation.withStatus(Status.FAIL).stream().map(Finding::fingerprint).collect(Collectors.toSet());
    List<String> reported = new ArrayList<>();
    run.get("results").forEach(r -> reported.add(r.at("/partialFingerprints/primaryLocationLineHash").asText()));
    assertThat(reported).containsExactlyInAnyOrderElementsOf(failures);
    assertThat(evaluation.findings()).anyMatch(f -> f.status() != Status.FAIL);
  }

  @Test
  void resultCarriesTheArnAndOneLocation() throws Exception {
    JsonNode result = run(reporter.render(Evaluations.mixed())).at("/results/0");

    assertThat(result.get("ruleId").asText()).isEqualTo(Evaluations.LOGGING);
    assertThat(result.get("level").asText()).isEqualTo("error");
    assertThat(result.at("/message/text").asText()).startsWith(Evaluations.ORG_TRAIL + ": ");
    assertThat(result.get("locations")).hasSize(1);
    assertThat(result.at("/locations/0/physicalLocation/artifactLocation/uri").asText())
        .isEqualTo("aws/111111111111/us-east-1/cloudtrail/trail/org-trail");
    assertThat(result.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(1);
    assertThat(result.at("/locations/0/logicalLocations/0/fullyQualifiedName").asText()).isEqualTo(Evaluations.ORG_TRAIL);
    assertThat(result.at("/locations/0/logicalLocations/0/kind").asText()).isEqualTo("resource");
    assertThat(result.at("/partialFingerprints/primaryLocationLineHash").asText())
        .isEqualTo(Finding.fingerprint(Evaluations.LOGGING, Evaluations.ORG_TRAIL));
  }

  @Test
  void rulesCarryGitHubMetadata() throws Exception {
    JsonNode run = run(reporter.render(Evaluations.mixed()));
    JsonNode rules = run.at("/tool/driver/rules");
    JsonNode low = find(rules, Evaluations.BUCKET_ACCESS_LOGGING);

    assertThat(low.get("name").asText()).isEqualTo("S3LogBucketAccessLoggingEnabled");
    assertThat(low.at("/properties/security-severity").isTextual()).isTrue();
    assertThat(low.at("/properties/security-severity").asText()).isEqualTo("2.0");
    assertThat(low.at("/defaultConfiguration/level").asText()).isEqualTo("note");
    assertThat(low.at("/properties/tags")).extracting(JsonNode::asText)
        .containsExactly("security", "aws-security-hub", "cis-aws-foundations-3.0");
    assertThat(low.get("helpUri").asText()).isEqualTo("https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerLogs.html");
    assertThat(low.at("/help/markdown").asText()).contains("](https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerLogs.html)");
    assertThat(find(rules, Evaluations.LOGGING).at("/defaultConfiguration/level").asText()).isEqualTo("error");
    assertThat(find(rules, Evaluations.MULTI_REGION).at("/defaultConfiguration/level").asText()).isEqualTo("error");
    assertThat(find(rules, Evaluations.CLOUDWATCH).at("/defaultConfiguration/level").asText()).isEqualTo("warning");
    // ruleIndex points at the rule of the same id.
    run.get("results").forEach(r ->
        assertThat(rules.get(r.get("ruleIndex").asInt()).get("id").asText()).isEqualTo(r.get("ruleId").asText()));
  }

  @Test
  void runIsCategorisedAndTimedBySnapshot() throws Exception {
    JsonNode run = run(reporter.render(Evaluations.mixed()));

    assertThat(run.at("/automationDetails/id").asText()).isEqualTo("trailwarden/111111111111/");
    assertThat(run.at("/invocations/0/executionSuccessful").asBoolean()).isTrue();
    assertThat(run.at("/invocations/0/startTimeUtc").asText()).isEqualTo("2026-11-23T06:00:07.250Z");
    assertThat(run.at("/invocations/0/endTimeUtc").asText()).isEqualTo("2026-11-23T06:00:07.250Z");
    assertThat(run.at("/invocations/0/toolExecutionNotifications/0/message/text").asText())
        .contains("s3 GetBucketPolicy 222222222222/us-east-1 AccessDenied");
  }

  @Test
  void capsResultsAtGitHubsLimitKeepingTheMostSevere() throws Exception {
    List<Finding> findings = new ArrayList<>();
    String lowResource = "arn:aws:s3:::bucket-00000";
    findings.add(Evaluations.fail(Evaluations.BUCKET_ACCESS_LOGGING, Severity.LOW, lowResource, "1", "us-east-1", "m",
        Optional.empty(), NullNode.getInstance()));
    for (int i = 1; i <= SarifReporter.MAX_RESULTS; i++) {
      findings.add(Evaluations.fail(Evaluations.BUCKET_WRITE, Severity.HIGH, "arn:aws:s3:::bucket-%05d".formatted(i),
          "1", "us-east-1", "m", Optional.empty(), NullNode.getInstance()));
    }
    JsonNode run = run(reporter.render(evaluation(findings)));

    assertThat(run.get("results")).hasSize(SarifReporter.MAX_RESULTS);
    assertThat(StreamSupport.stream(run.get("results").spliterator(), false))
        .noneMatch(r -> r.at("/message/text").asText().startsWith(lowResource + ":"));
    assertThat(run.at("/invocations/0/toolExecutionNotifications")).hasSize(1);
    assertThat(run.at("/invocations/0/toolExecutionNotifications/0/level").asText()).isEqualTo("warning");
    assertThat(run.at("/invocations/0/toolExecutionNotifications/0/message/text").asText())
        .contains("25000 results", "25001 failures");
  }

  @Test
  void exactlyTheLimitIsNotCapped() throws Exception {
    List<Finding> findings = new ArrayList<>();
    for (int i = 0; i < SarifReporter.MAX_RESULTS; i++) {
      findings.add(Evaluations.fail(Evaluations.BUCKET_WRITE, Severity.HIGH, "arn:aws:s3:::bucket-%05d".formatted(i),
          "1", "us-east-1", "m", Optional.empty(), NullNode.getInstance()));
    }
    JsonNode run = run(reporter.render(evaluation(findings)));

    assertThat(run.get("results")).hasSize(SarifReporter.MAX_RESULTS);
    assertThat(run.at("/invocations/0").has("toolExecutionNotifications")).isFalse();
  }

  @Test
  void resultLevelFollowsSeverity() {
    assertThat(SarifReporter.level(Severity.CRITICAL)).isEqualTo("error");
    assertThat(SarifReporter.level(Severity.HIGH)).isEqualTo("error");
    assertThat(SarifReporter.level(Severity.MEDIUM)).isEqualTo("warning");
    assertThat(SarifReporter.level(Severity.LOW)).isEqualTo("note");
  }

  private static Evaluation evaluation(List<Finding> findings) {
    return new Evaluation("0.1.0", Instant.parse("2026-11-23T06:00:00Z"), "111111111111", Optional.empty(),
        Evaluations.rules(), Evaluations.sorted(findings), List.of(), List.of());
  }

  private static JsonNode run(String sarif) throws Exception {
    JsonNode log = Json.mapper().readTree(sarif);
    assertThat(log.get("runs")).hasSize(1);
    return log.at("/runs/0");
  }

  private static JsonNode find(JsonNode rules, String id) {
    return StreamSupport.stream(rules.spliterator(), false).filter(r -> r.get("id").asText().equals(id)).findFirst()
        .orElseThrow();
  }
}
