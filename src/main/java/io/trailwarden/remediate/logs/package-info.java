/**
 * The fix of the trail's CloudWatch Logs log group: {@link RaiseLogGroupRetention} raises its retention to
 * the rule's minimum, for {@code cloudtrail_org_trail_cloudwatch_logs_enabled}. Its rule is in
 * {@code rules/cloudtrail/} and it starts from the trail, but it lives here because fixes are grouped by
 * the service whose resource they change, that is by the facet they edit (here {@code LogGroupRetention}).
 */
package io.trailwarden.remediate.logs;
