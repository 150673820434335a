# METADATA
# title: Security Hub is enabled in every account and region in scope
# description: >-
#   Security Hub gathers what GuardDuty, Config, Inspector and the other security services find from
#   the organization's CloudTrail events and resources, and runs the CIS and AWS best-practice checks.
#   It works per account and Region: an account or Region without a hub has none of its findings in
#   front of anyone. Each account x Region in scope passes when DescribeHub answers with the hub; it
#   fails when Security Hub answers that the account is not subscribed (InvalidAccessException), and is
#   UNKNOWN when the call was refused or failed.
# related_resources:
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/securityhub-settingup.html
#     description: Enabling Security Hub
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/designate-orgs-admin-account.html
#     description: Designating a delegated Security Hub administrator for the organization
# custom:
#   id: securityhub_hub_enabled
#   severity: medium
#   remediation: >-
#     Enable Security Hub in every account and Region in scope, preferably for the whole organization
#     from its delegated Security Hub administrator (central configuration), so new accounts get it too.
#   remediation_none: >-
#     enabling Security Hub starts paid checks and findings in every account and Region; it is an
#     organization-wide decision, best taken once from the delegated Security Hub administrator.
#   frameworks:
#     cis-aws-foundations-3.0: ["4.16"]
#     cis-aws-foundations-4.0: ["4.16"]
#     cis-aws-foundations-5.0: ["4.16"]
#     nist-800-53-r5: ["SI-4"]
#     soc2: ["CC7.2"]
# schemas:
#   - input: schema.snapshot
package trailwarden.rules.securityhub_hub_enabled

import data.trailwarden.lib.places
import data.trailwarden.lib.snapshot

operations := {"DescribeHub"}

hub_arn(place) := sprintf("arn:aws:securityhub:%s:%s:hub/default", [place.region, place.accountId])

subject(place) := {"resource": hub_arn(place), "accountId": place.accountId, "region": place.region}

hubs_at := {places.key(hub.accountId, hub.region) | some hub in input.securityHubs}

missing := places.missing_at("securityhub", operations)

absent_hubs := {a.resource | some a in object.get(input, "absent", []); a.service == "securityhub"}

# The places without a hub, by set difference (native to OPA): what follows looks only at these, not at
# every place of a large organization three times over.
without_hub := object.keys(places.places) - hubs_at

# subject(place) written out, as it is made for every place (a function call per place costs OPA more
# than building the object).
subjects contains {"resource": concat("", ["arn:aws:securityhub:", p.region, ":", p.accountId, ":hub/default"]), "accountId": p.accountId, "region": p.region} if {
	some p in places.places
}

subjects contains snapshot.organization_subject if places.incomplete

deny contains finding if {
	some k in without_hub
	place := places.places[k]
	not missing[k]
	hub_arn(place) in absent_hubs
	some gone in snapshot.absent("securityhub", hub_arn(place))
	finding := object.union(subject(place), {
		"message": sprintf("Security Hub is not enabled in account %s, region %s: DescribeHub answered %s.", [place.accountId, place.region, gone.code]),
		"evidence": {"absent": snapshot.absent("securityhub", hub_arn(place))},
		"fix": sprintf("aws securityhub enable-security-hub --region %s (in account %s), or enable it for the organization from the delegated Security Hub administrator", [place.region, place.accountId]),
	})
}

unknown contains finding if {
	some k in without_hub
	errors := missing[k]
	place := places.places[k]
	finding := object.union(subject(place), {
		"message": sprintf("Whether Security Hub is enabled in account %s, region %s is unknown: %s.", [place.accountId, place.region, snapshot.describe_errors(errors)]),
		"evidence": {"errors": errors},
	})
}

# Neither a hub, nor an answer that there is none, nor an error: the place was not read at all.
unknown contains finding if {
	some k in without_hub
	place := places.places[k]
	not missing[k]
	not hub_arn(place) in absent_hubs
	finding := object.union(subject(place), {
		"message": sprintf("Security Hub was not read in account %s, region %s, so whether it is enabled there is unknown.", [place.accountId, place.region]),
		"evidence": {},
	})
}

unknown contains places.incomplete_finding("whether Security Hub is enabled") if places.incomplete
