package io.trailwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwarden.TestFiles;
import io.trailwarden.demo.Seeder;
import io.trailwarden.emulator.ArticleOrganization;
import io.trailwarden.emulator.ArticleOrganization.Fault;
import io.trailwarden.emulator.Moto;
import io.trailwarden.remediate.FacetRoundTrip;
import io.trailwarden.remediate.PlanIo;
import io.trailwarden.remediate.cloudwatch.AddMonitoringAlarm;
import io.trailwarden.remediate.facet.MetricAlarm;
import io.trailwarden.remediate.facet.MetricFilter;
import io.trailwarden.remediate.facet.SnsTopicSubscriptions;
import io.trailwarden.remediate.facet.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CIS monitoring chain on the emulator, through the real SDK: the article's organization passes every
 * control; one fault per link fails exactly its control; remediate fixes them all and a second plan is
 * empty; each new facet keeps the round-trip contract.
 */
class MonitoringIT {
  @RegisterExtension static final Moto MOTO = new Moto();
  @TempDir Path temp;

  static final Set<Fault> MONITORING_FAULTS = EnumSet.of(Fault.FILTER_NEAR_MISS, Fault.ALARM_WRONG_NAMESPACE,
      Fault.ALARM_ACTIONS_DISABLED, Fault.TOPIC_WITHOUT_SUBSCRIBER, Fault.FILTER_ON_OTHER_LOG_GROUP);
  static final Map<Fault, String> FAILS = Map.of(
      Fault.FILTER_NEAR_MISS, "cloudwatch_alarm_route_table_changes metric filter",
      Fault.ALARM_WRONG_NAMESPACE, "cloudwatch_alarm_root_usage alarm",
      Fault.ALARM_ACTIONS_DISABLED, "cloudwatch_alarm_iam_policy_changes alarm actions",
      Fault.TOPIC_WITHOUT_SUBSCRIBER, "cloudwatch_alarm_config_changes subscriber",
      Fault.FILTER_ON_OTHER_LOG_GROUP, "cloudwatch_alarm_vpc_changes metric filter");

  ArticleOrganization.Seeded seed(Set<Fault> faults) {
    try (Seeder seeder = new Seeder(MOTO.endpoint())) {
      return ArticleOrganization.seed(seeder, faults);
    }
  }

  Path config(ArticleOrganization.Seeded seeded) throws Exception {
    Path config = temp.resolve("config.yaml");
    Files.writeString(config, """
        version: 1
        organization:
          loggingAccountId: "%s"
          regions: [us-east-1]
          trailName: %s
          logBucket: %s
          endpoint: %s
        rules:
          include: [cis-aws-foundations-5.0]
        remediation:
          allow: [cis-aws-foundations-5.0]
          journal: %s
          alarms:
            namespace: TrailWarden/CIS
            createTopic: true
            subscribe: {protocol: email, endpoint: oncall@acme.example}
        """.formatted(seeded.loggingAccount(), ArticleOrganization.TRAIL, ArticleOrganization.BUCKET, MOTO.endpoint(),
        temp.resolve("journal.jsonl")));
    return config;
  }

  /** "rule link" of every failing monitoring finding, from the JSON report. */
  Set<String> failing(Path config, String dir) throws Exception {
    Path reports = temp.resolve(dir);
    MainTest.Run run = MainTest.run("scan", "--config", config.toString(), "--output-dir", reports.toString(), "--rules",
        TestFiles.rulesDir().toString());
    assertThat(run.err()).contains(" 0 errors");
    Set<String> lines = new TreeSet<>();
    io.trailwarden.Json.mapper().readTree(reports.resolve("trailwarden.json").toFile()).path("findings").forEach(f -> {
      assertThat(f.path("status").asText()).as(f.toString()).isIn("PASS", "FAIL");
      if (f.path("status").asText().equals("FAIL")) {
        lines.add(f.path("ruleId").asText() + " " + f.path("evidence").path("link").asText());
      }
    });
    return lines;
  }

  @Test
  void theArticleOrganizationPassesEveryControl() throws Exception {
    assertThat(failing(config(seed(Set.of())), "clean")).isEmpty();
  }

  @Test
  void eachFaultFailsExactlyItsControlAtItsLink() throws Exception {
    for (Fault fault : MONITORING_FAULTS) {
      MOTO.reset(42);
      assertThat(failing(config(seed(EnumSet.of(fault))), fault.name())).as(fault.name()).containsExactly(FAILS.get(fault));
    }
  }

  @Test
  void remediateFixesEveryFaultAndASecondPlanIsEmpty() throws Exception {
    Path config = config(seed(MONITORING_FAULTS));
    assertThat(failing(config, "before")).containsExactlyInAnyOrderElementsOf(FAILS.values());
    Path plan = temp.resolve("plan.json");
    MainTest.Run planned = MainTest.run("remediate", "plan", "-o", plan.toString(), "--config", config.toString(),
        "--output-dir", temp.resolve("plan").toString(), "--rules", TestFiles.rulesDir().toString());
    assertThat(planned.exitCode()).as(planned.out() + planned.err()).isEqualTo(ExitCode.FAILURES.code());
    var changes = PlanIo.read(plan).changes();
    // Two new filters (the near miss and the filter on another group), one topic, five alarms; nothing of the user's edited.
    assertThat(changes).extracting(c -> c.facet() + " " + c.target().name()).containsExactlyInAnyOrder(
        "sns-topic trailwarden-security-alarms",
        "metric-filter trailwarden-RouteTableChanges", "metric-filter trailwarden-VPCChanges",
        "metric-alarm trailwarden-RouteTableChanges", "metric-alarm trailwarden-VPCChanges",
        "metric-alarm trailwarden-RootAccountUsage", "metric-alarm trailwarden-IAMPolicyChanges",
        "metric-alarm trailwarden-AWSConfigChanges");
    MainTest.Run applied = MainTest.run("remediate", "apply", plan.toString(), "--yes", "--config", config.toString(),
        "--output-dir", temp.resolve("apply").toString(), "--rules", TestFiles.rulesDir().toString());
    assertThat(applied.exitCode()).as(applied.out() + applied.err()).isEqualTo(ExitCode.OK.code());
    assertThat(failing(config, "after")).isEmpty();

    MainTest.Run again = MainTest.run("remediate", "plan", "-o", plan.toString(), "--config", config.toString(),
        "--output-dir", temp.resolve("again").toString(), "--rules", TestFiles.rulesDir().toString());
    assertThat(again.exitCode()).as(again.out()).isEqualTo(ExitCode.OK.code());
    assertThat(PlanIo.read(plan).changes()).isEmpty();
  }

  @Test
  void theNewFacetsWriteReReadAndRollBack() {
    var seeded = seed(EnumSet.of(Fault.ALARM_ACTIONS_DISABLED));
    String account = Seeder.MANAGEMENT_ACCOUNT;
    String region = Seeder.HOME_REGION;
    try (FacetRoundTrip roundTrip = new FacetRoundTrip(MOTO.endpoint())) {
      Target topic = SnsTopicSubscriptions.target(account, region, "round-trip-topic");
      roundTrip.check(SnsTopicSubscriptions.FACET, topic, doc -> AddMonitoringAlarm.subscribed(doc, "email a@acme.example"));
      Target existing = SnsTopicSubscriptions.target(account, region, ArticleOrganization.ALARM_TOPIC);
      var subscribed = roundTrip.check(SnsTopicSubscriptions.FACET, existing, doc -> AddMonitoringAlarm.subscribed(doc, "email b@acme.example"));
      assertThat(subscribed.path("subscriptions").toString()).contains("email b@acme.example").contains("email security@acme.example");

      Target filter = MetricFilter.target(seeded.logGroupArn(), "round-trip");
      roundTrip.check(MetricFilter.FACET, filter, doc -> MetricFilter.document("{ $.eventName = \"StopLogging\" }", "Stops", "RT", "1"));

      Target alarm = MetricAlarm.target(account, region, "round-trip");
      roundTrip.check(MetricAlarm.FACET, alarm, doc -> AddMonitoringAlarm.alarmed(doc, "Stops", "RT", existing.resource()));
      Target disabled = MetricAlarm.target(account, region, "IAMPolicyChanges");
      var enabled = roundTrip.check(MetricAlarm.FACET, disabled, doc -> AddMonitoringAlarm.alarmed(doc, "IAMPolicyChanges", "CISBenchmark",
          existing.resource()));
      assertThat(enabled.path("actionsEnabled").asBoolean()).isTrue();
    }
  }
}
