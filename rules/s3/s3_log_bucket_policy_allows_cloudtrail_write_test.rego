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
	statement := fx.replaced(write, {"Condition": {"StringEquals": {"S3:X-Amz-Acl": ["bucket-owner-full-control"], "AWS:SourceArn": fx.trail_arn}}})
	count(rule.deny) == 0 with input as fx.with_policy_statements([acl_check, statement])
}

test_pass_key_prefix if {
	prefixed := object.union(fx.with_trail({"s3KeyPrefix": "org"}), {"buckets": {fx.bucket: object.union(fx.log_bucket, {"policy": {"Statement": [object.union(write, {"Resource": sprintf("%s/org/AWSLogs/*", [bucket_arn])})]}})}})
	count(rule.deny) == 0 with input as prefixed
}

test_fail_key_prefix_not_granted if {
	some f in rule.deny with input as fx.with_trail({"s3KeyPrefix": "org"})
	contains(f.message, "/org/AWSLogs/111111111111/CloudTrail/")
}

test_fail_organization_prefix_missing if {
	statement := object.union(write, {"Resource": sprintf("%s/AWSLogs/%s/*", [bucket_arn, fx.management_account])})
	some f in rule.deny with input as fx.with_policy_statements([acl_check, statement])
	[d.object | some d in f.evidence.refused] == [sprintf("%s/AWSLogs/%s/CloudTrail/us-east-1/2026/01/01/log.json.gz", [bucket_arn, fx.org_id])]
}

test_fail_without_acl_condition if {
	statement := fx.replaced(write, {"Condition": {"StringEquals": {"aws:SourceArn": fx.trail_arn}}})
	some f in rule.deny with input as fx.with_policy_statements([acl_check, statement])
	contains(f.message, "without requiring s3:x-amz-acl = bucket-owner-full-control")
	f.evidence.writes == ["statement AWSCloudTrailWrite of the bucket policy"]
	count(rule.deny) == 1 with input as fx.with_policy_statements([acl_check, statement])
}

test_fail_condition_allows_other_acl if {
	statement := fx.replaced(write, {"Condition": {"StringEquals": {"s3:x-amz-acl": ["bucket-owner-full-control", "public-read"], "aws:SourceArn": fx.trail_arn}}})
	count(rule.deny) == 1 with input as fx.with_policy_statements([acl_check, statement])
}

test_fail_not_action_excludes_put if {
	statement := object.union(object.remove(write, ["Action"]), {"NotAction": "s3:Put*"})
	count(rule.deny) == 1 with input as fx.with_policy_statements([acl_check, statement])
}

test_fail_no_policy if {
	some f in rule.deny with input as fx.with_bucket({"policy": null})
	count(f.evidence.refused) == 2
}

test_unknown_policy_unreadable if {
	unread := object.union(fx.compliant, {"errors": [{
		"service": "s3", "operation": "GetBucketPolicy", "accountId": fx.logging_account, "region": "us-east-1",
		"code": "AccessDenied", "message": "denied", "resource": fx.bucket,
	}]})
	count(rule.deny) == 0 with input as unread
	count(rule.unknown) == 1 with input as unread
}

test_pass_scoped_by_source_account_or_arn_pattern if {
	by_account := fx.replaced(write, {"Condition": {"StringEquals": {"s3:x-amz-acl": "bucket-owner-full-control", "aws:SourceAccount": fx.management_account}}})
	count(rule.deny) == 0 with input as fx.with_policy_statements([acl_check, by_account])
	by_pattern := fx.replaced(write, {"Condition": {"StringEquals": {"s3:x-amz-acl": "bucket-owner-full-control"}, "ArnLike": {"aws:SourceArn": "arn:aws:cloudtrail:*:111111111111:trail/*"}}})
	count(rule.deny) == 0 with input as fx.with_policy_statements([acl_check, by_pattern])
}

test_fail_not_scoped_to_the_trail_is_low if {
	statement := fx.replaced(write, {"Condition": {"StringEquals": {"s3:x-amz-acl": "bucket-owner-full-control"}}})
	some f in rule.deny with input as fx.with_policy_statements([acl_check, statement])
	f.message == sprintf("The policy of log bucket acme-org-cloudtrail-logs lets cloudtrail.amazonaws.com write for a trail of any account, not only %s (statement AWSCloudTrailWrite of the bucket policy): no aws:SourceArn or aws:SourceAccount condition names the organization trail.", [fx.trail_arn])
	f.severity == "low"
	f.fix == sprintf("Add \"aws:SourceArn\": \"%s\" to the StringEquals condition of those statements.", [fx.trail_arn])
	count(rule.deny) == 1 with input as fx.with_policy_statements([acl_check, statement])
}

test_fail_source_arn_wildcard_does_not_scope if {
	statement := fx.replaced(write, {"Condition": {"StringEquals": {"s3:x-amz-acl": "bucket-owner-full-control"}, "StringLike": {"aws:SourceArn": "*"}}})
	some f in rule.deny with input as fx.with_policy_statements([acl_check, statement])
	f.severity == "low"
}

test_fail_no_condition_at_all_is_two_findings if {
	statement := object.remove(write, ["Condition"])
	{object.get(f, "severity", "high") | some f in rule.deny} == {"high", "low"} with input as fx.with_policy_statements([acl_check, statement])
}
