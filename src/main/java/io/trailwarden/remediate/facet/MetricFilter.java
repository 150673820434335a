package io.trailwarden.remediate.facet;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwarden.aws.ClientFactory;
import io.trailwarden.snapshot.Snapshot;
import java.util.List;

/**
 * One metric filter of a CloudWatch Logs group, by name: its pattern and the metric it publishes
 * ({@code metricName}, {@code metricNamespace}, {@code metricValue}); null when there is no such filter.
 * Other filters of the group are other targets, so adding one never replaces another.
 */
public final class MetricFilter implements Facet {
  public static final MetricFilter FACET = new MetricFilter();

  private MetricFilter() {}

  @Override
  public String id() {
    return "metric-filter";
  }

  @Override
  public Target.Kind kind() {
    return Target.Kind.METRIC_FILTER;
  }

  @Override
  public int order() {
    return 55;
  }

  /** A filter named {@code filterName} on the log group a trail names by ARN. */
  public static Target target(String logGroupArn, String filterName) {
    Target group = LogGroupRetention.target(logGroupArn);
    return new Target(Target.Kind.METRIC_FILTER, group.accountId(), group.region(), logGroupArn, filterName);
  }

  /** The filter's document: its pattern and its (single) metric transformation. */
  public static JsonNode document(String pattern, String metricName, String metricNamespace, String metricValue) {
    var doc = Documents.object();
    doc.put("pattern", pattern);
    doc.put("metricName", metricName);
    doc.put("metricNamespace", metricNamespace);
    doc.put("metricValue", metricValue);
    return doc;
  }

  @Override
  public JsonNode read(Snapshot snapshot, Target target) {
    var group = snapshot.logGroups().get(target.resource());
    if (group == null) {
      return Documents.none();
    }
    return group.metricFilters().stream().filter(f -> f.name().equals(target.name())).findFirst()
        .map(f -> f.metricTransformations().isEmpty()
            ? document(f.pattern(), "", "", "")
            : document(f.pattern(), f.metricTransformations().get(0).metricName(), f.metricTransformations().get(0).metricNamespace(),
                f.metricTransformations().get(0).metricValue()))
        .orElse(Documents.none());
  }

  @Override
  public List<ApiCall> calls(JsonNode from, JsonNode to) {
    if (from.equals(to)) {
      return List.of();
    }
    return Documents.absent(to)
        ? List.of(ApiCall.of("logs", "DeleteMetricFilter", "logs:DeleteMetricFilter"))
        : List.of(ApiCall.of("logs", "PutMetricFilter", "logs:PutMetricFilter"));
  }

  @Override
  public void write(ClientFactory aws, Target target, JsonNode from, JsonNode to) {
    if (calls(from, to).isEmpty()) {
      return;
    }
    var logs = aws.logs(target.accountId(), target.region());
    String group = LogGroupRetention.target(target.resource()).name();
    if (Documents.absent(to)) {
      logs.deleteMetricFilter(r -> r.logGroupName(group).filterName(target.name()));
      return;
    }
    logs.putMetricFilter(r -> r.logGroupName(group).filterName(target.name()).filterPattern(to.path("pattern").asText())
        .metricTransformations(t -> t.metricName(to.path("metricName").asText()).metricNamespace(to.path("metricNamespace").asText())
            .metricValue(to.path("metricValue").asText())));
  }
}
