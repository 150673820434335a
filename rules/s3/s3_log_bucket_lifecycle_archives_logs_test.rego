package trailwarden.rules.s3_log_bucket_lifecycle_archives_logs_test

import data.trailwarden.lib.test as fx
import data.trailwarden.rules.s3_log_bucket_lifecycle_archives_logs as rule

rule_with(changes) := object.union(fx.archive_rule, changes)

with_rules(rules) := fx.with_bucket({"lifecycleRules": rules})

test_pass_glacier_within_90_days if {
	count(rule.subjects) == 1 with input as fx.compliant
	count(rule.deny) == 0 with input as fx.compliant
	count(rule.unknown) == 0 with input as fx.compliant
}

test_pass_rule_without_prefix_and_glacier_ir if {
	count(rule.deny) == 0 with input as with_rules([rule_with({"prefix": null, "transitions": [{"days": 30, "storageClass": "GLACIER_IR"}]})])
}

test_pass_rule_prefix_above_the_key_prefix if {
	prefixed := object.union(with_rules([rule_with({"prefix": "org/"})]), {"trails": [object.union(fx.org_trail, {"s3KeyPrefix": "org"})]})
	count(rule.deny) == 0 with input as prefixed
}

test_pass_no_expiration if {
	count(rule.deny) == 0 with input as with_rules([rule_with({"expirationDays": null, "noncurrentVersionExpirationDays": null})])
}

test_fail_no_lifecycle_configuration if {
	some f in rule.deny with input as with_rules(null)
	f.message == "No enabled lifecycle rule of log bucket acme-org-cloudtrail-logs moves objects under AWSLogs/ to GLACIER or DEEP_ARCHIVE or GLACIER_IR within 90 days."
	contains(f.fix, "\"Filter\": {\"Prefix\": \"AWSLogs/\"}, \"Transitions\": [{\"Days\": 90, \"StorageClass\": \"GLACIER\"}]")
}

test_fail_disabled_rule if {
	count(rule.deny) == 1 with input as with_rules([rule_with({"status": "Disabled"})])
}

test_fail_transition_too_late_or_not_archive if {
	count(rule.deny) == 1 with input as with_rules([rule_with({"transitions": [{"days": 180, "storageClass": "GLACIER"}]})])
	count(rule.deny) == 1 with input as with_rules([rule_with({"transitions": [{"days": 30, "storageClass": "STANDARD_IA"}]})])
}

test_fail_rule_for_another_prefix if {
	count(rule.deny) == 1 with input as with_rules([rule_with({"prefix": "other/"})])
	count(rule.deny) == 1 with input as with_rules([rule_with({"prefix": "AWSLogs/111111111111/"})])
}

test_fail_parameters_from_config if {
	count(rule.deny) == 1 with input as fx.compliant with data.trailwarden.params.s3_log_bucket_lifecycle_archives_logs as {"archive_within_days": 30}
	count(rule.deny) == 1 with input as fx.compliant with data.trailwarden.params.s3_log_bucket_lifecycle_archives_logs as {"archive_storage_classes": ["DEEP_ARCHIVE"]}
}

test_fail_expires_before_retention if {
	some f in rule.deny with input as with_rules([rule_with({"expirationDays": 365})])
	f.message == "Lifecycle of log bucket acme-org-cloudtrail-logs deletes logs under AWSLogs/ before 2190 days: rule archive-cloudtrail-logs expires objects after 365 days."
}

test_fail_noncurrent_versions_deleted_early_by_a_narrower_rule if {
	cleanup := {"id": null, "status": "Enabled", "prefix": "AWSLogs/o-a1b2c3d4e5/", "transitions": [], "expirationDays": null, "noncurrentVersionTransitions": [], "noncurrentVersionExpirationDays": 30}
	some f in rule.deny with input as with_rules([fx.archive_rule, cleanup])
	contains(f.message, "rule (without id) deletes noncurrent versions after 30 days")
}

test_pass_other_prefix_may_expire if {
	other := {"id": "tmp", "status": "Enabled", "prefix": "tmp/", "transitions": [], "expirationDays": 7, "noncurrentVersionTransitions": [], "noncurrentVersionExpirationDays": 1}
	count(rule.deny) == 0 with input as with_rules([fx.archive_rule, other])
}

test_unknown_lifecycle_unreadable if {
	unread := fx.with_error(fx.error("s3", "GetBucketLifecycleConfiguration", fx.logging_account, fx.bucket))
	count(rule.deny) == 0 with input as unread
	some f in rule.unknown with input as unread
	f.message == "The lifecycle configuration of log bucket acme-org-cloudtrail-logs could not be read: s3 GetBucketLifecycleConfiguration in 222222222222/us-east-1: AccessDenied."
}

test_pass_other_operation_errors_do_not_matter if {
	count(rule.unknown) == 0 with input as fx.with_error(fx.error("s3", "GetBucketPolicy", fx.logging_account, fx.bucket))
}
