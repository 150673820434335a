# METADATA
# title: An alarm with a confirmed subscriber watches for network ACL changes
# description: >-
#   The organization trail delivers to a CloudWatch Logs log group; a metric filter there matches
#   network ACL changes; an alarm watches the filter's metric (name and namespace) with its actions
#   enabled, and notifies an SNS topic with at least one confirmed subscriber (CIS 4.11, audited to
#   the end). The filter's pattern must cover every condition of the control, in any order, with
#   exact event names; a condition that narrows the match fails it. The finding names the missing
#   link. Generated from rules/cloudwatch/monitoring_controls.yaml.
# related_resources:
#   - ref: https://www.cisecurity.org/benchmark/amazon_web_services
#     description: CIS Amazon Web Services Foundations Benchmark, section 4 (Monitoring)
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html
#     description: Security Hub CSPM controls for Amazon CloudWatch
#   - ref: https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntax.html
#     description: Filter pattern syntax for metric filters
# custom:
#   id: cloudwatch_alarm_nacl_changes
#   severity: low
#   remediation_id: AddNaclChangesAlarm
#   remediation: >-
#     Add a metric filter for network ACL changes to the organization trail's log group, an alarm on
#     its metric with actions enabled, and an SNS topic with a confirmed subscriber for the alarm.
#   frameworks:
#     cis-aws-foundations-3.0: ["4.11"]
#     cis-aws-foundations-4.0: ["4.11"]
#     cis-aws-foundations-5.0: ["4.11"]
#     aws-security-hub: ["CloudWatch.11"]
#     soc2: ["CC7.2"]
#     nist-800-53-r5: ["SI-4"]
#     iso-27001-2022: ["A.8.16"]
# schemas:
#   - input: schema.snapshot
package trailwarden.rules.cloudwatch_alarm_nacl_changes

# Generated from monitoring_controls.yaml by MonitoringRulesTest: edit that file, then ./mvnw test -Dtest=MonitoringRulesTest -Dgolden.update=true

import data.trailwarden.lib.monitoring

control := {
	"what": "network ACL changes",
	"cis": "4.11",
	"metricName": "NACLChanges",
	"pattern": "{ ($.eventName = \"CreateNetworkAcl\") || ($.eventName = \"CreateNetworkAclEntry\") || ($.eventName = \"DeleteNetworkAcl\") || ($.eventName = \"DeleteNetworkAclEntry\") || ($.eventName = \"ReplaceNetworkAclEntry\") || ($.eventName = \"ReplaceNetworkAclAssociation\") }",
	"all": [],
	"anyOf": [
		{
			"selector": "$.eventName",
			"operator": "=",
			"value": "CreateNetworkAcl",
			"kind": "string",
		},
		{
			"selector": "$.eventName",
			"operator": "=",
			"value": "CreateNetworkAclEntry",
			"kind": "string",
		},
		{
			"selector": "$.eventName",
			"operator": "=",
			"value": "DeleteNetworkAcl",
			"kind": "string",
		},
		{
			"selector": "$.eventName",
			"operator": "=",
			"value": "DeleteNetworkAclEntry",
			"kind": "string",
		},
		{
			"selector": "$.eventName",
			"operator": "=",
			"value": "ReplaceNetworkAclEntry",
			"kind": "string",
		},
		{
			"selector": "$.eventName",
			"operator": "=",
			"value": "ReplaceNetworkAclAssociation",
			"kind": "string",
		},
	],
	"mayNarrow": [
		{
			"selector": "$.eventSource",
			"operator": "=",
			"value": "ec2.amazonaws.com",
			"kind": "string",
		},
	],
}

subjects := monitoring.subjects(control)

deny := monitoring.deny(control)

unknown := monitoring.unknown(control)
