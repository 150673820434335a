package trailwarden.rules.cloudtrail_member_trails_no_conflict_test

import data.trailwarden.lib.test as fx
import data.trailwarden.rules.cloudtrail_member_trails_no_conflict as rule

with_member(changes) := object.union(fx.compliant, {"trails": [fx.org_trail, object.union(fx.member_trail, changes)]})

management_only := [{"readWriteType": "All", "includeManagementEvents": true, "dataResources": [], "excludeManagementEventSources": []}]

test_pass_no_member_trails_no_subjects if {
	count(rule.subjects) == 0 with input as fx.compliant
}

test_pass_member_trail_with_own_bucket_and_data_events_only if {
	rule.subjects == {{"resource": fx.member_trail.arn, "accountId": fx.development_account, "region": "eu-west-1"}} with input as with_member({})
	count(rule.deny) == 0 with input as with_member({})
	count(rule.unknown) == 0 with input as with_member({})
}

test_pass_no_overlapping_region if {
	single := object.union(fx.compliant, {"trails": [object.union(fx.org_trail, {"isMultiRegionTrail": false}), object.union(fx.member_trail, {"eventSelectors": management_only})]})
	count(rule.deny) == 0 with input as single
}

test_fail_member_trail_writes_into_org_bucket if {
	some f in rule.deny with input as with_member({"s3BucketName": fx.bucket})
	f.message == "Trail dev-debug of member account 444444444444 writes into the organization's log bucket acme-org-cloudtrail-logs."
	not f.severity
	contains(f.fix, "aws cloudtrail update-trail --region eu-west-1")
}

test_fail_duplicate_management_events_is_low if {
	some f in rule.deny with input as with_member({"eventSelectors": management_only})
	f.message == "Trail dev-debug of member account 444444444444 records read and write management events the organization trail already records; the extra copy is charged."
	f.severity == "low"
}

test_fail_duplicate_write_events_in_home_region if {
	writes := [object.union(management_only[0], {"readWriteType": "WriteOnly"})]
	same_region := object.union(fx.compliant, {"trails": [object.union(fx.org_trail, {"isMultiRegionTrail": false}), object.union(fx.member_trail, {"homeRegion": "us-east-1", "eventSelectors": writes})]})
	some f in rule.deny with input as same_region
	contains(f.message, "records write management events")
}

test_fail_both_problems if {
	count(rule.deny) == 2 with input as with_member({"s3BucketName": fx.bucket, "eventSelectors": management_only})
}

test_unknown_member_selectors_unreadable if {
	unread := with_member({"eventSelectors": null, "advancedEventSelectors": null})
	count(rule.deny) == 0 with input as unread
	some f in rule.unknown with input as unread
	contains(f.message, "could not be read, so whether it duplicates the organization trail is unknown")
}

test_fail_multi_region_member_trail_overlaps_a_single_region_org_trail if {
	overlapping := object.union(fx.compliant, {"trails": [object.union(fx.org_trail, {"isMultiRegionTrail": false}), object.union(fx.member_trail, {"isMultiRegionTrail": true, "eventSelectors": management_only})]})
	some f in rule.deny with input as overlapping
	f.severity == "low"
}
