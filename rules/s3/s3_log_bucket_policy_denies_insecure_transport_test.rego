package trailwarden.rules.s3_log_bucket_policy_denies_insecure_transport_test

import data.trailwarden.lib.test as fx
import data.trailwarden.rules.s3_log_bucket_policy_denies_insecure_transport as rule

tls := fx.statement("DenyInsecureTransport")

others := [fx.statement("AWSCloudTrailAclCheck"), fx.statement("AWSCloudTrailWrite"), fx.statement("DenyLogDeletion")]

with_tls(statements) := fx.with_policy_statements(array.concat(others, statements))

test_pass_recommended_statement if {
	count(rule.subjects) == 1 with input as fx.compliant
	count(rule.deny) == 0 with input as fx.compliant
	count(rule.unknown) == 0 with input as fx.compliant
}

test_pass_boolean_condition_value_and_aws_star if {
	statement := fx.replaced(tls, {"Principal": {"AWS": "*"}, "Condition": {"Bool": {"aws:SecureTransport": false}}})
	count(rule.deny) == 0 with input as with_tls([statement])
}

test_fail_no_statement if {
	some f in rule.deny with input as with_tls([])
	startswith(f.message, "The policy of log bucket acme-org-cloudtrail-logs does not deny requests without TLS (aws:SecureTransport false) for s3:GetObject on arn:aws:s3:::acme-org-cloudtrail-logs/AWSLogs/CloudTrail/log.json.gz by an ordinary caller (implicitly denied")
	contains(f.fix, "\"Condition\": {\"Bool\": {\"aws:SecureTransport\": \"false\"}}")
}

test_fail_objects_only if {
	statement := object.union(tls, {"Resource": sprintf("%s/*", [fx.bucket_arn])})
	some f in rule.deny with input as with_tls([statement])
	[split(n, " (")[0] | some n in f.evidence.notDenied] == [
		"s3:ListBucket on arn:aws:s3:::acme-org-cloudtrail-logs by an ordinary caller",
		"s3:PutBucketPolicy on arn:aws:s3:::acme-org-cloudtrail-logs by an ordinary caller",
		"s3:DeleteBucket on arn:aws:s3:::acme-org-cloudtrail-logs by an ordinary caller",
	]
}

test_fail_some_actions_only if {
	statement := object.union(tls, {"Action": ["s3:GetObject", "s3:PutObject"]})
	some f in rule.deny with input as with_tls([statement])
	contains(f.message, "s3:ListBucket on")
	not contains(f.message, "s3:GetObject on")
}

test_fail_tls_version_condition_is_not_the_recommended_form if {
	statement := fx.replaced(tls, {"Condition": {"NumericLessThan": {"s3:TlsVersion": "1.2"}}})
	count(rule.deny) == 1 with input as with_tls([statement])
}

# The bucket's own account denied, and no Allow for anyone else: no one can use plain HTTP.
test_pass_deny_for_own_account if {
	statement := object.union(tls, {"Principal": {"AWS": "arn:aws:iam::222222222222:root"}})
	count(rule.deny) == 0 with input as with_tls([statement])
}

test_fail_deny_for_own_account_with_a_public_read if {
	statement := object.union(tls, {"Principal": {"AWS": "arn:aws:iam::222222222222:root"}})
	public := {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": sprintf("%s/*", [fx.bucket_arn])}
	some f in rule.deny with input as with_tls([statement, public])
	contains(f.message, "s3:GetObject on arn:aws:s3:::acme-org-cloudtrail-logs/AWSLogs/CloudTrail/log.json.gz by an anonymous caller")
}

test_fail_no_policy if {
	count(rule.deny) == 1 with input as fx.with_bucket({"policy": null})
}

test_unknown_policy_unreadable if {
	unread := fx.with_error(fx.error("s3", "GetBucketPolicy", fx.logging_account, fx.bucket))
	count(rule.deny) == 0 with input as unread
	count(rule.unknown) == 1 with input as unread
}
