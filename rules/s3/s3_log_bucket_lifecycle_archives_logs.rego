# METADATA
# title: The log bucket archives logs early and expires none before the retention period
# description: >-
#   Logs are read rarely but kept for years (six, like the documentation HIPAA 164.316 requires), so an enabled
#   lifecycle rule covering the trail's log prefix (<key prefix>/AWSLogs/; a rule with no prefix covers
#   everything) must move objects to an archive storage class within archive_within_days. GLACIER,
#   DEEP_ARCHIVE and GLACIER_IR (Glacier Instant Retrieval, an archive class with millisecond reads,
#   useful when investigators need logs fast) count by default. No enabled rule touching the log
#   prefix may expire current objects, or noncurrent versions, before retention_days: on a versioned
#   bucket a noncurrent version is what is left of an overwritten or deleted log file, so expiring it
#   early completes the deletion. A rule counts only for the log objects its filter can match: its
#   prefix (the whole filter's, or inside And) must cover the log prefix; a rule with a tag filter never
#   applies, since CloudTrail does not tag the log objects it writes; a rule with an object-size filter
#   (ObjectSizeGreaterThan above 0, or any ObjectSizeLessThan up to S3's 5 TiB object maximum) applies to
#   some log files only, since their size follows the account's activity in the region, so it archives
#   no log prefix but may still expire logs early.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lifecycle-mgmt.html
#     description: Managing the lifecycle of objects
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/storage-class-intro.html#sc-glacier
#     description: Storage classes for archiving objects
# custom:
#   id: s3_log_bucket_lifecycle_archives_logs
#   remediation_id: AddArchiveLifecycleRule
#   severity: medium
#   remediation: >-
#     Add an enabled lifecycle rule for the log prefix that transitions objects to an archive storage
#     class within archive_within_days, and remove or raise any expiration shorter than retention_days.
#   frameworks:
#     pci-dss-4.0: ["10.5.1"]
#     nist-800-53-r5: ["AU-11"]
#     iso-27001-2022: ["A.8.15"]
#     hipaa: ["164.312(b)"]
#   params:
#     archive_within_days: 90
#     retention_days: 2190
#     archive_storage_classes: ["GLACIER", "DEEP_ARCHIVE", "GLACIER_IR"]
# schemas:
#   - input: schema.snapshot
package trailwarden.rules.s3_log_bucket_lifecycle_archives_logs

import data.trailwarden.lib.log_bucket
import data.trailwarden.lib.params as parameters
import data.trailwarden.lib.snapshot

params := parameters.of(rego.metadata.chain())

subjects := log_bucket.subjects

readable := log_bucket.buckets(log_bucket.operations["lifecycle configuration"])

# A log bucket that S3 says does not exist fails (log_bucket.gone).
deny contains finding if some finding in log_bucket.gone_findings

deny contains finding if {
	some name, bucket in readable
	some trail in log_bucket.trails_of(name)
	prefix := log_bucket.log_prefix(trail)
	not archived(bucket, prefix)
	finding := object.union(snapshot.bucket_subject(name), {
		"message": sprintf("No enabled lifecycle rule of log bucket %s moves objects under %s to %s within %d days%s.", [name, prefix, concat(" or ", params.archive_storage_classes), params.archive_within_days, passed_over(bucket, prefix)]),
		"evidence": {"logPrefix": prefix, "lifecycleRules": bucket.lifecycleRules},
		"fix": sprintf("aws s3api put-bucket-lifecycle-configuration --bucket %s --lifecycle-configuration '{\"Rules\": [<the bucket's other rules>, {\"ID\": \"archive-cloudtrail-logs\", \"Status\": \"Enabled\", \"Filter\": {\"Prefix\": \"%s\"}, \"Transitions\": [{\"Days\": %d, \"StorageClass\": \"%s\"}]}]}'", [name, prefix, params.archive_within_days, params.archive_storage_classes[0]]),
	})
}

deny contains finding if {
	some name, bucket in readable
	some trail in log_bucket.trails_of(name)
	prefix := log_bucket.log_prefix(trail)
	early := {sprintf("rule %s %s after %d days", [rule_name(rule), what, days]) |
		some rule in rules(bucket)
		rule.status == "Enabled"
		touches(rule, prefix)
		some [what, days] in [
			["expires objects", object.get(rule, "expirationDays", null)],
			["deletes noncurrent versions", object.get(rule, "noncurrentVersionExpirationDays", null)],
		]
		days != null
		days < params.retention_days
	}
	count(early) > 0
	finding := object.union(snapshot.bucket_subject(name), {
		"message": sprintf("Lifecycle of log bucket %s deletes logs under %s before %d days: %s.", [name, prefix, params.retention_days, concat("; ", sort(early))]),
		"evidence": {"logPrefix": prefix, "retention_days": params.retention_days, "lifecycleRules": bucket.lifecycleRules},
		"fix": sprintf("aws s3api put-bucket-lifecycle-configuration --bucket %s --lifecycle-configuration '<the current rules with Expiration Days and NoncurrentVersionExpiration NoncurrentDays of at least %d, or without expiration>'", [name, params.retention_days]),
	})
}

unknown := log_bucket.unknown("lifecycle configuration")

# null means the bucket has no lifecycle configuration.
rules(bucket) := bucket.lifecycleRules if is_array(bucket.lifecycleRules)

rules(bucket) := [] if not is_array(bucket.lifecycleRules)

archived(bucket, prefix) if {
	some rule in rules(bucket)
	rule.status == "Enabled"
	covers(rule, prefix)
	some transition in rule.transitions
	transition.storageClass in params.archive_storage_classes
	transition.days <= params.archive_within_days
}

# The rule applies to every log object under the log prefix.
covers(rule, prefix) if {
	prefix_covers(rule, prefix)
	matches_logs(rule)
	every_size(rule)
}

# The rule applies to some log objects under the log prefix.
touches(rule, prefix) if {
	prefix_touches(rule, prefix)
	matches_logs(rule)
}

prefix_covers(rule, _) if object.get(rule, "prefix", null) in {null, ""}

prefix_covers(rule, prefix) if {
	not object.get(rule, "prefix", null) in {null, ""}
	startswith(prefix, rule.prefix)
}

prefix_touches(rule, prefix) if prefix_covers(rule, prefix)

prefix_touches(rule, prefix) if {
	not object.get(rule, "prefix", null) in {null, ""}
	startswith(rule.prefix, prefix)
}

# CloudTrail does not tag the log objects it writes, so a rule requiring any tag never applies to them.
matches_logs(rule) if count(object.get(rule, "tags", {})) == 0

# S3's largest object (5 TiB): an ObjectSizeLessThan above it excludes nothing.
max_object_size := 5497558138880

# The size filter excludes no log file: log files are never empty (gzip), and have no upper bound short
# of S3's.
every_size(rule) if {
	object.get(rule, "objectSizeGreaterThan", null) in {null, 0}
	size_below_unbounded(object.get(rule, "objectSizeLessThan", null))
}

size_below_unbounded(null)

size_below_unbounded(size) if {
	is_number(size)
	size > max_object_size
}

# Why enabled rules on the log prefix that would archive in time do not count, for the message.
passed_over(bucket, prefix) := sprintf(" (%s)", [concat("; ", sort(reasons))]) if {
	reasons := {reason |
		some rule in rules(bucket)
		rule.status == "Enabled"
		prefix_covers(rule, prefix)
		not covers(rule, prefix)
		some transition in rule.transitions
		transition.storageClass in params.archive_storage_classes
		transition.days <= params.archive_within_days
		reason := filter_reason(rule)
	}
	count(reasons) > 0
} else := ""

filter_reason(rule) := sprintf("rule %s filters on tags %s, which CloudTrail does not set on log objects", [rule_name(rule), concat(", ", sort(object.keys(rule.tags)))]) if {
	not matches_logs(rule)
}

filter_reason(rule) := sprintf("rule %s applies only to objects %s, and log files vary in size", [rule_name(rule), size_range(rule)]) if {
	matches_logs(rule)
	not every_size(rule)
}

size_range(rule) := concat(" and ", [part |
	some [field, words] in [["objectSizeGreaterThan", "larger than"], ["objectSizeLessThan", "smaller than"]]
	size := object.get(rule, field, null)
	size != null
	part := sprintf("%s %d bytes", [words, size])
])

rule_name(rule) := rule.id if is_string(object.get(rule, "id", null))

rule_name(rule) := "(without id)" if not is_string(object.get(rule, "id", null))
