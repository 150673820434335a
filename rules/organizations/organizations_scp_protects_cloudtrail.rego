# METADATA
# title: An SCP stops every member account from stopping, deleting or changing the organization trail
# description: >-
#   A member account's administrators cannot change the organization trail from their account, but a
#   CloudTrail delegated administrator can, and any account can stop its own trails. The service control
#   policies must refuse cloudtrail:StopLogging, cloudtrail:DeleteTrail and cloudtrail:UpdateTrail on the
#   trail to an ordinary principal of the account calling over HTTPS with MFA in the trail's home region,
#   judged as AWS applies SCPs: at every level of the path (the root, each OU, the account) some attached
#   SCP must allow the action, else it is implicitly denied there (an allow-list strategy protects), and an
#   explicit Deny at any level denies. An exemption naming a break-glass role still protects, one matching
#   every role (or a condition the caller meets anyway, such as a region other than the trail's) does not.
#   The question is what the SCPs decide, not whether the call would also need a resource policy.
#   Subjects are the active
#   member accounts. The management account is not one: SCPs never apply to it, so its protection is
#   to restrict who may use it. Suspended and closing accounts cannot make API calls and are left out.
# related_resources:
#   - ref: https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html
#     description: Service control policies (SCPs)
#   - ref: https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_examples_cloudtrail.html
#     description: Example SCPs for AWS CloudTrail
# custom:
#   id: organizations_scp_protects_cloudtrail
#   severity: high
#   remediation_id: AttachCloudTrailProtectionScp
#   remediation: >-
#     Attach to the root an SCP that denies cloudtrail:StopLogging, cloudtrail:DeleteTrail and
#     cloudtrail:UpdateTrail on "*" (exempting at most a named break-glass role).
#   frameworks:
#     nist-800-53-r5: ["AU-9"]
#     iso-27001-2022: ["A.8.15"]
#     hipaa: ["164.312(b)"]
#   params:
#     actions: ["cloudtrail:StopLogging", "cloudtrail:DeleteTrail", "cloudtrail:UpdateTrail"]
# schemas:
#   - input: schema.snapshot
package trailwarden.rules.organizations_scp_protects_cloudtrail

import data.trailwarden.lib.arn
import data.trailwarden.lib.iam
import data.trailwarden.lib.organization
import data.trailwarden.lib.params as parameters
import data.trailwarden.lib.snapshot

params := parameters.of(rego.metadata.chain())

subjects contains organization.account_subject(account.id) if {
	some account in organization.active_member_accounts
}

subjects contains snapshot.organization_subject if not organization.accounts_complete

# The trails to protect: the organization trails, else the one config.yaml expects, else any trail of
# the management account (only "*"-like resources match that).
trails := {{"arn": t.arn, "region": t.homeRegion} | some t in snapshot.org_trails} if count(snapshot.org_trails) > 0

trails := {{"arn": arn.trail(region, snapshot.management_account_id, input.scope.trailName), "region": region}} if {
	count(snapshot.org_trails) == 0
	is_string(input.scope.trailName)
	region := object.get(input.scope, "homeRegion", "us-east-1")
}

trails := {{"arn": arn.trail(region, snapshot.management_account_id, "*"), "region": region}} if {
	count(snapshot.org_trails) == 0
	not is_string(input.scope.trailName)
	region := object.get(input.scope, "homeRegion", "us-east-1")
}

# "action on trail" pairs the SCPs allow the account's ordinary principal, with the statements allowing it.
allowed(account_id) := allowed_in_group[group] if {
	group := organization.scp_group(account_id)
} else := [allowed_request(action, trail, result) |
	some action in params.actions
	some trail in trails
	result := organization.decide(account_id, action, trail.arn, trail.region)
	result.decision == "allow"
]

# The same for every account of an organization.scp_group, worked out once per group: an allowed
# request's statements are the group's, whichever account asks.
allowed_in_group := {group: [allowed_request(action, trail, result) |
	some action in params.actions
	some trail in trails
	result := organization.shared_decision(group, action, trail.arn, trail.region)
	result.decision == "allow"
] |
	some group in {organization.scp_group(account.id) | some account in organization.active_member_accounts}
}

allowed_request(action, trail, result) := {"request": sprintf("%s on %s", [action, trail.arn]), "allowedBy": iam.describe(result)}

missing(account_id) := [a.request | some a in allowed(account_id)]

uncertain(account_id) := [action |
	some action in params.actions
	some trail in trails
	organization.decide(account_id, action, trail.arn, trail.region).decision != "explicit_deny"
]

# What a finding says of an account's allowed requests and the SCPs reaching it; for an account of an
# organization.scp_group, the group's, worked out once.
reach(account_id) := reach_of_group[group] if {
	group := organization.scp_group(account_id)
} else := described(allowed(account_id), organization.scps_for(account_id))

reach_of_group := {group: described(allowed_in_group[group], organization.group_scps(group)) | some group, _ in allowed_in_group}

described(found, scps) := {
	"allowed": found,
	"gaps": [a.request | some a in found],
	"allows": concat("; ", [sprintf("%s (%s)", [a.request, a.allowedBy]) | some a in found]),
	"scps": sort([sprintf("%s (%s)", [p.name, p.id]) | some p in scps]),
}

# Only accounts the rule can fail get a message. Working out per group what it says of their SCPs took the
# rule from 2.6 to 1.6 s at 10,000 accounts in one OU (opa eval of this rule alone, input parsing aside).
deny contains finding if {
	organization.scps_enforced
	count(organization.scp_errors) == 0
	some account in organization.active_member_accounts
	organization.placed(account.id)
	found := reach(account.id)
	count(found.allowed) > 0
	finding := object.union(organization.account_subject(account.id), {
		"message": sprintf("The SCPs reaching account %s (%s) through %s allow %s%s.", [account.id, account.name, organization.describe_path(account.id), found.allows, organization.gone_scps_note]),
		"evidence": {"missing": found.gaps, "allowed": found.allowed, "scps": found.scps},
		"fix": attach_fix,
	})
}

attach_fix := sprintf("aws organizations create-policy --type SERVICE_CONTROL_POLICY --name protect-cloudtrail --description \"Deny stopping or changing CloudTrail\" --content '{\"Version\": \"2012-10-17\", \"Statement\": [{\"Sid\": \"ProtectCloudTrail\", \"Effect\": \"Deny\", \"Action\": [%s], \"Resource\": \"*\"}]}' && aws organizations attach-policy --policy-id <the new policy id> --target-id %s", [concat(", ", [sprintf("\"%s\"", [a]) | some a in params.actions]), root_id])

deny contains finding if {
	organization.roots_known
	not organization.scps_enforced
	some account in organization.active_member_accounts
	finding := object.union(organization.account_subject(account.id), {
		"message": sprintf("No SCP protects CloudTrail in account %s (%s): service control policies are not enabled in the organization.", [account.id, account.name]),
		"evidence": {"featureSet": input.organization.featureSet, "roots": organization.roots},
		"fix": sprintf("Enable all features and the SERVICE_CONTROL_POLICY policy type (aws organizations enable-policy-type --root-id %s --policy-type SERVICE_CONTROL_POLICY), then attach an SCP denying %s.", [root_id, concat(", ", params.actions)]),
	})
}

# With SCPs unread only an explicit Deny is certain: an unread SCP could be the Allow a level lacks.
unknown contains finding if {
	organization.scps_enforced
	count(organization.scp_errors) > 0
	some account in organization.active_member_accounts
	count(uncertain(account.id)) > 0
	finding := object.union(organization.account_subject(account.id), {
		"message": sprintf("The SCPs could not all be read (%s), so whether one protects CloudTrail in account %s (%s) is unknown.", [snapshot.describe_errors(organization.scp_errors), account.id, account.name]),
		"evidence": {"errors": organization.scp_errors},
	})
}

unknown contains finding if {
	not organization.known
	finding := object.union(snapshot.organization_subject, {
		"message": "The organization could not be read, so its member accounts and SCPs are unknown.",
		"evidence": {"errors": organization.errors},
	})
}

unknown contains finding if {
	some account in organization.scps_unknown_accounts
	reason := organization.scps_unknown_reason(account.id)
	count(missing(account.id)) > 0
	finding := object.union(organization.account_subject(account.id), {
		"message": sprintf("Whether an SCP protects CloudTrail in account %s (%s) is unknown: %s.", [account.id, account.name, reason]),
		"evidence": {"errors": organization.account_list_errors},
	})
}

unknown contains organization.unlisted_accounts_finding("whether an SCP protects CloudTrail")

root_id := organization.roots[0].id if count(organization.roots) > 0

root_id := "<root id>" if count(organization.roots) == 0
