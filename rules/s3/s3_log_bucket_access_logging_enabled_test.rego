package trailwarden.rules.s3_log_bucket_access_logging_enabled_test

import data.trailwarden.lib.test as fx
import data.trailwarden.rules.s3_log_bucket_access_logging_enabled as rule

test_pass_logging_to_another_bucket if {
	count(rule.subjects) == 1 with input as fx.compliant
	count(rule.deny) == 0 with input as fx.compliant
	count(rule.unknown) == 0 with input as fx.compliant
}

test_fail_logging_off if {
	some f in rule.deny with input as fx.with_bucket({"logging": null})
	f.message == "Log bucket acme-org-cloudtrail-logs does not record server access logs."
	contains(f.fix, "aws s3api put-bucket-logging --bucket acme-org-cloudtrail-logs")
}

test_fail_logging_into_itself if {
	some f in rule.deny with input as fx.with_bucket({"logging": {"targetBucket": fx.bucket, "targetPrefix": "access/"}})
	f.message == "Log bucket acme-org-cloudtrail-logs records server access logs into itself."
}

test_unknown_logging_unreadable if {
	unread := fx.with_error(fx.error("s3", "GetBucketLogging", fx.logging_account, fx.bucket))
	count(rule.deny) == 0 with input as unread
	some f in rule.unknown with input as unread
	contains(f.message, "GetBucketLogging")
}
