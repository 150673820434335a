# METADATA
# title: An alarm with a confirmed subscriber watches for use of the root user
# description: >-
#   The organization trail delivers to a CloudWatch Logs log group; a metric filter there matches
#   use of the root user; an alarm watches the filter's metric (name and namespace) with its actions
#   enabled, and notifies an SNS topic with at least one confirmed subscriber (CIS 4.3, audited to
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
#   id: cloudwatch_alarm_root_usage
#   severity: medium
#   remediation_id: AddRootUsageAlarm
#   remediation: >-
#     Add a metric filter for use of the root user to the organization trail's log group, an alarm on
#     its metric with actions enabled, and an SNS topic with a confirmed subscriber for the alarm.
#   frameworks:
#     cis-aws-foundations-3.0: ["4.3"]
#     cis-aws-foundations-4.0: ["4.3"]
#     cis-aws-foundations-5.0: ["4.3"]
#     aws-security-hub: ["CloudWatch.1"]
#     soc2: ["CC7.2"]
#     nist-800-53-r5: ["SI-4"]
#     iso-27001-2022: ["A.8.16"]
# schemas:
#   - input: schema.snapshot
package trailwarden.rules.cloudwatch_alarm_root_usage

# Generated from monitoring_controls.yaml by MonitoringRulesTest: edit that file, then ./mvnw test -Dtest=MonitoringRulesTest -Dgolden.update=true

import data.trailwarden.lib.monitoring

control := {
	"what": "use of the root user",
	"cis": "4.3",
	"metricName": "RootAccountUsage",
	"pattern": "{ ($.userIdentity.type = \"Root\") && ($.userIdentity.invokedBy NOT EXISTS) && ($.eventType != \"AwsServiceEvent\") }",
	"all": [
		{
			"selector": "$.userIdentity.type",
			"operator": "=",
			"value": "Root",
			"kind": "string",
		},
		{
			"selector": "$.userIdentity.invokedBy",
			"operator": "NOT EXISTS",
			"value": "",
			"kind": "none",
		},
		{
			"selector": "$.eventType",
			"operator": "!=",
			"value": "AwsServiceEvent",
			"kind": "string",
		},
	],
	"anyOf": [],
	"mayNarrow": [],
}

subjects := monitoring.subjects(control)

deny := monitoring.deny(control)

unknown := monitoring.unknown(control)
