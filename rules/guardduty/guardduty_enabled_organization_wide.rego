# METADATA
# title: GuardDuty has a delegated administrator and an enabled detector in every account and region in scope
# description: >-
#   GuardDuty analyses the organization's CloudTrail management events (and VPC flow logs and DNS
#   queries) for threats: credentials used from unusual places, trails stopped, root activity. It
#   works per account and Region, and only where a detector is enabled; a suspended detector analyses
#   nothing. Run organization-wide, a delegated administrator account in each Region sees every member's
#   findings. Each account x Region in scope passes with an ENABLED detector (ListDetectors, GetDetector)
#   and fails with none or a suspended one; each Region passes when the management account lists an
#   enabled delegated administrator (ListOrganizationAdminAccounts). Whether new and existing members
#   are enrolled automatically (DescribeOrganizationConfiguration, read in the administrator account) is
#   not judged yet.
# related_resources:
#   - ref: https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_organizations.html
#     description: Managing GuardDuty accounts with AWS Organizations
#   - ref: https://docs.aws.amazon.com/securityhub/latest/userguide/guardduty-controls.html
#     description: "Security Hub controls for GuardDuty: [GuardDuty.1] GuardDuty should be enabled"
# custom:
#   id: guardduty_enabled_organization_wide
#   severity: high
#   remediation: >-
#     Designate a delegated GuardDuty administrator for the organization in every Region in scope, enable
#     GuardDuty for all member accounts from it (auto-enable ALL), and enable any suspended detector.
#   remediation_none: >-
#     GuardDuty is billed per account and Region by the volume it analyses, and who administers it for
#     the organization is a decision for the security team; TrailWarden does not enable it.
#   frameworks:
#     aws-security-hub: ["GuardDuty.1"]
#     nist-800-53-r5: ["SI-4"]
#     soc2: ["CC7.2"]
# schemas:
#   - input: schema.snapshot
package trailwarden.rules.guardduty_enabled_organization_wide

import data.trailwarden.lib.organization
import data.trailwarden.lib.places
import data.trailwarden.lib.snapshot

detector_operations := {"ListDetectors", "GetDetector"}

# One subject per account x region, whatever its detector's id (which changes when it is recreated).
detector_subject(place) := {
	"resource": sprintf("arn:aws:guardduty:%s:%s:detector", [place.region, place.accountId]),
	"accountId": place.accountId,
	"region": place.region,
}

# The organization's GuardDuty administration in a region, as the management account sees it.
admin_subject(region) := {
	"resource": sprintf("arn:aws:guardduty:%s:%s:organization-admin", [region, snapshot.management_account_id]),
	"accountId": snapshot.management_account_id,
	"region": region,
}

# The places with an enabled detector, and the others (a set difference, native to OPA): only those are
# looked at one by one, not every place of a large organization.
enabled_at := {places.key(d.accountId, d.region) | some d in input.guardDuty.detectors; d.status == "ENABLED"}

not_enabled := object.keys(places.places) - enabled_at

# The detectors of each place without an enabled one, by place key (a comprehension OPA indexes, built in
# one pass over the detectors that are not enabled).
detectors_at := {k: detectors |
	some d in input.guardDuty.detectors
	d.status != "ENABLED"
	k := places.key(d.accountId, d.region)
	detectors := {x | some x in input.guardDuty.detectors; x.status != "ENABLED"; places.key(x.accountId, x.region) == k}
}

missing := places.missing_at("guardduty", detector_operations)

# detector_subject(place) written out, as it is made for every place (a function call per place costs
# OPA more than building the object).
subjects contains {"resource": concat("", ["arn:aws:guardduty:", p.region, ":", p.accountId, ":detector"]), "accountId": p.accountId, "region": p.region} if {
	some p in places.places
}

subjects contains admin_subject(region) if some region in input.scope.regions

subjects contains snapshot.organization_subject if places.incomplete

deny contains finding if {
	some k in not_enabled
	place := places.places[k]
	not missing[k]
	not detectors_at[k]
	finding := object.union(detector_subject(place), {
		"message": sprintf("GuardDuty has no detector in account %s, region %s: nothing there is analysed.", [place.accountId, place.region]),
		"evidence": {"detectors": []},
		"fix": sprintf("Enable GuardDuty for account %s in %s from the delegated GuardDuty administrator (aws guardduty create-members, or auto-enable ALL), or aws guardduty create-detector --enable --region %s in the account", [place.accountId, place.region, place.region]),
	})
}

deny contains finding if {
	some k in not_enabled
	place := places.places[k]
	detectors := detectors_at[k]
	finding := object.union(detector_subject(place), {
		"message": sprintf("GuardDuty's detector in account %s, region %s is suspended (%s): nothing there is analysed.", [place.accountId, place.region, concat(", ", sort({sprintf("%s %s", [d.detectorId, d.status]) | some d in detectors}))]),
		"evidence": {"detectors": detectors},
		"fix": sprintf("aws guardduty update-detector --enable --region %s --detector-id %s (in account %s)", [place.region, min({d.detectorId | some d in detectors}), place.accountId]),
	})
}

unknown contains finding if {
	some k in not_enabled
	errors := missing[k]
	place := places.places[k]
	finding := object.union(detector_subject(place), {
		"message": sprintf("Whether GuardDuty is enabled in account %s, region %s is unknown: %s.", [place.accountId, place.region, snapshot.describe_errors(errors)]),
		"evidence": {"errors": errors},
	})
}

admins_in(region) := [a | some a in input.guardDuty.administrators; a.region == region]

admin_errors(region) := [e |
	some e in input.errors
	e.service == "guardduty"
	e.operation == "ListOrganizationAdminAccounts"
	e.region == region
]

deny contains finding if {
	organization.known
	some region in input.scope.regions
	count(admin_errors(region)) == 0
	count([a | some a in admins_in(region); a.status == "ENABLED"]) == 0
	finding := object.union(admin_subject(region), {
		"message": sprintf("GuardDuty has no delegated administrator for organization %s in %s, so no account sees the findings of every member there.", [input.organization.id, region]),
		"evidence": {"administrators": admins_in(region)},
		"fix": sprintf("aws guardduty enable-organization-admin-account --admin-account-id <security account> --region %s (from the management account)", [region]),
	})
}

unknown contains finding if {
	some region in input.scope.regions
	count(admin_errors(region)) > 0
	finding := object.union(admin_subject(region), {
		"message": sprintf("GuardDuty's delegated administrator in %s is unknown: %s.", [region, snapshot.describe_errors(admin_errors(region))]),
		"evidence": {"errors": admin_errors(region)},
	})
}

unknown contains finding if {
	not organization.known
	some region in input.scope.regions
	finding := object.union(admin_subject(region), {
		"message": sprintf("The organization could not be read, so GuardDuty's delegated administrator in %s is unknown%s.", [region, reason]),
		"evidence": {"errors": organization.errors},
	})
}

reason := sprintf(": %s", [snapshot.describe_errors(organization.errors)]) if count(organization.errors) > 0

reason := "" if count(organization.errors) == 0

unknown contains places.incomplete_finding("whether GuardDuty is enabled") if places.incomplete
