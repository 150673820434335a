package trailwarden.rules.s3_log_bucket_not_public_test

import data.trailwarden.lib.test as fx
import data.trailwarden.rules.s3_log_bucket_not_public as rule

# A block with the named settings off.
off(settings) := object.union(fx.all_blocked, {s: false | some s in settings})

statements := fx.bucket_policy.Statement

public_read := {"Sid": "PublicRead", "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": sprintf("%s/*", [fx.bucket_arn])}

acl(grants) := {"owner": "abc", "grants": grants}

grant(uri) := {"granteeType": "Group", "granteeId": null, "granteeUri": uri, "permission": "READ"}

test_pass_blocked_private_policy_no_acl if {
	count(rule.subjects) == 1 with input as fx.compliant
	count(rule.deny) == 0 with input as fx.compliant
	count(rule.unknown) == 0 with input as fx.compliant
}

test_pass_each_setting_on_the_bucket_or_the_account if {
	split := fx.with_bucket({
		"publicAccessBlock": off(["blockPublicPolicy", "restrictPublicBuckets"]),
		"accountPublicAccessBlock": off(["blockPublicAcls", "ignorePublicAcls"]),
	})
	count(rule.deny) == 0 with input as split
}

test_pass_owner_only_acl_and_restricted_statement if {
	org_only := object.union(public_read, {"Condition": {"StringEquals": {"aws:PrincipalOrgID": fx.org_id}}})
	private := fx.with_bucket({
		"policy": {"Statement": array.concat(statements, [org_only])},
		"acl": acl([{"granteeType": "CanonicalUser", "granteeId": "abc", "granteeUri": null, "permission": "FULL_CONTROL"}]),
	})
	count(rule.deny) == 0 with input as private
}

test_fail_block_public_access_off if {
	some f in rule.deny with input as fx.with_bucket({"publicAccessBlock": off(["blockPublicPolicy", "restrictPublicBuckets"])})
	f.message == "Log bucket acme-org-cloudtrail-logs has Block Public Access off for blockPublicPolicy, restrictPublicBuckets (on neither the bucket nor account 222222222222)."
	contains(f.fix, "aws s3api put-public-access-block --bucket acme-org-cloudtrail-logs")
}

test_fail_no_blocks_at_all if {
	some f in rule.deny with input as fx.with_bucket({"publicAccessBlock": null})
	contains(f.message, "blockPublicAcls, ignorePublicAcls, blockPublicPolicy, restrictPublicBuckets")
}

test_fail_public_policy_statement if {
	public := fx.with_bucket({"policy": {"Statement": array.concat(statements, [public_read])}})
	some f in rule.deny with input as public
	f.message == "The policy of log bucket acme-org-cloudtrail-logs allows everyone without a condition that keeps outsiders out: s3:GetObject by an anonymous caller, s3:GetObject by another organization (statement PublicRead of the bucket policy)."
	contains(f.fix, "aws:PrincipalOrgID\": \"o-a1b2c3d4e5\"")
}

test_fail_public_aws_star_with_weak_condition if {
	weak := object.union(public_read, {"Principal": {"AWS": ["*"]}, "Condition": {"Bool": {"aws:SecureTransport": "true"}}})
	count(rule.deny) == 1 with input as fx.with_bucket({"policy": {"Statement": array.concat(statements, [weak])}})
}

test_fail_public_acl_grants if {
	some f in rule.deny with input as fx.with_bucket({"acl": acl([grant("http://acs.amazonaws.com/groups/global/AllUsers"), grant("http://acs.amazonaws.com/groups/global/AuthenticatedUsers")])})
	f.message == "The ACL of log bucket acme-org-cloudtrail-logs grants READ to http://acs.amazonaws.com/groups/global/AllUsers, READ to http://acs.amazonaws.com/groups/global/AuthenticatedUsers."
}

test_pass_log_delivery_group_is_not_public if {
	count(rule.deny) == 0 with input as fx.with_bucket({"acl": acl([grant("http://acs.amazonaws.com/groups/s3/LogDelivery")])})
}

test_unknown_bucket_block_unreadable_and_account_block_off if {
	unread := object.union(fx.with_bucket({"publicAccessBlock": null}), {"errors": [fx.error("s3", "GetPublicAccessBlock", fx.logging_account, fx.bucket)]})
	count(rule.deny) == 0 with input as unread
	some f in rule.unknown with input as unread
	f.message == "The Block Public Access settings of log bucket acme-org-cloudtrail-logs could not all be read: s3 GetPublicAccessBlock in 222222222222/us-east-1: AccessDenied."
}

test_unknown_account_block_unreadable if {
	unread := object.union(fx.with_bucket({"publicAccessBlock": off(["ignorePublicAcls"])}), {"errors": [fx.error("s3control", "GetPublicAccessBlock", fx.logging_account, fx.logging_account)]})
	count(rule.deny) == 0 with input as unread
	count(rule.unknown) == 1 with input as unread
}

test_pass_unreadable_account_block_does_not_matter_when_the_bucket_blocks_all if {
	unread := fx.with_error(fx.error("s3control", "GetPublicAccessBlock", fx.logging_account, fx.logging_account))
	count(rule.unknown) == 0 with input as unread
}

test_unknown_policy_and_acl_unreadable if {
	unread := object.union(fx.compliant, {"errors": [
		fx.error("s3", "GetBucketPolicy", fx.logging_account, fx.bucket),
		fx.error("s3", "GetBucketAcl", fx.logging_account, fx.bucket),
	]})
	count(rule.unknown) == 2 with input as unread
}

test_unknown_bucket_not_collected if {
	missing := object.union(object.remove(fx.compliant, ["buckets"]), {"buckets": {}})
	rule.unknown == {{
		"resource": fx.bucket_arn, "accountId": "", "region": "",
		"message": "Log bucket acme-org-cloudtrail-logs was not collected, so whether it is public is unknown.",
		"evidence": {"errors": []},
	}} with input as missing
	count(rule.deny) == 0 with input as missing
}
