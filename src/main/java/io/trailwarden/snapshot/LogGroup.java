package io.trailwarden.snapshot;

import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/** A CloudWatch Logs group a trail delivers to; an empty retention means events never expire. */
public record LogGroup(
    String accountId,
    String region,
    String name,
    Optional<Integer> retentionInDays,
    Optional<String> kmsKeyId,
    List<MetricFilter> metricFilters) {

  public LogGroup {
    metricFilters = List.copyOf(metricFilters);
  }

  /**
   * A metric filter: its pattern as AWS stores it, the pattern as TrailWarden parsed it (the rules judge
   * {@code parsed}), and the metrics it publishes (an alarm must watch one of them).
   */
  public record MetricFilter(String name, String pattern, List<MetricTransformation> metricTransformations, FilterPattern parsed) {
    public MetricFilter {
      metricTransformations = List.copyOf(metricTransformations);
    }
  }

  /** The metric a filter publishes: name and namespace (an alarm names both), value, dimensions. */
  public record MetricTransformation(String metricName, String metricNamespace, String metricValue,
      SortedMap<String, String> dimensions) {
    public MetricTransformation {
      dimensions = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(dimensions));
    }
  }
}
