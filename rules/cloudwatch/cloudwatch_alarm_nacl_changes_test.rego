package trailwarden.rules.cloudwatch_alarm_nacl_changes_test

# Generated from monitoring_controls.yaml by MonitoringRulesTest. Each link of the chain is tested
# once, in rules/lib/monitoring_test.rego; here each control's own filter is.

import data.trailwarden.lib.test as fx
import data.trailwarden.rules.cloudwatch_alarm_nacl_changes as rule

test_pass_compliant_organization if {
	count(rule.subjects) == 1 with input as fx.compliant
	count(rule.deny) == 0 with input as fx.compliant
	count(rule.unknown) == 0 with input as fx.compliant
}

test_fail_without_its_filter if {
	findings := rule.deny with input as fx.without_metric_filter("NACLChanges")
	count(findings) == 1
	some f in findings
	f.evidence.link == "metric filter"
}

test_fail_one_alternative_missing if {
	broken := fx.with_metric_filter_pattern("NACLChanges", {
		"syntax": "json",
		"terms": [
			[
				{
					"selector": "$.eventName",
					"operator": "=",
					"value": "CreateNetworkAcl",
					"kind": "string",
				},
			],
			[
				{
					"selector": "$.eventName",
					"operator": "=",
					"value": "CreateNetworkAclEntry",
					"kind": "string",
				},
			],
			[
				{
					"selector": "$.eventName",
					"operator": "=",
					"value": "DeleteNetworkAcl",
					"kind": "string",
				},
			],
			[
				{
					"selector": "$.eventName",
					"operator": "=",
					"value": "DeleteNetworkAclEntry",
					"kind": "string",
				},
			],
			[
				{
					"selector": "$.eventName",
					"operator": "=",
					"value": "ReplaceNetworkAclEntry",
					"kind": "string",
				},
			],
		],
		"error": null,
	})
	findings := rule.deny with input as broken
	some f in findings
	f.evidence.link == "metric filter"
}

test_unknown_alarms_unreadable if {
	findings := rule.unknown with input as fx.alarms_unreadable
	some f in findings
	f.evidence.link == "alarm"
	count(rule.deny) == 0 with input as fx.alarms_unreadable
}
