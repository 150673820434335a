package trailwarden.rules.cloudtrail_org_trail_logging_test

import data.trailwarden.lib.test as fx
import data.trailwarden.rules.cloudtrail_org_trail_logging as rule

status := fx.org_trail.status

test_pass_logging_without_errors if {
	count(rule.subjects) == 1 with input as fx.compliant
	count(rule.deny) == 0 with input as fx.compliant
	count(rule.unknown) == 0 with input as fx.compliant
}

test_fail_stopped if {
	stopped := fx.with_trail({"status": object.union(status, {"isLogging": false, "stopLoggingTime": "2026-11-20T10:00:00Z"})})
	some f in rule.deny with input as stopped
	contains(f.message, "is not logging")
	contains(f.message, "2026-11-20T10:00:00Z")
}

test_fail_delivery_error if {
	failing := fx.with_trail({"status": object.union(status, {"latestDeliveryError": "AccessDenied"})})
	some f in rule.deny with input as failing
	contains(f.message, "fails to deliver logs")
	contains(f.message, "AccessDenied")
}

test_pass_empty_delivery_error if {
	count(rule.deny) == 0 with input as fx.with_trail({"status": object.union(status, {"latestDeliveryError": ""})})
}

test_unknown_status_unreadable if {
	unread := object.union(fx.with_trail({"status": null}), {"errors": [{
		"service": "cloudtrail", "operation": "GetTrailStatus", "accountId": fx.management_account,
		"region": "us-east-1", "code": "AccessDeniedException", "message": "denied", "resource": fx.trail_arn,
	}]})
	count(rule.deny) == 0 with input as unread
	some f in rule.unknown with input as unread
	contains(f.message, "GetTrailStatus")
}

test_unknown_status_missing_without_error if {
	some f in rule.unknown with input as fx.with_trail({"status": null})
	endswith(f.message, "could not be read.")
}
