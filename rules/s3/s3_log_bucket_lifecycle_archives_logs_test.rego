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

# Filters: a rule counts only for the log objects its filter can match.

test_pass_and_filter_with_the_log_prefix_only if {
	# An And filter holding only a prefix (and no tags or sizes) is the prefix.
	count(rule.deny) == 0 with input as with_rules([rule_with({"prefix": "AWSLogs/", "tags": {}})])
}

test_fail_tag_filter_never_matches_log_objects if {
	tagged := rule_with({"tags": {"archive": "true"}})
	some f in rule.deny with input as with_rules([tagged])
	f.message == "No enabled lifecycle rule of log bucket acme-org-cloudtrail-logs moves objects under AWSLogs/ to GLACIER or DEEP_ARCHIVE or GLACIER_IR within 90 days (rule archive-cloudtrail-logs filters on tags archive, which CloudTrail does not set on log objects)."
}

test_fail_and_filter_prefix_and_tags if {
	count(rule.deny) == 1 with input as with_rules([rule_with({"prefix": "AWSLogs/", "tags": {"class": "logs", "keep": "yes"}})])
}

test_pass_tagged_rule_may_expire_early if {
	# It never applies to CloudTrail's untagged log objects, so its expiration deletes no log.
	tagged_cleanup := rule_with({"id": "tmp", "tags": {"tmp": "true"}, "transitions": [], "expirationDays": 1, "noncurrentVersionExpirationDays": 1})
	count(rule.deny) == 0 with input as with_rules([fx.archive_rule, tagged_cleanup])
}

test_fail_size_filter_archives_only_some_log_files if {
	large_only := rule_with({"objectSizeGreaterThan": 131072})
	some f in rule.deny with input as with_rules([large_only])
	contains(f.message, "(rule archive-cloudtrail-logs applies only to objects larger than 131072 bytes, and log files vary in size)")
	small_only := rule_with({"objectSizeLessThan": 1048576})
	count(rule.deny) == 1 with input as with_rules([small_only])
	both := rule_with({"objectSizeGreaterThan": 1024, "objectSizeLessThan": 1048576})
	some g in rule.deny with input as with_rules([both])
	contains(g.message, "larger than 1024 bytes and smaller than 1048576 bytes")
}

test_pass_size_bounds_that_exclude_no_log_file if {
	count(rule.deny) == 0 with input as with_rules([rule_with({"objectSizeGreaterThan": 0})])
	count(rule.deny) == 0 with input as with_rules([rule_with({"objectSizeLessThan": 5497558138881})])
}

test_fail_size_filtered_rule_still_expires_some_logs_early if {
	small_cleanup := rule_with({"id": "small", "objectSizeLessThan": 1024, "transitions": [], "expirationDays": 30, "noncurrentVersionExpirationDays": null})
	some f in rule.deny with input as with_rules([fx.archive_rule, small_cleanup])
	f.message == "Lifecycle of log bucket acme-org-cloudtrail-logs deletes logs under AWSLogs/ before 2190 days: rule small expires objects after 30 days."
}

test_fail_and_filter_prefix_after_the_key_prefix if {
	# Logs are at <key prefix>/AWSLogs/: a rule for AWSLogs/ misses them when the trail has a key prefix.
	prefixed := object.union(with_rules([rule_with({"prefix": "AWSLogs/"})]), {"trails": [object.union(fx.org_trail, {"s3KeyPrefix": "org"})]})
	some f in rule.deny with input as prefixed
	contains(f.message, "under org/AWSLogs/")
}
