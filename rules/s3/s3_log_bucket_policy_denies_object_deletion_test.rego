package trailwarden.rules.s3_log_bucket_policy_denies_object_deletion_test

import data.trailwarden.lib.test as fx
import data.trailwarden.rules.s3_log_bucket_policy_denies_object_deletion as rule

deny_deletion := fx.statement("DenyLogDeletion")

others := [fx.statement("AWSCloudTrailAclCheck"), fx.statement("AWSCloudTrailWrite"), fx.statement("DenyInsecureTransport")]

with_deny(statements) := fx.with_policy_statements(array.concat(others, statements))

test_pass_explicit_deny_for_everyone if {
	rule.subjects == {{"resource": fx.bucket_arn, "accountId": fx.logging_account, "region": "us-east-1"}} with input as fx.compliant
	count(rule.deny) == 0 with input as fx.compliant
	count(rule.unknown) == 0 with input as fx.compliant
}

test_pass_principal_aws_star_and_wildcard_action if {
	statement := object.union(deny_deletion, {"Principal": {"AWS": "*"}, "Action": "s3:Delete*"})
	count(rule.deny) == 0 with input as with_deny([statement])
}

test_pass_split_statements_and_prefix_resource if {
	one := object.union(deny_deletion, {"Action": "s3:DeleteObject", "Resource": sprintf("%s/AWSLogs/*", [fx.bucket_arn])})
	two := object.union(deny_deletion, {"Sid": "Versions", "Action": "s3:DeleteObjectVersion"})
	count(rule.deny) == 0 with input as with_deny([one, two])
}

test_pass_break_glass_exemption_still_protects if {
	by_condition := object.union(deny_deletion, {"Condition": {"ArnNotLike": {"aws:PrincipalArn": "arn:aws:iam::222222222222:role/BreakGlass"}}})
	count(rule.deny) == 0 with input as with_deny([by_condition])
	by_not_principal := object.union(object.remove(deny_deletion, ["Principal"]), {"NotPrincipal": {"AWS": "arn:aws:iam::222222222222:role/BreakGlass"}})
	count(rule.deny) == 0 with input as with_deny([by_not_principal])
}

test_fail_no_deny if {
	some f in rule.deny with input as with_deny([])
	startswith(f.message, "The policy of log bucket acme-org-cloudtrail-logs does not deny s3:DeleteObject and s3:DeleteObjectVersion on the log objects to every principal: for an ordinary principal of account 222222222222 it is s3:DeleteObject implicitly denied")
	contains(f.fix, "\"Action\": [\"s3:DeleteObject\", \"s3:DeleteObjectVersion\"]")
}

test_fail_versions_not_denied if {
	some f in rule.deny with input as with_deny([object.union(deny_deletion, {"Action": "s3:DeleteObject"})])
	contains(f.message, "does not deny s3:DeleteObjectVersion on")
}

# A Deny naming the bucket's account stops all its principals; others have no grant to delete with.
test_pass_deny_for_own_account if {
	count(rule.deny) == 0 with input as with_deny([object.union(deny_deletion, {"Principal": {"AWS": "arn:aws:iam::222222222222:root"}})])
}

test_fail_deny_for_another_account_only if {
	count(rule.deny) == 1 with input as with_deny([object.union(deny_deletion, {"Principal": {"AWS": "arn:aws:iam::333333333333:root"}})])
}

test_fail_condition_exempts_everyone if {
	every_role := object.union(deny_deletion, {"Condition": {"ArnNotLike": {"aws:PrincipalArn": "arn:aws:iam::*:role/*"}}})
	count(rule.deny) == 1 with input as with_deny([every_role])
	without_mfa_only := object.union(deny_deletion, {"Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}}})
	count(rule.deny) == 1 with input as with_deny([without_mfa_only])
	own_account_exempt := object.union(deny_deletion, {"Condition": {"StringNotEquals": {"aws:PrincipalAccount": fx.logging_account}}})
	count(rule.deny) == 1 with input as with_deny([own_account_exempt])
}

test_fail_insecure_transport_deny_is_not_deletion_protection if {
	count(rule.deny) == 1 with input as with_deny([])
}

test_fail_deny_misses_the_key_prefix if {
	prefixed := fx.with_trail({"s3KeyPrefix": "org"})
	narrow := object.union(deny_deletion, {"Resource": sprintf("%s/AWSLogs/*", [fx.bucket_arn])})
	count(rule.deny) == 1 with input as object.union(prefixed, {"buckets": {fx.bucket: object.union(fx.log_bucket, {"policy": {"Statement": array.concat(others, [narrow])}})}})
}

test_fail_no_policy if {
	count(rule.deny) == 1 with input as fx.with_bucket({"policy": null})
}

test_unknown_policy_unreadable if {
	unread := fx.with_error(fx.error("s3", "GetBucketPolicy", fx.logging_account, fx.bucket))
	count(rule.deny) == 0 with input as unread
	some f in rule.unknown with input as unread
	contains(f.message, "GetBucketPolicy")
}
