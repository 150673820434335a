package io.trailwarden.collect;

import io.trailwarden.aws.ClientFactory;
import io.trailwarden.snapshot.LogGroup;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** The CloudWatch Logs groups trails deliver to: retention, encryption and metric filters. */
final class LogsCollector {
  private static final String SERVICE = "logs";
  private static final java.util.Set<String> GONE = java.util.Set.of("ResourceNotFoundException");

  private final Calls calls;
  private final ClientFactory clients;
  private final Fanout fanout;

  LogsCollector(Calls calls, ClientFactory clients, Fanout fanout) {
    this.calls = calls;
    this.clients = clients;
    this.fanout = fanout;
  }

  /** @param arns log group ARNs as trails name them ({@code arn:aws:logs:REGION:ACCOUNT:log-group:NAME:*}) */
  java.util.SortedMap<String, LogGroup> collect(List<String> arns) {
    Map<String, LogGroup> groups = new ConcurrentHashMap<>();
    fanout.runAll(arns, arn -> {
      String account = Arns.account(arn);
      String region = Arns.region(arn);
      String name = Arns.resource(arn).replaceFirst("^log-group:", "").replaceFirst(":\\*$", "");
      Calls.Target target = new Calls.Target(SERVICE, account, region);
      var logs = clients.logs(account, region);
      // DescribeLogGroups answering without the group is AWS's definitive "it does not exist".
      var group = calls.getOrGone(target, "DescribeLogGroups", arn, GONE, () ->
          logs.describeLogGroupsPaginator(r -> r.logGroupNamePrefix(name)).logGroups().stream()
              .filter(g -> g.logGroupName().equals(name)).findFirst()
              .orElseThrow(() -> notFound(name)));
      if (group.isEmpty()) {
        return;
      }
      var filters = calls.getOrGone(target, "DescribeMetricFilters", arn, GONE, () ->
          logs.describeMetricFiltersPaginator(r -> r.logGroupName(name)).metricFilters().stream()
              .map(LogsCollector::metricFilter)
              .toList());
      if (group.isPresent() && filters.isPresent()) {
        groups.put(arn, new LogGroup(account, region, name, Optional.ofNullable(group.get().retentionInDays()),
            Optional.ofNullable(group.get().kmsKeyId()), filters.get()));
      }
    });
    return new TreeMap<>(groups);
  }

  /** The filter as AWS returns it, its metrics, and its pattern parsed for the rules. */
  static LogGroup.MetricFilter metricFilter(software.amazon.awssdk.services.cloudwatchlogs.model.MetricFilter f) {
    String pattern = f.filterPattern() == null ? "" : f.filterPattern();
    var transformations = f.metricTransformations().stream()
        .map(t -> new LogGroup.MetricTransformation(t.metricName(), t.metricNamespace(), t.metricValue(),
            new TreeMap<>(t.hasDimensions() ? t.dimensions() : Map.of())))
        .sorted(java.util.Comparator.comparing(LogGroup.MetricTransformation::metricNamespace)
            .thenComparing(LogGroup.MetricTransformation::metricName))
        .toList();
    return new LogGroup.MetricFilter(f.filterName(), pattern, transformations, FilterPatternParser.parse(pattern));
  }

  private static software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException notFound(String name) {
    return (software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException)
        software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException.builder()
            .message("log group " + name + " does not exist")
            .awsErrorDetails(software.amazon.awssdk.awscore.exception.AwsErrorDetails.builder()
                .errorCode("ResourceNotFoundException").errorMessage("log group " + name + " does not exist").build())
            .build();
  }
}
