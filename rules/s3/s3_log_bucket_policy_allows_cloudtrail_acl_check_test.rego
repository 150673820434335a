package trailwarden.rules.s3_log_bucket_policy_allows_cloudtrail_acl_check_test

import data.trailwarden.lib.test as fx
import data.trailwarden.rules.s3_log_bucket_policy_allows_cloudtrail_acl_check as rule

bucket_arn := sprintf("arn:aws:s3:::%s", [fx.bucket])

test_pass_acl_check_granted if {
	rule.subjects == {{"resource": bucket_arn, "accountId": fx.logging_account, "region": "us-east-1"}} with input as fx.compliant
	count(rule.deny) == 0 with input as fx.compliant
	count(rule.unknown) == 0 with input as fx.compliant
}

test_pass_wildcard_action_and_principal_list if {
	statement := object.union(fx.statement("AWSCloudTrailAclCheck"), {"Action": ["s3:Get*"], "Principal": {"Service": ["config.amazonaws.com", "cloudtrail.amazonaws.com"]}})
	count(rule.deny) == 0 with input as fx.with_policy_statements([statement])
}

test_fail_statement_missing if {
	some f in rule.deny with input as fx.with_policy_statements([fx.statement("AWSCloudTrailWrite")])
	f.resource == bucket_arn
	contains(f.message, "s3:GetBucketAcl")
}

test_fail_grant_on_objects_only if {
	statement := object.union(fx.statement("AWSCloudTrailAclCheck"), {"Resource": sprintf("%s/*", [bucket_arn])})
	count(rule.deny) == 1 with input as fx.with_policy_statements([statement])
}

test_fail_grant_to_another_service if {
	statement := object.union(fx.statement("AWSCloudTrailAclCheck"), {"Principal": {"Service": "config.amazonaws.com"}})
	count(rule.deny) == 1 with input as fx.with_policy_statements([statement])
}

test_fail_no_policy if {
	count(rule.deny) == 1 with input as fx.with_bucket({"policy": null})
	count(rule.unknown) == 0 with input as fx.with_bucket({"policy": null})
}

test_unknown_policy_unreadable if {
	unread := object.union(fx.with_bucket({"policy": null}), {"errors": [{
		"service": "s3", "operation": "GetBucketPolicy", "accountId": fx.logging_account, "region": "us-east-1",
		"code": "AccessDenied", "message": "denied", "resource": fx.bucket,
	}]})
	count(rule.deny) == 0 with input as unread
	some f in rule.unknown with input as unread
	contains(f.message, "GetBucketPolicy")
}

test_unknown_bucket_not_collected if {
	missing := object.union(object.remove(fx.compliant, ["buckets"]), {"buckets": {}})
	some f in rule.unknown with input as missing
	contains(f.message, "was not collected")
	some s in rule.subjects with input as missing
	s.accountId == ""
}
