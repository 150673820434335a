package io.trailwarden.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwarden.Json;
import io.trailwarden.TestFiles;
import io.trailwarden.collect.FilterPatternParser;
import io.trailwarden.policy.MonitoringControls.Control;
import io.trailwarden.snapshot.FilterPattern;
import io.trailwarden.snapshot.LogGroup;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The CIS monitoring rules are generated from rules/cloudwatch/monitoring_controls.yaml: one rule file and
 * one test file per control, and the compliant fixture's filters, alarms and topic (their patterns parsed
 * by the real parser). This test fails when any of them is stale; {@code ./mvnw test
 * -Dtest=MonitoringRulesTest -Dgolden.update=true} regenerates them (through {@code opa fmt}).
 */
class MonitoringRulesTest {
  static final String REGENERATE = "./mvnw test -Dtest=MonitoringRulesTest -Dgolden.update=true";
  static final String NAMESPACE = "CISBenchmark";
  static final String TOPIC = "arn:aws:sns:us-east-1:111111111111:security-alarms";

  @Test
  void generatedFilesAreUpToDate() throws Exception {
    Map<Path, String> files = render();
    boolean update = Boolean.getBoolean("golden.update");
    for (var file : files.entrySet()) {
      if (update) {
        Files.writeString(file.getKey(), file.getValue(), StandardCharsets.UTF_8);
      } else {
        assertThat(file.getKey()).as("%s is missing; generate it with: %s", file.getKey(), REGENERATE).exists();
        assertThat(Files.readString(file.getKey(), StandardCharsets.UTF_8))
            .as("%s is stale (monitoring_controls.yaml or its generator changed); regenerate it with: %s", file.getKey(), REGENERATE)
            .isEqualTo(file.getValue());
      }
    }
    try (var existing = Files.list(TestFiles.rulesDir().resolve("cloudwatch"))) {
      assertThat(existing.filter(p -> p.toString().endsWith(".rego")).toList())
          .as("every rule in rules/cloudwatch/ is generated from monitoring_controls.yaml")
          .allSatisfy(p -> assertThat(files).containsKey(p));
    }
  }

  @Test
  void everyCanonicalPatternSatisfiesItsOwnControl() {
    for (Control control : MonitoringControls.load()) {
      FilterPattern parsed = FilterPatternParser.parse(control.pattern());
      assertThat(parsed.syntax()).as(control.pattern()).isEqualTo(FilterPattern.JSON);
      assertThat(parsed.terms()).as(control.id()).containsExactlyInAnyOrderElementsOf(
          control.alternatives().stream().map(t -> t.stream().sorted(java.util.Comparator.comparing(c -> c.selector() + c.operator() + c.value())).toList()).toList());
    }
  }

  @Test
  void controlsCoverCis41To415Once() {
    var controls = MonitoringControls.load();
    assertThat(controls).extracting(Control::cis).containsExactly("4.1", "4.2", "4.3", "4.4", "4.5", "4.6", "4.7", "4.8",
        "4.9", "4.10", "4.11", "4.12", "4.13", "4.14", "4.15");
    assertThat(controls).extracting(Control::id).doesNotHaveDuplicates().allMatch(id -> id.startsWith("cloudwatch_alarm_"));
    assertThat(controls).extracting(Control::remediationId).doesNotHaveDuplicates();
    assertThat(controls).extracting(Control::metricName).doesNotHaveDuplicates();
  }

  static Map<Path, String> render() throws IOException, InterruptedException {
    Map<Path, String> files = new LinkedHashMap<>();
    Path dir = TestFiles.rulesDir().resolve("cloudwatch");
    for (Control control : MonitoringControls.load()) {
      files.put(dir.resolve(control.id() + ".rego"), fmt(rule(control)));
      files.put(dir.resolve(control.id() + "_test.rego"), fmt(test(control)));
    }
    files.put(TestFiles.rulesDir().resolve("lib/test/monitoring.rego"), fmt(fixtures(MonitoringControls.load())));
    return files;
  }

  static String rule(Control c) {
    String frameworks = "#     cis-aws-foundations-3.0: [\"" + c.cis() + "\"]\n"
        + "#     cis-aws-foundations-4.0: [\"" + c.cis() + "\"]\n"
        + "#     cis-aws-foundations-5.0: [\"" + c.cis() + "\"]\n"
        + c.securityHub().map(id -> "#     aws-security-hub: [\"" + id + "\"]\n").orElse("")
        // An alarm on recorded events is what these controls mean by monitoring (rules/frameworks.yaml).
        + "#     soc2: [\"CC7.2\"]\n"
        + "#     nist-800-53-r5: [\"SI-4\"]\n"
        + "#     iso-27001-2022: [\"A.8.16\"]\n";
    ObjectNode data = Json.mapper().createObjectNode();
    data.put("what", c.what());
    data.put("cis", c.cis());
    data.put("metricName", c.metricName());
    data.put("pattern", c.pattern());
    data.set("all", Json.mapper().valueToTree(c.all()));
    data.set("anyOf", Json.mapper().valueToTree(c.anyOf()));
    data.set("mayNarrow", Json.mapper().valueToTree(c.mayNarrow()));
    return "# METADATA\n"
        + "# title: An alarm with a confirmed subscriber watches for " + c.what() + "\n"
        + "# description: >-\n"
        + "#   The organization trail delivers to a CloudWatch Logs log group; a metric filter there matches\n"
        + "#   " + c.what() + "; an alarm watches the filter's metric (name and namespace) with its actions\n"
        + "#   enabled, and notifies an SNS topic with at least one confirmed subscriber (CIS " + c.cis() + ", audited to\n"
        + "#   the end). The filter's pattern must cover every condition of the control, in any order, with\n"
        + "#   exact event names; a condition that narrows the match fails it. The finding names the missing\n"
        + "#   link. Generated from rules/cloudwatch/monitoring_controls.yaml.\n"
        + "# related_resources:\n"
        + "#   - ref: https://www.cisecurity.org/benchmark/amazon_web_services\n"
        + "#     description: CIS Amazon Web Services Foundations Benchmark, section 4 (Monitoring)\n"
        + "#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html\n"
        + "#     description: Security Hub CSPM controls for Amazon CloudWatch\n"
        + "#   - ref: https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntax.html\n"
        + "#     description: Filter pattern syntax for metric filters\n"
        + "# custom:\n"
        + "#   id: " + c.id() + "\n"
        + "#   severity: " + c.severity() + "\n"
        + "#   remediation_id: " + c.remediationId() + "\n"
        + "#   remediation: >-\n"
        + "#     Add a metric filter for " + c.what() + " to the organization trail's log group, an alarm on\n"
        + "#     its metric with actions enabled, and an SNS topic with a confirmed subscriber for the alarm.\n"
        + "#   frameworks:\n"
        + frameworks
        + "# schemas:\n"
        + "#   - input: schema.snapshot\n"
        + "package trailwarden.rules." + c.id() + "\n\n"
        + "# Generated from monitoring_controls.yaml by MonitoringRulesTest: edit that file, then " + REGENERATE + "\n\n"
        + "import data.trailwarden.lib.monitoring\n\n"
        + "control := " + Json.pretty(data).strip() + "\n\n"
        + "subjects := monitoring.subjects(control)\n\n"
        + "deny := monitoring.deny(control)\n\n"
        + "unknown := monitoring.unknown(control)\n";
  }

  static String test(Control c) {
    return "package trailwarden.rules." + c.id() + "_test\n\n"
        + "# Generated from monitoring_controls.yaml by MonitoringRulesTest. Each link of the chain is tested\n"
        + "# once, in rules/lib/monitoring_test.rego; here each control's own filter is.\n\n"
        + "import data.trailwarden.lib.test as fx\n"
        + "import data.trailwarden.rules." + c.id() + " as rule\n\n"
        + "test_pass_compliant_organization if {\n"
        + "\tcount(rule.subjects) == 1 with input as fx.compliant\n"
        + "\tcount(rule.deny) == 0 with input as fx.compliant\n"
        + "\tcount(rule.unknown) == 0 with input as fx.compliant\n"
        + "}\n\n"
        + "test_fail_without_its_filter if {\n"
        + "\tfindings := rule.deny with input as fx.without_metric_filter(\"" + c.metricName() + "\")\n"
        + "\tcount(findings) == 1\n"
        + "\tsome f in findings\n"
        + "\tf.evidence.link == \"metric filter\"\n"
        + "}\n\n"
        + "test_fail_one_alternative_missing if {\n"
        + "\tbroken := fx.with_metric_filter_pattern(\"" + c.metricName() + "\", " + Json.pretty(Json.mapper().valueToTree(dropLast(c))).strip() + ")\n"
        + "\tfindings := rule.deny with input as broken\n"
        + "\tsome f in findings\n"
        + "\tf.evidence.link == \"metric filter\"\n"
        + "}\n\n"
        + "test_unknown_alarms_unreadable if {\n"
        + "\tfindings := rule.unknown with input as fx.alarms_unreadable\n"
        + "\tsome f in findings\n"
        + "\tf.evidence.link == \"alarm\"\n"
        + "\tcount(rule.deny) == 0 with input as fx.alarms_unreadable\n"
        + "}\n";
  }

  /** The control's filter with its last alternative (or, with one, its last condition) left out, parsed. */
  static FilterPattern dropLast(Control c) {
    List<List<io.trailwarden.snapshot.FilterPattern.Condition>> terms = new ArrayList<>(c.alternatives());
    if (terms.size() > 1) {
      terms.remove(terms.size() - 1);
    } else {
      List<io.trailwarden.snapshot.FilterPattern.Condition> only = new ArrayList<>(terms.get(0));
      only.remove(only.size() - 1);
      terms.set(0, only);
    }
    String pattern = "{ " + String.join(" || ", terms.stream().map(t -> "(" + String.join(" && ",
        t.stream().map(MonitoringControls::text).toList()) + ")").toList()) + " }";
    return FilterPatternParser.parse(pattern);
  }

  static String fixtures(List<Control> controls) {
    ArrayNode filters = Json.mapper().createArrayNode();
    ObjectNode alarms = Json.mapper().createObjectNode();
    for (Control c : controls) {
      var filter = new LogGroup.MetricFilter(c.metricName(), c.pattern(),
          List.of(new LogGroup.MetricTransformation(c.metricName(), NAMESPACE, "1", new TreeMap<>())), FilterPatternParser.parse(c.pattern()));
      filters.add(Json.mapper().valueToTree(filter));
      String arn = "arn:aws:cloudwatch:us-east-1:111111111111:alarm:" + c.metricName();
      var alarm = new io.trailwarden.snapshot.Alarm(arn, "111111111111", "us-east-1", c.metricName(), java.util.Optional.of(c.metricName()),
          java.util.Optional.of(NAMESPACE), new TreeMap<>(), java.util.Optional.of("Sum"), java.util.Optional.of(300), java.util.Optional.of(1),
          java.util.Optional.of(1.0), java.util.Optional.of("GreaterThanOrEqualToThreshold"), true, List.of(TOPIC), "OK");
      alarms.set(arn, Json.mapper().valueToTree(alarm));
    }
    var topic = new io.trailwarden.snapshot.SnsTopic(TOPIC, "111111111111", "us-east-1", List.of(
        new io.trailwarden.snapshot.SnsTopic.Subscription("email", "security@acme.example",
            TOPIC + ":0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0")));
    JsonNode topics = Json.mapper().createObjectNode().set(TOPIC, Json.mapper().valueToTree(topic));
    return "package trailwarden.lib.test\n\n"
        + "# Generated from rules/cloudwatch/monitoring_controls.yaml by MonitoringRulesTest: the compliant\n"
        + "# organization's metric filters (parsed by the real parser), alarms and topic.\n\n"
        + "monitoring_filters := " + Json.pretty(filters).strip() + "\n\n"
        + "monitoring_alarms := " + Json.pretty(alarms).strip() + "\n\n"
        + "monitoring_topic_arn := \"" + TOPIC + "\"\n\n"
        + "monitoring_topics := " + Json.pretty(topics).strip() + "\n";
  }

  static String fmt(String rego) throws IOException, InterruptedException {
    String opa = System.getenv().getOrDefault("OPA_PATH", TestFiles.projectDir().resolve(".tools/bin/opa").toString());
    Process process = new ProcessBuilder(opa, "fmt").redirectErrorStream(false).start();
    process.getOutputStream().write(rego.getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().close();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException("opa fmt failed on generated Rego: " + err + "\n" + rego);
    }
    return out;
  }
}
