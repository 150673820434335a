# METADATA
# title: No member-account trail writes into the organization's log bucket or duplicates its management events
# description: >-
#   A trail created in a member account that delivers into the organization's log bucket mixes logs
#   the member account controls with the organization's record, and needs a bucket policy that lets
#   more writers in. That is the high finding. A member trail that records management events the
#   organization trail already records (in an overlapping region) adds no evidence, and every
#   additional copy of management events is charged: that finding is low, for cost.
# related_resources:
#   - ref: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/creating-trail-organization.html
#     description: Creating a trail for an organization
#   - ref: https://aws.amazon.com/cloudtrail/pricing/
#     description: AWS CloudTrail pricing (additional copies of management events)
# custom:
#   id: cloudtrail_member_trails_no_conflict
#   severity: high
#   remediation: >-
#     Point member-account trails at a bucket of their own account, and stop them recording management
#     events the organization trail already records (or delete them).
#   remediation_none: >-
#     a member account's trail belongs to its team, and deleting or re-pointing it is their call; the plan reports it.
#   frameworks:
#     nist-800-53-r5: ["AU-9"]
#     hipaa: ["164.312(b)"]
# schemas:
#   - input: schema.snapshot
package trailwarden.rules.cloudtrail_member_trails_no_conflict

import data.trailwarden.lib.organization
import data.trailwarden.lib.selectors
import data.trailwarden.lib.snapshot

# Trails owned by member accounts (the organization trail is owned by the management account, even
# as member accounts see it).
member_trails contains trail if {
	some trail in input.trails
	trail.accountId != snapshot.management_account_id
}

subjects contains snapshot.trail_subject(trail) if {
	some trail in member_trails
}

# A member account whose trails could not be listed is judged too: its trails are unknown.
subjects contains organization.account_subject(account_id) if {
	some account_id in unlisted_member_accounts
}

unlisted_member_accounts contains account_id if {
	some account_id in snapshot.accounts_with_unlisted_trails
	account_id != snapshot.management_account_id
}

deny contains finding if {
	some trail in member_trails
	trail.s3BucketName in snapshot.org_trail_buckets
	finding := object.union(snapshot.trail_subject(trail), {
		"message": sprintf("Trail %s of member account %s writes into the organization's log bucket %s.", [trail.name, trail.accountId, trail.s3BucketName]),
		"evidence": {"trail": trail.arn, "s3BucketName": trail.s3BucketName, "organizationTrails": sort([t.arn | some t in snapshot.org_trails])},
		"fix": sprintf("In account %s: aws cloudtrail update-trail --region %s --name %s --s3-bucket-name <a bucket of account %s>, or aws cloudtrail delete-trail --region %s --name %s", [trail.accountId, trail.homeRegion, trail.arn, trail.accountId, trail.homeRegion, trail.arn]),
	})
}

deny contains finding if {
	some trail in member_trails
	duplicated := duplicated_kinds(selector_shape(trail))
	count(duplicated) > 0
	finding := object.union(snapshot.trail_subject(trail), {
		"message": sprintf("Trail %s of member account %s records %s management events the organization trail already records; the extra copy is charged.", [trail.name, trail.accountId, concat(" and ", duplicated)]),
		"evidence": {"trail": trail.arn, "eventSelectors": trail.eventSelectors, "advancedEventSelectors": trail.advancedEventSelectors},
		"fix": sprintf("In account %s: aws cloudtrail put-event-selectors --region %s --trail-name %s --advanced-event-selectors '[<its data event selectors only>]', or aws cloudtrail delete-trail --region %s --name %s", [trail.accountId, trail.homeRegion, trail.arn, trail.homeRegion, trail.arn]),
		"severity": "low",
	})
}

unknown contains finding if {
	some trail in member_trails
	selectors.mode(selector_shape(trail)) == "unknown"
	errors := snapshot.resource_errors("cloudtrail", trail.arn)
	finding := object.union(snapshot.trail_subject(trail), {
		"message": sprintf("The event selectors of trail %s of member account %s could not be read, so whether it duplicates the organization trail is unknown.", [trail.name, trail.accountId]),
		"evidence": {"errors": errors},
	})
}

unknown contains finding if {
	some account_id in unlisted_member_accounts
	errors := [e | some e in input.errors; e.accountId == account_id]
	finding := object.union(organization.account_subject(account_id), {
		"message": sprintf("The trails of member account %s could not be listed (%s), so whether one writes into the organization's log bucket is unknown.", [account_id, snapshot.describe_errors(errors)]),
		"evidence": {"errors": errors},
	})
}

# Without the organization trail its bucket and selectors are unknown, so a conflict is too.
unknown contains finding if {
	snapshot.org_trails_unseen
	some trail in member_trails
	finding := object.union(snapshot.trail_subject(trail), {
		"message": sprintf("No organization trail was seen because the trails of management account %s could not all be listed, so whether trail %s conflicts with it is unknown.", [snapshot.management_account_id, trail.name]),
		"evidence": {"errors": snapshot.management_trail_list_errors},
	})
}

# Accounts missing from the snapshot were not scanned for trails at all.
subjects contains snapshot.organization_subject if not organization.accounts_complete

unknown contains organization.unlisted_accounts_finding("whether a member trail writes into the organization's log bucket")

unknown contains finding if {
	not organization.known
	finding := object.union(snapshot.organization_subject, {
		"message": "The organization could not be read, so its member accounts were not scanned for trails.",
		"evidence": {"errors": organization.errors},
	})
}

# What decides whether a trail duplicates the organization trail. Member trails usually share a few
# shapes, so the judgement is made once per shape (OPA memoizes duplicated_kinds), not once per trail.
selector_shape(trail) := {
	"eventSelectors": trail.eventSelectors,
	"advancedEventSelectors": trail.advancedEventSelectors,
	"isMultiRegionTrail": trail.isMultiRegionTrail,
	"homeRegion": trail.homeRegion,
}

duplicated_kinds(shape) := [rw | some rw in ["read", "write"]; duplicates(shape, rw)]

duplicates(trail, rw) if {
	selectors.records_management(trail, rw)
	some org_trail in snapshot.org_trails
	selectors.records_management(org_trail, rw)
	regions_overlap(trail, org_trail)
}

regions_overlap(a, _) if a.isMultiRegionTrail == true

regions_overlap(_, b) if b.isMultiRegionTrail == true

regions_overlap(a, b) if a.homeRegion == b.homeRegion
