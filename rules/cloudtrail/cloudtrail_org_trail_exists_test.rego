package trailwarden.rules.cloudtrail_org_trail_exists_test

import data.trailwarden.lib.test as fx
import data.trailwarden.rules.cloudtrail_org_trail_exists as rule

organization_arn := fx.compliant.organization.arn

test_pass_org_trail_in_management_account if {
	rule.subjects == {{"resource": organization_arn, "accountId": fx.management_account, "region": "global"}} with input as fx.compliant
	count(rule.deny) == 0 with input as fx.compliant
	count(rule.unknown) == 0 with input as fx.compliant
}

test_fail_no_trails if {
	some f in rule.deny with input as object.union(fx.compliant, {"trails": []})
	f.resource == organization_arn
	contains(f.message, "No organization trail")
}

test_fail_only_a_single_account_trail if {
	count(rule.deny) == 1 with input as fx.with_trail({"isOrganizationTrail": false})
}

test_fail_org_trail_owned_by_a_member_account if {
	count(rule.deny) == 1 with input as fx.with_trail({"accountId": fx.logging_account})
}

test_unknown_cloudtrail_unreadable if {
	broken := object.union(fx.compliant, {
		"trails": [],
		"errors": [{"service": "cloudtrail", "operation": "DescribeTrails", "accountId": fx.management_account, "region": "us-east-1", "code": "AccessDeniedException", "message": "denied"}],
	})
	count(rule.deny) == 0 with input as broken
	some f in rule.unknown with input as broken
	contains(f.message, "AccessDeniedException")
}

test_pass_trail_seen_despite_errors_elsewhere if {
	seen := fx.with_error({"service": "cloudtrail", "operation": "DescribeTrails", "accountId": fx.management_account, "region": "eu-west-1", "code": "Throttling", "message": "slow down"})
	count(rule.unknown) == 0 with input as seen
	count(rule.deny) == 0 with input as seen
}

test_pass_subject_without_organization if {
	no_org := object.union(fx.compliant, {"organization": null})
	some s in rule.subjects with input as no_org
	s.resource == "arn:aws:organizations::111111111111:organization/unknown"
	count(rule.deny) == 0 with input as no_org
}
