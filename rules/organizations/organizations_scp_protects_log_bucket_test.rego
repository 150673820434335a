package trailwarden.rules.organizations_scp_protects_log_bucket_test

import data.trailwarden.lib.test as fx
import data.trailwarden.rules.organizations_scp_protects_log_bucket as rule

protect := fx.protect_log_bucket_scp

statement := protect.document.Statement[0]

scp_with(changes) := object.union(protect, {"document": {"Version": "2012-10-17", "Statement": [fx.replaced(statement, changes)]}})

scps(list) := fx.with_scps(array.concat(list, [fx.protect_cloudtrail_scp, fx.full_aws_access_scp]))

test_pass_scp_with_named_security_role if {
	rule.subjects == {{"resource": fx.bucket_arn, "accountId": fx.logging_account, "region": "us-east-1"}} with input as fx.compliant
	count(rule.deny) == 0 with input as fx.compliant
	count(rule.unknown) == 0 with input as fx.compliant
}

test_pass_no_exemption_and_wildcard_actions if {
	count(rule.deny) == 0 with input as scps([scp_with({"Condition": {}})])
	count(rule.deny) == 0 with input as scps([scp_with({"Action": ["s3:DeleteBucket*", "s3:PutBucketPolicy", "s3:PutLifecycleConfiguration"], "Resource": "arn:aws:s3:::acme-org-*"})])
}

test_pass_exempt_role_patterns_from_config if {
	admin := scp_with({"Condition": {"ArnNotLike": {"aws:PrincipalArn": "arn:aws:iam::222222222222:role/LogAdmin"}}})
	count(rule.deny) == 1 with input as scps([admin])
	count(rule.deny) == 0 with input as scps([admin]) with data.trailwarden.params.organizations_scp_protects_log_bucket as {"exempt_role_patterns": ["arn:aws:iam::*:role/LogAdmin"]}
}

test_fail_no_scp if {
	some f in rule.deny with input as scps([])
	f.message == "No SCP reaching account 222222222222 denies s3:DeleteBucket, s3:PutBucketPolicy, s3:DeleteBucketPolicy, s3:PutLifecycleConfiguration on log bucket acme-org-cloudtrail-logs to all but a named security role."
	contains(f.fix, "\"Resource\": \"arn:aws:s3:::acme-org-cloudtrail-logs\"")
	contains(f.fix, "--target-id 222222222222")
}

test_fail_scp_attached_elsewhere if {
	count(rule.deny) == 1 with input as scps([object.union(protect, {"targets": [fx.workloads_ou]})])
}

test_fail_lifecycle_not_denied if {
	some f in rule.deny with input as scps([scp_with({"Action": ["s3:DeleteBucket", "s3:PutBucketPolicy", "s3:DeleteBucketPolicy"]})])
	f.evidence.missing == ["s3:PutLifecycleConfiguration"]
}

test_fail_exemption_of_an_unnamed_role if {
	admin := scp_with({"Condition": {"ArnNotLike": {"aws:PrincipalArn": ["arn:aws:iam::*:role/SecurityBreakGlass", "arn:aws:iam::*:role/Admin"]}}})
	some f in rule.deny with input as scps([admin])
	contains(f.message, "(statement ProtectLogBucket of SCP protect-log-archive (p-protectlogs01) exempts arn:aws:iam::*:role/Admin, not a named security role)")
}

test_fail_exemption_by_tag if {
	by_tag := scp_with({"Condition": {"StringNotEquals": {"aws:PrincipalTag/team": "security"}}})
	some f in rule.deny with input as scps([by_tag])
	contains(f.message, "exempts aws:principaltag/team security")
}

test_fail_exemption_of_every_role if {
	count(rule.deny) == 1 with input as scps([scp_with({"Condition": {"ArnNotLike": {"aws:PrincipalArn": "arn:aws:iam::*:role/*"}}})])
}

test_fail_bucket_in_management_account if {
	some f in rule.deny with input as fx.with_bucket({"accountId": fx.management_account})
	f.message == "Log bucket acme-org-cloudtrail-logs is in the management account, where no SCP applies."
	count(rule.deny) == 1 with input as fx.with_bucket({"accountId": fx.management_account})
}

test_fail_scps_not_enabled if {
	some f in rule.deny with input as fx.with_organization({"featureSet": "CONSOLIDATED_BILLING"})
	contains(f.message, "service control policies are not enabled")
}

test_pass_uncollected_bucket_judged_in_the_logging_account if {
	missing := object.union(object.remove(fx.compliant, ["buckets"]), {"buckets": {}})
	count(rule.deny) == 0 with input as missing
	count(rule.unknown) == 0 with input as missing
}

test_unknown_bucket_owner_unknown if {
	missing := object.union(object.remove(fx.with_scope({"loggingAccountId": null}), ["buckets"]), {"buckets": {}})
	some f in rule.unknown with input as missing
	contains(f.message, "the account to protect is unknown")
}

test_unknown_organization_unreadable if {
	unread := object.union(fx.compliant, {"organization": null})
	count(rule.deny) == 0 with input as unread
	count(rule.unknown) == 1 with input as unread
}

test_unknown_scps_unreadable if {
	broken := object.union(scps([]), {"errors": [fx.error("organizations", "DescribePolicy", fx.management_account, null)]})
	count(rule.deny) == 0 with input as broken
	some f in rule.unknown with input as broken
	contains(f.message, "The SCPs could not all be read")
}

test_fail_exemption_by_user_id if {
	by_user := scp_with({"Condition": {"StringNotLike": {"aws:userid": "AROAEXAMPLE:*"}}})
	some f in rule.deny with input as scps([by_user])
	contains(f.message, "exempts aws:userid AROAEXAMPLE:*")
}
