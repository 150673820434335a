# METADATA
# title: An alarm with a confirmed subscriber watches for AWS Organizations changes
# description: >-
#   The organization trail delivers to a CloudWatch Logs log group; a metric filter there matches
#   AWS Organizations changes; an alarm watches the filter's metric (name and namespace) with its actions
#   enabled, and notifies an SNS topic with at least one confirmed subscriber (CIS 4.15, audited to
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
#   id: cloudwatch_alarm_organizations_changes
#   severity: low
#   remediation_id: AddOrganizationsChangesAlarm
#   remediation: >-
#     Add a metric filter for AWS Organizations changes to the organization trail's log group, an alarm on
#     its metric with actions enabled, and an SNS topic with a confirmed subscriber for the alarm.
#   frameworks:
#     cis-aws-foundations-3.0: ["4.15"]
#     cis-aws-foundations-4.0: ["4.15"]
#     cis-aws-foundations-5.0: ["4.15"]
#     soc2: ["CC7.2"]
#     nist-800-53-r5: ["SI-4"]
#     iso-27001-2022: ["A.8.16"]
# schemas:
#   - input: schema.snapshot
package trailwarden.rules.cloudwatch_alarm_organizations_changes

# Generated from monitoring_controls.yaml by MonitoringRulesTest: edit that file, then ./mvnw test -Dtest=MonitoringRulesTest -Dgolden.update=true

import data.trailwarden.lib.monitoring

control := {
	"what": "AWS Organizations changes",
	"cis": "4.15",
	"metricName": "OrganizationsChanges",
	"pattern": "{ ($.eventSource = \"organizations.amazonaws.com\") && (($.eventName = \"AcceptHandshake\") || ($.eventName = \"AttachPolicy\") || ($.eventName = \"CreateAccount\") || ($.eventName = \"CreateOrganizationalUnit\") || ($.eventName = \"CreatePolicy\") || ($.eventName = \"DeclineHandshake\") || ($.eventName = \"DeleteOrganization\") || ($.eventName = \"DeleteOrganizationalUnit\") || ($.eventName = \"DeletePolicy\") || ($.eventName = \"DetachPolicy\") || ($.eventName = \"DisablePolicyType\") || ($.eventName = \"EnablePolicyType\") || ($.eventName = \"InviteAccountToOrganization\") || ($.eventName = \"LeaveOrganization\") || ($.eventName = \"MoveAccount\") || ($.eventName = \"RemoveAccountFromOrganization\") || ($.eventName = \"UpdatePolicy\") || ($.eventName = \"UpdateOrganizationalUnit\")) }",
	"all": [
		{
			"selector": "$.eventSource",
			"operator": "=",
			"value": "organizations.amazonaws.com",
			"kind": "string",
		},
	],
	"anyOf": [
		{
			"selector": "$.eventName",
			"operator": "=",
			"value": "AcceptHandshake",
			"kind": "string",
		},
		{
			"selector": "$.eventName",
			"operator": "=",
			"value": "AttachPolicy",
			"kind": "string",
		},
		{
			"selector": "$.eventName",
			"operator": "=",
			"value": "CreateAccount",
			"kind": "string",
		},
		{
			"selector": "$.eventName",
			"operator": "=",
			"value": "CreateOrganizationalUnit",
			"kind": "string",
		},
		{
			"selector": "$.eventName",
			"operator": "=",
			"value": "CreatePolicy",
			"kind": "string",
		},
		{
			"selector": "$.eventName",
			"operator": "=",
			"value": "DeclineHandshake",
			"kind": "string",
		},
		{
			"selector": "$.eventName",
			"operator": "=",
			"value": "DeleteOrganization",
			"kind": "string",
		},
		{
			"selector": "$.eventName",
			"operator": "=",
			"value": "DeleteOrganizationalUnit",
			"kind": "string",
		},
		{
			"selector": "$.eventName",
			"operator": "=",
			"value": "DeletePolicy",
			"kind": "string",
		},
		{
			"selector": "$.eventName",
			"operator": "=",
			"value": "DetachPolicy",
			"kind": "string",
		},
		{
			"selector": "$.eventName",
			"operator": "=",
			"value": "DisablePolicyType",
			"kind": "string",
		},
		{
			"selector": "$.eventName",
			"operator": "=",
			"value": "EnablePolicyType",
			"kind": "string",
		},
		{
			"selector": "$.eventName",
			"operator": "=",
			"value": "InviteAccountToOrganization",
			"kind": "string",
		},
		{
			"selector": "$.eventName",
			"operator": "=",
			"value": "LeaveOrganization",
			"kind": "string",
		},
		{
			"selector": "$.eventName",
			"operator": "=",
			"value": "MoveAccount",
			"kind": "string",
		},
		{
			"selector": "$.eventName",
			"operator": "=",
			"value": "RemoveAccountFromOrganization",
			"kind": "string",
		},
		{
			"selector": "$.eventName",
			"operator": "=",
			"value": "UpdatePolicy",
			"kind": "string",
		},
		{
			"selector": "$.eventName",
			"operator": "=",
			"value": "UpdateOrganizationalUnit",
			"kind": "string",
		},
	],
	"mayNarrow": [],
}

subjects := monitoring.subjects(control)

deny := monitoring.deny(control)

unknown := monitoring.unknown(control)
