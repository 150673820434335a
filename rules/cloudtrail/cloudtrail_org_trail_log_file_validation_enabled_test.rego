package trailwarden.rules.cloudtrail_org_trail_log_file_validation_enabled_test

import data.trailwarden.lib.test as fx
import data.trailwarden.rules.cloudtrail_org_trail_log_file_validation_enabled as rule

test_pass_validation_enabled if {
	count(rule.subjects) == 1 with input as fx.compliant
	count(rule.deny) == 0 with input as fx.compliant
}

test_fail_validation_disabled if {
	some f in rule.deny with input as fx.with_trail({"logFileValidationEnabled": false})
	f.resource == fx.trail_arn
	contains(f.fix, "--enable-log-file-validation")
}

test_unknown_never_for_a_seen_trail if {
	count(rule.unknown) == 0 with input as fx.with_trail({"logFileValidationEnabled": false})
}
