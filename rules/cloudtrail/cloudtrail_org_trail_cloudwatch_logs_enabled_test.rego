package trailwarden.rules.cloudtrail_org_trail_cloudwatch_logs_enabled_test

import data.trailwarden.lib.test as fx
import data.trailwarden.rules.cloudtrail_org_trail_cloudwatch_logs_enabled as rule

test_pass_delivery_with_long_retention if {
	count(rule.subjects) == 1 with input as fx.compliant
	count(rule.deny) == 0 with input as fx.compliant
	count(rule.unknown) == 0 with input as fx.compliant
}

test_pass_never_expire if {
	count(rule.deny) == 0 with input as fx.with_log_group({"retentionInDays": null})
}

test_pass_retention_exactly_the_parameter if {
	count(rule.deny) == 0 with input as fx.with_log_group({"retentionInDays": 365})
}

test_fail_no_cloudwatch_logs if {
	some f in rule.deny with input as fx.with_trail({"cloudWatchLogsLogGroupArn": null, "cloudWatchLogsRoleArn": null})
	f.message == "Organization trail org-trail does not deliver to CloudWatch Logs."
	contains(f.fix, "aws logs create-log-group --region us-east-1 --log-group-name aws-cloudtrail-logs-org-trail")
	contains(f.fix, "--retention-in-days 365")
	contains(f.fix, "--cloud-watch-logs-log-group-arn arn:aws:logs:us-east-1:111111111111:log-group:aws-cloudtrail-logs-org-trail:*")
}

test_fail_short_retention if {
	some f in rule.deny with input as fx.with_log_group({"retentionInDays": 30})
	f.message == "Log group org-trail of organization trail org-trail keeps events 30 days, less than 365."
	f.fix == "aws logs put-retention-policy --region us-east-1 --log-group-name org-trail --retention-in-days 365"
}

test_fail_parameter_from_config if {
	some f in rule.deny with input as fx.compliant with data.trailwarden.params.cloudtrail_org_trail_cloudwatch_logs_enabled as {"min_retention_days": 500}
	contains(f.message, "keeps events 400 days, less than 500")
	endswith(f.fix, "--retention-in-days 545")
}

test_fail_parameter_beyond_the_longest_period if {
	some f in rule.deny with input as fx.compliant with data.trailwarden.params.cloudtrail_org_trail_cloudwatch_logs_enabled as {"min_retention_days": 5000}
	f.fix == "aws logs delete-retention-policy --region us-east-1 --log-group-name org-trail"
}

test_unknown_log_group_not_collected if {
	missing := object.union(object.remove(fx.compliant, ["logGroups"]), {"logGroups": {}, "errors": [fx.error("logs", "DescribeLogGroups", fx.management_account, "log-group:org-trail:*")]})
	count(rule.deny) == 0 with input as missing
	some f in rule.unknown with input as missing
	f.message == "Log group arn:aws:logs:us-east-1:111111111111:log-group:org-trail:* of organization trail org-trail was not collected: logs DescribeLogGroups in 111111111111/us-east-1: AccessDenied."
}

test_unknown_log_group_missing_without_error if {
	missing := object.union(object.remove(fx.compliant, ["logGroups"]), {"logGroups": {}})
	some f in rule.unknown with input as missing
	endswith(f.message, "was not collected.")
}
