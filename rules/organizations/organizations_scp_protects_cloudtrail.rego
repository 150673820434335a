# METADATA
# title: An SCP stops every member account from stopping, deleting or changing the organization trail
# description: >-
#   A member account's administrators cannot change the organization trail from their account, but a
#   CloudTrail delegated administrator can, and any account can stop its own trails. A service control
#   policy attached to the root, to an OU above the account or to the account itself must deny
#   cloudtrail:StopLogging, cloudtrail:DeleteTrail and cloudtrail:UpdateTrail (wildcards and
#   NotAction count) on the trail ("*" or a pattern matching its ARN). A Deny counts when it stops an
#   ordinary principal of the account calling over HTTPS with MFA in the trail's home region: an
#   exemption naming a break-glass role still protects, one matching every role (or a condition the
#   caller meets anyway, such as a region other than the trail's) does not. Subjects are the active
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
import data.trailwarden.lib.organization
import data.trailwarden.lib.params as parameters
import data.trailwarden.lib.snapshot

params := parameters.of(rego.metadata.chain())

subjects contains organization.account_subject(account.id) if {
	some account in organization.active_member_accounts
}

subjects contains snapshot.organization_subject if not organization.known

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

# "action on trail" pairs no SCP reaching the account denies.
missing(account_id) := [sprintf("%s on %s", [action, trail.arn]) |
	some action in params.actions
	some trail in trails
	count(organization.denials(account_id, action, trail.arn, trail.region)) == 0
]

deny contains finding if {
	organization.scps_enforced
	some account in organization.active_member_accounts
	gaps := missing(account.id)
	count(gaps) > 0
	count(organization.scp_errors) == 0
	finding := object.union(organization.account_subject(account.id), {
		"message": sprintf("No SCP reaching account %s (%s) denies %s; SCPs reach it through %s.", [account.id, account.name, concat(", ", gaps), organization.describe_path(account.id)]),
		"evidence": {"missing": gaps, "scps": sort([sprintf("%s (%s)", [p.name, p.id]) | some p in organization.scps_for(account.id)])},
		"fix": sprintf("aws organizations create-policy --type SERVICE_CONTROL_POLICY --name protect-cloudtrail --description \"Deny stopping or changing CloudTrail\" --content '{\"Version\": \"2012-10-17\", \"Statement\": [{\"Sid\": \"ProtectCloudTrail\", \"Effect\": \"Deny\", \"Action\": [%s], \"Resource\": \"*\"}]}' && aws organizations attach-policy --policy-id <the new policy id> --target-id %s", [concat(", ", [sprintf("\"%s\"", [a]) | some a in params.actions]), root_id]),
	})
}

deny contains finding if {
	organization.known
	not organization.scps_enforced
	some account in organization.active_member_accounts
	finding := object.union(organization.account_subject(account.id), {
		"message": sprintf("No SCP protects CloudTrail in account %s (%s): service control policies are not enabled in the organization.", [account.id, account.name]),
		"evidence": {"featureSet": input.organization.featureSet, "roots": organization.roots},
		"fix": sprintf("Enable all features and the SERVICE_CONTROL_POLICY policy type (aws organizations enable-policy-type --root-id %s --policy-type SERVICE_CONTROL_POLICY), then attach an SCP denying %s.", [root_id, concat(", ", params.actions)]),
	})
}

unknown contains finding if {
	organization.scps_enforced
	count(organization.scp_errors) > 0
	some account in organization.active_member_accounts
	count(missing(account.id)) > 0
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

root_id := organization.roots[0].id if count(organization.roots) > 0

root_id := "<root id>" if count(organization.roots) == 0
