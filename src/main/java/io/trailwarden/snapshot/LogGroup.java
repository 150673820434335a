package io.trailwarden.snapshot;

import java.util.List;
import java.util.Optional;

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

  public record MetricFilter(String name, String pattern) {}
}
