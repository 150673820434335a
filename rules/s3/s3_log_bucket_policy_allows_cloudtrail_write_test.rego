package trailwarden.rules.s3_log_bucket_policy_allows_cloudtrail_write_test

import data.trailwarden.lib.test as fx
import data.trailwarden.rules.s3_log_bucket_policy_allows_cloudtrail_write as rule

bucket_arn := sprintf("arn:aws:s3:::%s", [fx.bucket])

write := fx.statement("AWSCloudTrailWrite")

acl_check := fx.statement("AWSCloudTrailAclCheck")

test_pass_both_prefixes_with_acl_condition if {
	count(rule.subjects) == 1 with input as fx.compliant
	count(rule.deny) == 0 with input as fx.compliant
	count(rule.unknown) == 0 with input as fx.compliant
}

test_pass_one_wildcard_resource if {
	statement := object.union(write, {"Resource": sprintf("%s/AWSLogs/*", [bucket_arn])})
	count(rule.deny) == 0 with input as fx.with_policy_statements([acl_check, statement])
}

test_pass_condition_key_in_other_case if {
	statement := object.union(write, {"Condition": {"StringEquals": {"S3:X-Amz-Acl": ["bucket-owner-full-control"]}}})
	count(rule.deny) == 0 with input as fx.with_policy_statements([acl_check, statement])
}

test_pass_key_prefix if {
	prefixed := object.union(fx.with_trail({"s3KeyPrefix": "org"}), {"buckets": {fx.bucket: object.union(fx.log_bucket, {"policy": {"Statement": [object.union(write, {"Resource": sprintf("%s/org/AWSLogs/*", [bucket_arn])})]}})}})
	count(rule.deny) == 0 with input as prefixed
}

test_fail_key_prefix_not_granted if {
	some f in rule.deny with input as fx.with_trail({"s3KeyPrefix": "org"})
	contains(f.message, "/org/AWSLogs/111111111111/*")
}

test_fail_organization_prefix_missing if {
	statement := object.union(write, {"Resource": sprintf("%s/AWSLogs/%s/*", [bucket_arn, fx.management_account])})
	some f in rule.deny with input as fx.with_policy_statements([acl_check, statement])
	f.evidence.missing == [sprintf("%s/AWSLogs/%s/", [bucket_arn, fx.org_id])]
}

test_fail_without_acl_condition if {
	statement := object.remove(write, ["Condition"])
	some f in rule.deny with input as fx.with_policy_statements([acl_check, statement])
	contains(f.message, "without requiring s3:x-amz-acl = bucket-owner-full-control")
	count(f.evidence.writes) == 2
	count(rule.deny) == 1 with input as fx.with_policy_statements([acl_check, statement])
}

test_fail_condition_allows_other_acl if {
	statement := object.union(write, {"Condition": {"StringEquals": {"s3:x-amz-acl": ["bucket-owner-full-control", "public-read"]}}})
	count(rule.deny) == 1 with input as fx.with_policy_statements([acl_check, statement])
}

test_fail_not_action_excludes_put if {
	statement := object.union(object.remove(write, ["Action"]), {"NotAction": "s3:Put*"})
	count(rule.deny) == 1 with input as fx.with_policy_statements([acl_check, statement])
}

test_fail_no_policy if {
	some f in rule.deny with input as fx.with_bucket({"policy": null})
	count(f.evidence.missing) == 2
}

test_unknown_policy_unreadable if {
	unread := object.union(fx.compliant, {"errors": [{
		"service": "s3", "operation": "GetBucketPolicy", "accountId": fx.logging_account, "region": "us-east-1",
		"code": "AccessDenied", "message": "denied", "resource": fx.bucket,
	}]})
	count(rule.deny) == 0 with input as unread
	count(rule.unknown) == 1 with input as unread
}
