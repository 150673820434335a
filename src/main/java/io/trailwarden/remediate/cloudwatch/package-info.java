/**
 * The fixes of the CIS monitoring controls ({@code rules/cloudwatch/}): {@link AddMonitoringAlarm}, one
 * per control of {@code monitoring_controls.yaml}, adds what the chain lacks on the organization trail's
 * log group: a metric filter, an alarm on its metric, an SNS topic with a subscriber. They change
 * CloudWatch Logs, CloudWatch and SNS resources through the {@code metric-filter}, {@code metric-alarm}
 * and {@code sns-topic} facets, and only ever add: existing filters and alarms are left as they are.
 */
package io.trailwarden.remediate.cloudwatch;
