package trailwarden.lib.log_bucket_test

import data.trailwarden.lib.log_bucket
import data.trailwarden.lib.test as fx

test_subjects_are_the_org_trail_buckets if {
	log_bucket.subjects == {{"resource": fx.bucket_arn, "accountId": fx.logging_account, "region": "us-east-1"}} with input as fx.compliant
	count(log_bucket.subjects) == 0 with input as fx.with_trail({"isOrganizationTrail": false})
}

test_an_error_makes_only_its_operation_unknown if {
	broken := fx.with_error(fx.error("s3", "GetBucketLogging", fx.logging_account, fx.bucket))
	log_bucket.readable(fx.bucket, log_bucket.operations.policy) with input as broken
	not log_bucket.readable(fx.bucket, log_bucket.operations["access logging"]) with input as broken
	count(log_bucket.unknown("policy")) == 0 with input as broken
	some f in log_bucket.unknown("access logging") with input as broken
	f.message == "The access logging of log bucket acme-org-cloudtrail-logs could not be read: s3 GetBucketLogging in 222222222222/us-east-1: AccessDenied."
	count(log_bucket.buckets(log_bucket.operations["access logging"])) == 0 with input as broken
}

test_errors_for_other_buckets_or_services_do_not_count if {
	other_bucket := fx.with_error(fx.error("s3", "GetBucketPolicy", fx.logging_account, "another-bucket"))
	log_bucket.readable(fx.bucket, log_bucket.operations.policy) with input as other_bucket
	other_service := fx.with_error(fx.error("kms", "GetBucketPolicy", fx.logging_account, fx.bucket))
	log_bucket.readable(fx.bucket, log_bucket.operations.policy) with input as other_service
}

test_uncollected_bucket_is_unknown_for_everything if {
	missing := object.union(object.remove(fx.compliant, ["buckets"]), {"buckets": {}})
	some f in log_bucket.unknown("versioning") with input as missing
	contains(f.message, "the bucket was not collected")
	f.accountId == ""
}

test_policies if {
	log_bucket.policies == {fx.bucket: fx.bucket_policy} with input as fx.compliant
	log_bucket.policies == {fx.bucket: null} with input as fx.with_bucket({"policy": null})
}

test_write_targets_and_prefixes if {
	log_bucket.write_targets(fx.org_trail) == [
		"arn:aws:s3:::acme-org-cloudtrail-logs/AWSLogs/111111111111/",
		"arn:aws:s3:::acme-org-cloudtrail-logs/AWSLogs/o-a1b2c3d4e5/",
	] with input as fx.compliant
	log_bucket.write_targets(fx.org_trail) == ["arn:aws:s3:::acme-org-cloudtrail-logs/AWSLogs/111111111111/"] with input as object.union(fx.compliant, {"organization": null})
	log_bucket.log_prefix(object.union(fx.org_trail, {"s3KeyPrefix": "org"})) == "org/AWSLogs/"
	log_bucket.log_prefix(object.union(fx.org_trail, {"s3KeyPrefix": ""})) == "AWSLogs/"
	[t.arn | some t in log_bucket.trails_of(fx.bucket)] == [fx.trail_arn] with input as fx.compliant
}
