package trailwarden.rules.cloudtrail_org_trail_multi_region_enabled_test

import data.trailwarden.lib.test as fx
import data.trailwarden.rules.cloudtrail_org_trail_multi_region_enabled as rule

test_pass_multi_region if {
	count(rule.subjects) == 1 with input as fx.compliant
	count(rule.deny) == 0 with input as fx.compliant
}

test_fail_single_region if {
	some f in rule.deny with input as fx.with_trail({"isMultiRegionTrail": false})
	f.resource == fx.trail_arn
	f.evidence == {"isMultiRegionTrail": false}
}

test_unknown_never_for_a_seen_trail if {
	count(rule.unknown) == 0 with input as fx.with_trail({"isMultiRegionTrail": false})
}

test_pass_no_subjects_without_org_trail if {
	count(rule.subjects) == 0 with input as fx.with_trail({"isOrganizationTrail": false})
}
