# METADATA
# title: The organization trail delivers to CloudWatch Logs, kept long enough
# description: >-
#   Delivery to a CloudWatch Logs log group makes events searchable within minutes and lets metric
#   filters and alarms watch for root logins, policy changes and a stopped trail. The log group must
#   keep events for at least min_retention_days (no retention setting means never expire, which
#   passes). CIS AWS Foundations 3.0 no longer has a CloudWatch Logs control, so this rule maps only
#   to Security Hub CloudTrail.5 and HIPAA.
# related_resources:
#   - ref: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/send-cloudtrail-events-to-cloudwatch-logs.html
#     description: Sending events to CloudWatch Logs
#   - ref: https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/Working-with-log-groups-and-streams.html#SettingLogRetention
#     description: Change log data retention in CloudWatch Logs
# custom:
#   id: cloudtrail_org_trail_cloudwatch_logs_enabled
#   severity: medium
#   remediation_id: RaiseLogGroupRetention
#   remediation: >-
#     Configure the organization trail to deliver to a CloudWatch Logs log group, and set the log
#     group's retention to at least min_retention_days.
#   frameworks:
#     aws-security-hub: ["CloudTrail.5"]
#     soc2: ["CC7.2"]
#     nist-800-53-r5: ["AU-6(4)"]
#     hipaa: ["164.312(b)"]
#   params:
#     min_retention_days: 365
# schemas:
#   - input: schema.snapshot
package trailwarden.rules.cloudtrail_org_trail_cloudwatch_logs_enabled

import data.trailwarden.lib.arn
import data.trailwarden.lib.params as parameters
import data.trailwarden.lib.snapshot

params := parameters.of(rego.metadata.chain())

subjects contains snapshot.trail_subject(trail) if {
	some trail in snapshot.org_trails
}

subjects contains snapshot.unseen_org_trail_subject if snapshot.org_trails_unseen

unknown contains snapshot.unseen_org_trail("whether it delivers to CloudWatch Logs")

deny contains finding if {
	some trail in snapshot.org_trails
	object.get(trail, "cloudWatchLogsLogGroupArn", null) in {null, ""}
	finding := object.union(snapshot.trail_subject(trail), {
		"message": sprintf("Organization trail %s does not deliver to CloudWatch Logs.", [trail.name]),
		"evidence": {"cloudWatchLogsLogGroupArn": null},
		"fix": sprintf("aws logs create-log-group --region %s --log-group-name %s && %s && aws cloudtrail update-trail --region %s --name %s --cloud-watch-logs-log-group-arn arn:aws:logs:%s:%s:log-group:%s:* --cloud-watch-logs-role-arn <a role CloudTrail assumes, allowed logs:CreateLogStream and logs:PutLogEvents on the group>", [
			trail.homeRegion, new_group(trail), retention_command(trail.homeRegion, new_group(trail)),
			trail.homeRegion, trail.arn, trail.homeRegion, trail.accountId, new_group(trail),
		]),
	})
}

deny contains finding if {
	some trail in snapshot.org_trails
	group := input.logGroups[trail.cloudWatchLogsLogGroupArn]
	group.retentionInDays != null
	group.retentionInDays < params.min_retention_days
	finding := object.union(snapshot.trail_subject(trail), {
		"message": sprintf("Log group %s of organization trail %s keeps events %d days, less than %d.", [group.name, trail.name, group.retentionInDays, params.min_retention_days]),
		"evidence": {"logGroup": trail.cloudWatchLogsLogGroupArn, "retentionInDays": group.retentionInDays, "min_retention_days": params.min_retention_days},
		"fix": retention_command(group.region, group.name),
	})
}

deny contains finding if {
	some trail in snapshot.org_trails
	group_arn := trail.cloudWatchLogsLogGroupArn
	not group_arn in {null, ""}
	not input.logGroups[group_arn]
	gone := snapshot.absent("logs", group_arn)
	count(gone) > 0
	finding := object.union(snapshot.trail_subject(trail), {
		"message": sprintf("Log group %s of organization trail %s does not exist (%s), so CloudTrail delivers no events to CloudWatch Logs.", [group_arn, trail.name, snapshot.describe_errors(gone)]),
		"evidence": {"logGroup": group_arn, "errors": gone},
		"fix": sprintf("aws logs create-log-group --region %s --log-group-name %s && %s", [arn.region(group_arn), group_name(group_arn), retention_command(arn.region(group_arn), group_name(group_arn))]),
	})
}

unknown contains finding if {
	some trail in snapshot.org_trails
	group_arn := trail.cloudWatchLogsLogGroupArn
	not group_arn in {null, ""}
	not input.logGroups[group_arn]
	errors := group_errors(group_arn)
	count(snapshot.absent("logs", group_arn)) == 0
	finding := object.union(snapshot.trail_subject(trail), {
		"message": sprintf("Log group %s of organization trail %s was not collected%s.", [group_arn, trail.name, reason(errors)]),
		"evidence": {"logGroup": group_arn, "errors": errors},
	})
}

group_errors(group_arn) := [e |
	some e in input.errors
	e.service == "logs"
	object.get(e, "resource", "") in {group_arn, object.get(arn.parse(group_arn), "resource", "")}
]

# arn:aws:logs:REGION:ACCOUNT:log-group:NAME:* -> NAME
group_name(group_arn) := trim_suffix(trim_prefix(object.get(arn.parse(group_arn), "resource", ""), "log-group:"), ":*")

reason(errors) := sprintf(": %s", [snapshot.describe_errors(errors)]) if count(errors) > 0

reason(errors) := "" if count(errors) == 0

new_group(trail) := sprintf("aws-cloudtrail-logs-%s", [trail.name])

# CloudWatch Logs accepts only these retention periods: the fix names the smallest that suffices, or
# removes the retention (never expire) when the parameter is beyond the longest.
retention_periods := [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653]

retention_command(region, name) := sprintf("aws logs put-retention-policy --region %s --log-group-name %s --retention-in-days %d", [region, name, days]) if {
	days := min([d | some d in retention_periods; d >= params.min_retention_days])
}

retention_command(region, name) := sprintf("aws logs delete-retention-policy --region %s --log-group-name %s", [region, name]) if {
	params.min_retention_days > max(retention_periods)
}
