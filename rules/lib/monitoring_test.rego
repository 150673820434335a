package trailwarden.lib.monitoring_test

# Each link of the monitoring chain, on the root-usage, route-table and sign-in-without-MFA controls.

import data.trailwarden.lib.test as fx
import data.trailwarden.rules.cloudwatch_alarm_console_signin_without_mfa as mfa
import data.trailwarden.rules.cloudwatch_alarm_root_usage as root
import data.trailwarden.rules.cloudwatch_alarm_route_table_changes as routes

s(selector, operator, value) := {"selector": selector, "operator": operator, "value": value, "kind": "string"}

json(terms) := {"syntax": "json", "terms": terms, "error": null}

root_terms := [[
	s("$.eventType", "!=", "AwsServiceEvent"),
	{"selector": "$.userIdentity.invokedBy", "operator": "NOT EXISTS", "value": "", "kind": "none"},
	s("$.userIdentity.type", "=", "Root"),
]]

only_finding(findings) := f if {
	count(findings) == 1
	some f in findings
}

test_pass_terms_in_any_order if {
	reordered := fx.with_metric_filter_pattern("RootAccountUsage", json([[root_terms[0][2], root_terms[0][0], root_terms[0][1]]]))
	count(root.deny) == 0 with input as reordered
}

test_pass_a_filter_matching_more_than_one_control if {
	both := json(array.concat(root_terms, [[s("$.eventName", "=", "StopLogging")]]))
	count(root.deny) == 0 with input as fx.with_metric_filter_pattern("RootAccountUsage", both)
}

test_pass_a_narrowing_the_benchmark_allows if {
	narrowed := json([[
		s("$.additionalEventData.MFAUsed", "!=", "Yes"),
		s("$.eventName", "=", "ConsoleLogin"),
		s("$.responseElements.ConsoleLogin", "=", "Success"),
		s("$.userIdentity.type", "=", "IAMUser"),
	]])
	count(mfa.deny) == 0 with input as fx.with_metric_filter_pattern("ConsoleSigninWithoutMFA", narrowed)
}

test_fail_a_narrowing_clause if {
	narrowed := json([array.concat(root_terms[0], [s("$.sourceIPAddress", "=", "203.0.113.7")])])
	f := only_finding(root.deny) with input as fx.with_metric_filter_pattern("RootAccountUsage", narrowed)
	f.evidence.link == "metric filter"
	f.evidence.nearest == null
}

test_fail_near_miss_event_name if {
	# CreateRouteTable is there, CreateRoute is not: the nearest filter is named with what it lacks.
	terms := [[s("$.eventName", "=", n)] | some n in ["CreateRouteTable", "ReplaceRoute", "ReplaceRouteTableAssociation", "DeleteRouteTable", "DeleteRoute", "DisassociateRouteTable"]]
	f := only_finding(routes.deny) with input as fx.with_metric_filter_pattern("RouteTableChanges", json(terms))
	f.evidence.nearest == {"filter": "RouteTableChanges", "uncovered": ["$.eventName = \"CreateRoute\""]}
	contains(f.message, "filter RouteTableChanges comes nearest but has no term for exactly $.eventName = \"CreateRoute\"")
}

test_fail_a_wildcard_is_not_the_event_name if {
	f := only_finding(routes.deny) with input as fx.with_metric_filter_pattern("RouteTableChanges", json([[s("$.eventName", "=", "*Route*")]]))
	f.evidence.link == "metric filter"
}

test_fail_text_pattern_matches_no_field if {
	f := only_finding(root.deny) with input as fx.with_metric_filter_pattern("RootAccountUsage", {"syntax": "text", "terms": [], "error": null})
	f.evidence.link == "metric filter"
}

test_unknown_unparsable_pattern if {
	broken := {"syntax": "invalid", "terms": [], "error": "column 3, at \"eventName\": expected a selector starting with $"}
	f := only_finding(root.unknown) with input as fx.with_metric_filter_pattern("RootAccountUsage", broken)
	f.message == "No metric filter on log group org-trail is known to match use of the root user (CIS 4.3): the pattern of RootAccountUsage cannot be parsed (column 3, at \"eventName\": expected a selector starting with $)."
	count(root.deny) == 0 with input as fx.with_metric_filter_pattern("RootAccountUsage", broken)
}

test_fail_alarm_in_the_wrong_namespace if {
	f := only_finding(root.deny) with input as fx.with_alarm("RootAccountUsage", {"namespace": "Custom/Security"})
	f.evidence.link == "alarm"
	f.message == "No alarm watches metric CISBenchmark/RootAccountUsage of filter RootAccountUsage on log group org-trail (alarm RootAccountUsage watches RootAccountUsage in namespace Custom/Security)."
}

test_fail_alarm_on_another_metric if {
	f := only_finding(root.deny) with input as fx.with_alarm("RootAccountUsage", {"metricName": "RootLogins"})
	f.evidence.link == "alarm"
}

test_fail_alarm_with_other_dimensions if {
	f := only_finding(root.deny) with input as fx.with_alarm("RootAccountUsage", {"dimensions": {"Account": "111111111111"}})
	f.evidence.link == "alarm"
}

test_fail_alarm_in_another_region if {
	f := only_finding(root.deny) with input as fx.with_alarm("RootAccountUsage", {"region": "eu-west-1"})
	f.evidence.link == "alarm"
}

test_fail_actions_disabled if {
	f := only_finding(root.deny) with input as fx.with_alarm("RootAccountUsage", {"actionsEnabled": false})
	f.evidence.link == "alarm actions"
	f.message == "The actions of alarm RootAccountUsage are disabled, so it notifies nobody about use of the root user."
}

test_fail_no_sns_action if {
	f := only_finding(root.deny) with input as fx.with_alarm("RootAccountUsage", {"alarmActions": ["arn:aws:automate:us-east-1:ec2:stop"]})
	f.evidence.link == "topic"
}

test_fail_topic_without_subscribers if {
	f := only_finding(root.deny) with input as fx.with_topic({"subscriptions": []})
	f.evidence.link == "subscriber"
	f.evidence.topics == [{"arn": fx.monitoring_topic_arn, "exists": true, "subscriptions": []}]
}

test_fail_subscription_pending_confirmation if {
	# moto confirms every subscription at once; AWS keeps an e-mail subscription pending until the
	# recipient confirms, and a pending subscription delivers nothing.
	pending := [{"protocol": "email", "endpoint": "security@acme.example", "subscriptionArn": "PendingConfirmation"}]
	f := only_finding(root.deny) with input as fx.with_topic({"subscriptions": pending})
	f.evidence.link == "subscriber"
	f.message == "SNS topic arn:aws:sns:us-east-1:111111111111:security-alarms of alarm RootAccountUsage has no confirmed subscriber, so nobody hears about use of the root user."
}

test_fail_topic_that_does_not_exist if {
	gone := fx.replaced(fx.compliant, {"snsTopics": {}})
	f := only_finding(root.deny) with input as gone
	f.evidence.topics[0].exists == false
}

test_unknown_topic_unreadable if {
	unread := fx.replaced(fx.compliant, {"snsTopics": {}, "errors": [fx.error("sns", "ListSubscriptionsByTopic", fx.management_account, fx.monitoring_topic_arn)]})
	f := only_finding(root.unknown) with input as unread
	f.evidence.link == "subscriber"
	count(root.deny) == 0 with input as unread
}

test_fail_trail_not_multi_region if {
	f := only_finding(root.deny) with input as fx.with_trail({"isMultiRegionTrail": false})
	f.evidence.link == "trail"
}

test_fail_trail_not_logging if {
	f := only_finding(root.deny) with input as fx.with_trail({"status": object.union(fx.org_trail.status, {"isLogging": false})})
	f.message == "Organization trail org-trail is not logging."
}

test_unknown_trail_status_unread if {
	f := only_finding(root.unknown) with input as fx.with_trail({"status": null})
	f.evidence.link == "trail"
}

test_fail_trail_without_read_events if {
	write_only := [{"readWriteType": "WriteOnly", "includeManagementEvents": true, "dataResources": [], "excludeManagementEventSources": []}]
	f := only_finding(root.deny) with input as fx.with_trail({"eventSelectors": write_only})
	f.evidence.link == "trail"
}

test_unknown_trail_selectors_unread if {
	f := only_finding(root.unknown) with input as fx.with_trail({"eventSelectors": null, "advancedEventSelectors": null})
	f.evidence.link == "trail"
}

test_fail_no_cloudwatch_logs if {
	f := only_finding(root.deny) with input as fx.with_trail({"cloudWatchLogsLogGroupArn": null})
	f.evidence.link == "log group"
}

test_unknown_log_group_not_collected if {
	missing := fx.replaced(fx.compliant, {"logGroups": {}, "errors": [fx.error("logs", "DescribeMetricFilters", fx.management_account, fx.log_group_arn)]})
	f := only_finding(root.unknown) with input as missing
	f.evidence.link == "log group"
	contains(f.message, "logs DescribeMetricFilters in 111111111111/us-east-1: AccessDenied")
}

test_fail_no_organization_trail if {
	f := only_finding(root.deny) with input as fx.replaced(fx.compliant, {"trails": []})
	f.resource == "arn:aws:organizations::111111111111:organization/o-a1b2c3d4e5"
	f.evidence.link == "trail"
}
