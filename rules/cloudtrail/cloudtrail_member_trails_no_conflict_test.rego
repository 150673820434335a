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

test_unknown_member_account_role_not_assumable if {
	denied := fx.with_error({
		"service": "sts", "operation": "AssumeRole", "accountId": fx.logging_account, "region": "us-east-1",
		"code": "AccessDenied", "message": "not authorized", "resource": "arn:aws:iam::222222222222:role/OrganizationAccountAccessRole",
	})
	some f in rule.unknown with input as denied
	f.accountId == fx.logging_account
	contains(f.message, "sts AssumeRole")
	count(rule.deny) == 0 with input as denied
	some s in rule.subjects with input as denied
	s.resource == f.resource
}

test_unknown_member_account_trails_unlisted_in_a_region if {
	unlisted := fx.with_error({
		"service": "cloudtrail", "operation": "DescribeTrails", "accountId": fx.logging_account, "region": "eu-west-1",
		"code": "UnrecognizedClientException", "message": "region disabled", "resource": null,
	})
	count(rule.unknown) == 1 with input as unlisted
}

test_pass_management_account_errors_are_not_member_unknowns if {
	mgmt := fx.with_error({
		"service": "cloudtrail", "operation": "DescribeTrails", "accountId": fx.management_account, "region": "eu-west-1",
		"code": "Throttling", "message": "slow down", "resource": null,
	})
	count(rule.unknown) == 0 with input as mgmt
}
