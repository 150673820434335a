package io.trailwarden.snapshot;

import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * A CloudWatch metric alarm in the account and region of a trail's log group. An alarm on metric math
 * has no metric name or namespace. {@code alarmActions} are the ARNs notified when it goes to ALARM.
 */
public record Alarm(
    String arn,
    String accountId,
    String region,
    String name,
    Optional<String> metricName,
    Optional<String> namespace,
    SortedMap<String, String> dimensions,
    Optional<String> statistic,
    Optional<Integer> period,
    Optional<Integer> evaluationPeriods,
    Optional<Double> threshold,
    Optional<String> comparisonOperator,
    boolean actionsEnabled,
    List<String> alarmActions,
    String stateValue) {

  public Alarm {
    dimensions = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(dimensions));
    alarmActions = List.copyOf(alarmActions);
  }
}
