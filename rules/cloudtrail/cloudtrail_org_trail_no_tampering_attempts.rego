# METADATA
# title: Nobody tried to stop, delete or narrow the organization trail or weaken its log bucket
# description: >-
#   Someone who means to act unseen first blinds the audit log: stops or deletes the organization
#   trail, narrows what it records (UpdateTrail, PutEventSelectors, PutInsightSelectors), or weakens its
#   log bucket (its policy, lifecycle, versioning, Object Lock, ACL or public access block). An attempt
#   is a security event even when an SCP or the bucket policy refused it. Judged from the delivered
#   logs (scan --with-logs: the audit_log_tampering investigation), one subject per account; not
#   judged when the logs were not queried.
# related_resources:
#   - ref: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/best-practices-security.html
#     description: Security best practices in AWS CloudTrail
#   - ref: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-examples.html
#     description: CloudTrail log file examples (the records the investigation reads)
# custom:
#   id: cloudtrail_org_trail_no_tampering_attempts
#   severity: high
#   remediation: >-
#     Treat each attempt as an incident: find out why the principal named tried it (trailwarden logs
#     query audit_log_tampering, then failed_access for the same principal), revoke what it should not
#     have, and keep the SCP that denies cloudtrail:StopLogging and DeleteTrail to everyone but the
#     security team.
#   remediation_none: >-
#     An attempt that happened is evidence, not a setting: no change of configuration undoes it; the
#     protections that refuse the next one are organizations_scp_protects_cloudtrail and
#     organizations_scp_protects_log_bucket.
#   frameworks:
#     pci-dss-4.0: ["10.3.2"]
#     soc2: ["CC7.2"]
#     nist-800-53-r5: ["AU-9", "SI-4"]
#     iso-27001-2022: ["A.8.15", "A.8.16"]
#     hipaa: ["164.312(b)"]
# schemas:
#   - input: schema.snapshot
package trailwarden.rules.cloudtrail_org_trail_no_tampering_attempts

import data.trailwarden.lib.log_activity
import data.trailwarden.lib.snapshot

subjects contains log_activity.subject(account) if {
	some account in log_activity.accounts
}

subjects contains snapshot.organization_subject if log_activity.failed

deny contains finding if {
	some account in log_activity.accounts
	account.tamperAttempts > 0
	events := [e | some e in input.logActivity.tamperAttempts; e.accountId == account.accountId]
	finding := object.union(log_activity.subject(account), {
		"message": sprintf("Account %s: %d attempt(s) to blind the audit log from %s: %s.", [
			account.accountId, account.tamperAttempts, log_activity.window, told(events, account.tamperAttempts),
		]),
		"severity": severity(events),
		"evidence": {"window": {"from": input.logActivity.from, "to": input.logActivity.to}, "attempts": account.tamperAttempts, "events": events},
		"fix": sprintf("trailwarden logs query audit_log_tampering --from %s --to %s --accounts %s", [input.logActivity.from, input.logActivity.to, account.accountId]),
	})
}

unknown contains log_activity.unreadable("whether anyone tried to blind the audit log")

unknown contains finding if {
	some account in log_activity.accounts
	account.tamperAttempts == 0
	account.excludedFiles > 0
	finding := log_activity.unproven(account, "whether anyone tried to blind the audit log")
}

# The first attempt of the account, and how many more; the snapshot keeps the first events only.
told(events, n) := sprintf("%s%s", [log_activity.describe(events[0]), more(n - 1)]) if count(events) > 0

told(events, _) := "the events are beyond the first ones the snapshot keeps" if count(events) == 0

more(0) := ""

more(n) := sprintf("; and %d more", [n]) if n > 0

# An attempt that was not refused changed the audit log: critical; refused ones are high.
severity(events) := "critical" if {
	some e in events
	not is_string(object.get(e, "errorCode", null))
} else := "high"
