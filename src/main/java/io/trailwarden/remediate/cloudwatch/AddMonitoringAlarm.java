package io.trailwarden.remediate.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwarden.config.Config;
import io.trailwarden.finding.Finding;
import io.trailwarden.policy.MonitoringControls;
import io.trailwarden.remediate.Proposal;
import io.trailwarden.remediate.Remediation;
import io.trailwarden.remediate.RemediationContext;
import io.trailwarden.remediate.facet.Documents;
import io.trailwarden.remediate.facet.LogGroupRetention;
import io.trailwarden.remediate.facet.MetricAlarm;
import io.trailwarden.remediate.facet.MetricFilter;
import io.trailwarden.remediate.facet.SnsTopicSubscriptions;
import io.trailwarden.remediate.facet.Target;
import io.trailwarden.remediate.facet.TrailSettings;
import io.trailwarden.snapshot.Snapshot;
import io.trailwarden.snapshot.SnsTopic;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Completes the monitoring chain of one control on the organization trail's log group. Where a filter
 * already satisfies the control (the finding's evidence names its metric), the alarm watches that
 * metric; otherwise TrailWarden's own filter {@code trailwarden-<metric>} is added with the control's
 * pattern, in the configured namespace. TrailWarden's own alarm {@code trailwarden-<metric>} (Sum over
 * 5 minutes, at least 1) notifies the configured topic, which is created when allowed, and the
 * configured subscriber is subscribed when the topic has no confirmed one. Nothing of the user's is
 * edited: other filters and alarms are other targets.
 */
public final class AddMonitoringAlarm implements Remediation {
  static final String PREFIX = "trailwarden-";
  private final MonitoringControls.Control control;

  public AddMonitoringAlarm(MonitoringControls.Control control) {
    this.control = control;
  }

  /** One fix per control of monitoring_controls.yaml. */
  public static List<Remediation> all() {
    return MonitoringControls.load().stream().<Remediation>map(AddMonitoringAlarm::new).toList();
  }

  @Override
  public String id() {
    return control.remediationId();
  }

  @Override
  public String ruleId() {
    return control.id();
  }

  @Override
  public List<Proposal> propose(Finding finding, Snapshot snapshot, RemediationContext context) {
    String link = finding.evidence().path("link").asText();
    var trail = TrailSettings.find(snapshot, finding.resource());
    if (trail.isEmpty() || link.equals("trail") || link.equals("log group")) {
      return List.of(new Proposal.Manual("the organization trail must be multi-Region, logging, record every management event"
          + " and deliver to a CloudWatch Logs log group first (the cloudtrail_org_trail_* rules); then plan again"));
    }
    String groupArn = trail.get().cloudWatchLogsLogGroupArn().orElseThrow();
    if (!snapshot.logGroups().containsKey(groupArn)) {
      return List.of(new Proposal.Manual("the log group " + groupArn + " is not in the snapshot"));
    }
    Config.Alarms settings = context.settings().alarms();
    Target group = LogGroupRetention.target(groupArn);
    Target topic = SnsTopicSubscriptions.target(group.accountId(), group.region(), settings.topicName());
    List<Proposal> proposals = new ArrayList<>();

    // The metric to alarm on: a satisfying filter's, or TrailWarden's own filter's.
    JsonNode metrics = finding.evidence().path("metrics");
    String metricName;
    String namespace;
    List<Target> requires = new ArrayList<>();
    if (metrics.isArray() && !metrics.isEmpty()) {
      metricName = metrics.get(0).path("metricName").asText();
      namespace = metrics.get(0).path("metricNamespace").asText();
    } else {
      metricName = control.metricName();
      namespace = settings.namespace();
      Target filter = MetricFilter.target(groupArn, PREFIX + control.metricName());
      JsonNode wanted = MetricFilter.document(control.pattern(), metricName, namespace, "1");
      proposals.add(new Proposal.Fix(MetricFilter.FACET, filter, "add a metric filter matching " + control.what()
          + " (CIS " + control.cis() + ")", doc -> Documents.absent(doc) ? wanted : doc));
      requires.add(filter);
    }

    SnsTopic existing = snapshot.snsTopics().get(topic.resource());
    if (existing == null && !settings.createTopic()) {
      return List.of(new Proposal.Manual("the SNS topic " + topic.resource() + " does not exist; create it, or allow TrailWarden"
          + " to (remediation.alarms.createTopic), and plan again"));
    }
    boolean confirmed = existing != null && existing.subscriptions().stream().anyMatch(s -> s.subscriptionArn().startsWith("arn:"));
    if (!confirmed) {
      if (settings.subscribe().isEmpty()) {
        return List.of(new Proposal.Manual("the SNS topic " + topic.resource() + " has no confirmed subscriber; subscribe someone,"
            + " or name one in remediation.alarms.subscribe, and plan again"));
      }
      var who = settings.subscribe().get();
      String wanted = SnsTopicSubscriptions.subscription(who.protocol(), who.endpoint());
      boolean pending = existing != null && existing.subscriptions().stream()
          .anyMatch(s -> SnsTopicSubscriptions.subscription(s.protocol(), s.endpoint()).equals(wanted));
      if (pending) {
        return List.of(new Proposal.Manual(who.protocol() + " " + who.endpoint() + " is subscribed to " + topic.resource()
            + " but has not confirmed; the subscriber must confirm"));
      }
      proposals.add(new Proposal.Fix(SnsTopicSubscriptions.FACET, topic, "subscribe " + wanted + " to " + settings.topicName(),
          doc -> subscribed(doc, wanted)));
    } else {
      proposals.add(new Proposal.Fix(SnsTopicSubscriptions.FACET, topic, "keep topic " + settings.topicName(), doc -> doc));
    }
    requires.add(topic);

    Target alarm = MetricAlarm.target(group.accountId(), group.region(), PREFIX + control.metricName());
    proposals.add(new Proposal.Fix(MetricAlarm.FACET, alarm, "alarm on " + namespace + "/" + metricName + " for " + control.what()
        + ", notifying " + settings.topicName(), doc -> alarmed(doc, metricName, namespace, topic.resource()), requires));
    return proposals;
  }

  /** The topic (created when absent) with the subscription added. */
  public static JsonNode subscribed(JsonNode doc, String subscription) {
    Set<String> subscriptions = new TreeSet<>();
    if (!Documents.absent(doc)) {
      Documents.elements(doc.path("subscriptions")).forEach(s -> subscriptions.add(s.asText()));
    }
    if (!Documents.absent(doc) && subscriptions.contains(subscription)) {
      return doc;
    }
    subscriptions.add(subscription);
    return SnsTopicSubscriptions.document(subscriptions);
  }

  /** TrailWarden's alarm on the metric, created when absent; an existing one gets the metric, enabled actions and the topic. */
  public static JsonNode alarmed(JsonNode doc, String metricName, String namespace, String topicArn) {
    ObjectNode wanted = Documents.absent(doc) ? Documents.object() : ((ObjectNode) doc).deepCopy();
    wanted.put("metricName", metricName);
    wanted.put("namespace", namespace);
    if (!wanted.path("dimensions").isObject() || !wanted.path("dimensions").isEmpty()) {
      wanted.putObject("dimensions");
    }
    if (Documents.absent(doc)) {
      wanted.put("statistic", "Sum");
      wanted.put("period", 300);
      wanted.put("evaluationPeriods", 1);
      wanted.put("threshold", 1.0);
      wanted.put("comparisonOperator", "GreaterThanOrEqualToThreshold");
    }
    wanted.put("actionsEnabled", true);
    Set<String> actions = new TreeSet<>();
    Documents.elements(wanted.path("alarmActions")).forEach(a -> actions.add(a.asText()));
    actions.add(topicArn);
    var list = wanted.putArray("alarmActions");
    actions.forEach(list::add);
    return wanted.equals(doc) ? doc : wanted;
  }
}
