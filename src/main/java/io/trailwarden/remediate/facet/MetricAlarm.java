package io.trailwarden.remediate.facet;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwarden.aws.ClientFactory;
import io.trailwarden.snapshot.Alarm;
import io.trailwarden.snapshot.Snapshot;
import java.util.List;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;

/**
 * One CloudWatch metric alarm, by name, in an account and Region: the metric it watches, how it
 * judges it, whether its actions are enabled and whom it notifies; null when there is no such alarm.
 */
public final class MetricAlarm implements Facet {
  public static final MetricAlarm FACET = new MetricAlarm();

  private MetricAlarm() {}

  @Override
  public String id() {
    return "metric-alarm";
  }

  @Override
  public Target.Kind kind() {
    return Target.Kind.ALARM;
  }

  @Override
  public int order() {
    return 56;
  }

  public static Target target(String accountId, String region, String name) {
    return new Target(Target.Kind.ALARM, accountId, region, "arn:aws:cloudwatch:" + region + ":" + accountId + ":alarm:" + name, name);
  }

  @Override
  public JsonNode read(Snapshot snapshot, Target target) {
    Alarm alarm = snapshot.alarms().get(target.resource());
    if (alarm == null) {
      return Documents.none();
    }
    var doc = Documents.object();
    Documents.put(doc, "metricName", alarm.metricName());
    Documents.put(doc, "namespace", alarm.namespace());
    var dimensions = doc.putObject("dimensions");
    alarm.dimensions().forEach(dimensions::put);
    Documents.put(doc, "statistic", alarm.statistic());
    alarm.period().ifPresentOrElse(p -> doc.put("period", p), () -> doc.putNull("period"));
    alarm.evaluationPeriods().ifPresentOrElse(p -> doc.put("evaluationPeriods", p), () -> doc.putNull("evaluationPeriods"));
    alarm.threshold().ifPresentOrElse(t -> doc.put("threshold", t), () -> doc.putNull("threshold"));
    Documents.put(doc, "comparisonOperator", alarm.comparisonOperator());
    doc.put("actionsEnabled", alarm.actionsEnabled());
    var actions = doc.putArray("alarmActions");
    alarm.alarmActions().forEach(actions::add);
    return doc;
  }

  @Override
  public List<ApiCall> calls(JsonNode from, JsonNode to) {
    if (from.equals(to)) {
      return List.of();
    }
    return Documents.absent(to)
        ? List.of(ApiCall.of("cloudwatch", "DeleteAlarms", "cloudwatch:DeleteAlarms"))
        : List.of(ApiCall.of("cloudwatch", "PutMetricAlarm", "cloudwatch:PutMetricAlarm"));
  }

  @Override
  public void write(ClientFactory aws, Target target, JsonNode from, JsonNode to) {
    if (calls(from, to).isEmpty()) {
      return;
    }
    var cloudWatch = aws.cloudWatch(target.accountId(), target.region());
    if (Documents.absent(to)) {
      cloudWatch.deleteAlarms(r -> r.alarmNames(target.name()));
      return;
    }
    List<Dimension> dimensions = new java.util.ArrayList<>();
    to.path("dimensions").fields().forEachRemaining(e -> dimensions.add(Dimension.builder().name(e.getKey()).value(e.getValue().asText()).build()));
    cloudWatch.putMetricAlarm(r -> r.alarmName(target.name())
        .metricName(to.path("metricName").asText()).namespace(to.path("namespace").asText()).dimensions(dimensions)
        .statistic(to.path("statistic").asText()).period(to.path("period").asInt()).evaluationPeriods(to.path("evaluationPeriods").asInt())
        .threshold(to.path("threshold").asDouble()).comparisonOperator(to.path("comparisonOperator").asText())
        .actionsEnabled(to.path("actionsEnabled").asBoolean())
        .alarmActions(Documents.elements(to.path("alarmActions")).stream().map(JsonNode::asText).toList())
        .treatMissingData("notBreaching"));
  }
}
