package trailwarden.rules.s3_log_bucket_encrypted_test

import data.trailwarden.lib.test as fx
import data.trailwarden.rules.s3_log_bucket_encrypted as rule

sse_s3 := {"rules": [{"sseAlgorithm": "AES256", "kmsMasterKeyId": null, "bucketKeyEnabled": false}]}

test_pass_sse_kms if {
	count(rule.subjects) == 1 with input as fx.compliant
	count(rule.deny) == 0 with input as fx.compliant
	count(rule.unknown) == 0 with input as fx.compliant
	count(rule.deny) == 0 with input as fx.compliant with data.trailwarden.params.s3_log_bucket_encrypted as {"require_kms": true}
}

test_pass_sse_s3_by_default if {
	count(rule.deny) == 0 with input as fx.with_bucket({"encryption": sse_s3})
}

test_fail_no_default_encryption if {
	some f in rule.deny with input as fx.with_bucket({"encryption": null})
	f.message == "Log bucket acme-org-cloudtrail-logs has no default encryption."
	contains(f.fix, "aws s3api put-bucket-encryption --bucket acme-org-cloudtrail-logs")
}

test_fail_sse_s3_when_kms_required if {
	some f in rule.deny with input as fx.with_bucket({"encryption": sse_s3}) with data.trailwarden.params.s3_log_bucket_encrypted as {"require_kms": true}
	f.message == "Log bucket acme-org-cloudtrail-logs encrypts by default with AES256, not SSE-KMS."
}

test_unknown_encryption_unreadable if {
	unread := fx.with_error(fx.error("s3", "GetBucketEncryption", fx.logging_account, fx.bucket))
	count(rule.deny) == 0 with input as unread
	count(rule.unknown) == 1 with input as unread
}
