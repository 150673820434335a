# METADATA
# title: The root user of every account made no calls of its own
# description: >-
#   The root user of an account can do anything and cannot be limited by IAM policies or, in the
#   management account, by SCPs; everyday and administrative work belongs to roles. Judged from the
#   delivered logs (scan --with-logs: the root_activity investigation, which leaves out the calls an AWS
#   service made on root's behalf and service events), one subject per account; not judged when the
#   logs were not queried. The alarm on root usage is cloudwatch_alarm_root_usage.
# related_resources:
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/root-user-best-practices.html
#     description: Root user best practices for your AWS account
#   - ref: https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_accounts_root-user.html
#     description: Centralize root access for member accounts
# custom:
#   id: iam_root_user_not_used
#   severity: high
#   remediation: >-
#     Find out who used the root user and why (trailwarden logs query root_activity), do that work with
#     a role instead, delete any root access keys, and give the root user MFA; for member accounts,
#     centralize root access and remove their root credentials.
#   remediation_none: >-
#     A call that was made cannot be unmade, and the root user's credentials are outside what
#     TrailWarden changes: people must stop using them.
#   frameworks:
#     cis-aws-foundations-3.0: ["1.7"]
#     soc2: ["CC7.2"]
#     nist-800-53-r5: ["SI-4"]
#     iso-27001-2022: ["A.8.16"]
# schemas:
#   - input: schema.snapshot
package trailwarden.rules.iam_root_user_not_used

import data.trailwarden.lib.log_activity
import data.trailwarden.lib.snapshot

subjects contains log_activity.subject(account) if {
	some account in log_activity.accounts
}

subjects contains snapshot.organization_subject if log_activity.failed

deny contains finding if {
	some account in log_activity.accounts
	account.rootCalls > 0
	events := [e | some e in input.logActivity.rootActivity; e.accountId == account.accountId]
	finding := object.union(log_activity.subject(account), {
		"message": sprintf("Account %s: its root user made %d call(s) of its own from %s: %s.", [
			account.accountId, account.rootCalls, log_activity.window, told(events, account.rootCalls),
		]),
		"evidence": {"window": {"from": input.logActivity.from, "to": input.logActivity.to}, "calls": account.rootCalls, "events": events},
		"fix": sprintf("trailwarden logs query root_activity --from %s --to %s --param account=%s", [input.logActivity.from, input.logActivity.to, account.accountId]),
	})
}

unknown contains log_activity.unreadable("whether the root user was used")

unknown contains finding if {
	some account in log_activity.accounts
	account.rootCalls == 0
	account.excludedFiles > 0
	finding := log_activity.unproven(account, "whether the root user was used")
}

told(events, n) := sprintf("first %s%s", [log_activity.describe(events[0]), more(n - 1)]) if count(events) > 0

told(events, _) := "the events are beyond the first ones the snapshot keeps" if count(events) == 0

more(0) := ""

more(n) := sprintf("; and %d more", [n]) if n > 0
