# METADATA
# description: >-
#   The organization trails' log buckets as rule subjects, with the evidence question every bucket
#   rule asks first: was the bucket, and the part of its configuration the rule reads, collected?
# schemas:
#   - input: schema.snapshot
package trailwarden.lib.log_bucket

import data.trailwarden.lib.iam
import data.trailwarden.lib.snapshot

subjects contains snapshot.bucket_subject(name) if {
	some name in snapshot.org_trail_buckets
}

subjects contains snapshot.bucket_subject(name) if {
	some name in unseen_trail_buckets
}

# With the organization trail unseen (snapshot.org_trails_unseen), the log bucket config.yaml names is
# UNKNOWN to every bucket rule: whether the trail delivers to it, and under which prefixes, is unknown.
unseen_trail_buckets contains input.scope.logBucket if {
	snapshot.org_trails_unseen
	is_string(input.scope.logBucket)
}

unseen_trail_bucket_findings := {finding |
	some name in unseen_trail_buckets
	finding := object.union(snapshot.bucket_subject(name), {
		"message": sprintf("No organization trail was seen because the trails of management account %s could not all be listed, so log bucket %s is not judged: %s.", [snapshot.management_account_id, name, snapshot.describe_errors(snapshot.management_trail_list_errors)]),
		"evidence": {"errors": snapshot.management_trail_list_errors},
	})
}

# The S3 calls behind each part of a bucket's configuration, named as the collectors record them in
# errors[].operation (with errors[].resource = the bucket name). A rule passes the calls it depends
# on, so a failed GetBucketLogging does not make the bucket policy unknown.
operations := {
	"policy": {"GetBucketPolicy"},
	"public access block": {"GetPublicAccessBlock"},
	"ACL": {"GetBucketAcl"},
	"versioning": {"GetBucketVersioning"},
	"Object Lock configuration": {"GetObjectLockConfiguration"},
	"lifecycle configuration": {"GetBucketLifecycleConfiguration"},
	"encryption": {"GetBucketEncryption"},
	"access logging": {"GetBucketLogging"},
}

# Errors naming the bucket for one of the operations.
errors(name, ops) := [e |
	some e in input.errors
	e.service == "s3"
	object.get(e, "resource", "") == name
	e.operation in ops
]

# The bucket was collected and none of the operations failed for it.
readable(name, ops) if {
	input.buckets[name]
	count(errors(name, ops)) == 0
}

# Log buckets whose `ops` results are known: name -> bucket.
buckets(ops) := {name: input.buckets[name] |
	some name in snapshot.org_trail_buckets
	readable(name, ops)
}

# An UNKNOWN finding for every log bucket whose `what` (a key of `operations`) could not be read.
unknown(what) := unknown_for(operations[what], what)

unknown_for(ops, what) := unread(ops, what) | unseen_trail_bucket_findings

unread(ops, what) := {finding |
	some name in snapshot.org_trail_buckets
	not readable(name, ops)
	not gone[name]
	errors_found := errors(name, ops)
	finding := object.union(snapshot.bucket_subject(name), {
		"message": sprintf("The %s of log bucket %s could not be read: %s.", [what, name, why_unread(name, errors_found)]),
		"evidence": {"errors": errors_found},
	})
}

# Log buckets S3 says do not exist (NoSuchBucket): name -> the absences saying so. That is evidence, not
# missing evidence: CloudTrail cannot deliver into a bucket that is gone, so every bucket rule fails.
gone := {name: errors_found |
	some name in snapshot.org_trail_buckets
	not input.buckets[name]
	errors_found := snapshot.absent("s3", name)
	count(errors_found) > 0
}

# A FAIL for every log bucket that is gone, for each bucket rule's deny.
gone_findings contains finding if {
	some name, errors_found in gone
	finding := object.union(snapshot.bucket_subject(name), {
		"message": sprintf("Log bucket %s of organization trail %s does not exist (%s), so CloudTrail cannot deliver its logs.", [name, concat(", ", sort([t.name | some t in trails_of(name)])), snapshot.describe_errors(errors_found)]),
		"evidence": {"bucket": name, "errors": errors_found},
		"fix": sprintf("aws s3api create-bucket --bucket %s (in the logging account, then apply the log bucket settings), or point the trail at an existing log bucket: aws cloudtrail update-trail --name <trail> --s3-bucket-name <bucket>", [name]),
	})
}

why_unread(name, _) := "the bucket was not collected" if not input.buckets[name]

why_unread(name, errors_found) := snapshot.describe_errors(errors_found) if input.buckets[name]

# Buckets collected with their policy read: name -> policy (null when the bucket has none).
policies := {name: object.get(bucket, "policy", null) | some name, bucket in buckets(operations.policy)}

# An UNKNOWN finding for every log bucket whose policy is not known.
unknown_policies := unknown("policy")

# Sample object ARNs CloudTrail writes for an organization trail: the management account's own logs
# and the organization's member logs, each under the trail's key prefix.
write_targets(trail) := [sprintf("arn:aws:s3:::%s/%s%s/", [trail.s3BucketName, log_prefix(trail), owner]) |
	some owner in log_owners
]

log_owners := [snapshot.management_account_id, input.organization.id] if input.organization.id

log_owners := [snapshot.management_account_id] if not input.organization.id

# Where CloudTrail writes under the bucket: "<key prefix>/AWSLogs/", or "AWSLogs/" without prefix.
log_prefix(trail) := sprintf("%sAWSLogs/", [key_prefix(trail)])

key_prefix(trail) := sprintf("%s/", [trail.s3KeyPrefix]) if not object.get(trail, "s3KeyPrefix", null) in {null, ""}

key_prefix(trail) := "" if object.get(trail, "s3KeyPrefix", null) in {null, ""}

# Organization trails delivering to the bucket.
trails_of(name) := [trail |
	some trail in snapshot.org_trails
	trail.s3BucketName == name
]

# What the bucket's policy (null: none) decides for a request, as the bucket policy rules ask it.
decide(policy, request) := iam.decide(request, iam.resource_policy_layers("the bucket policy", policy))

# One object CloudTrail writes under each of the trail's prefixes stands for all of them.
log_objects(trail) := [sprintf("%sCloudTrail/us-east-1/2026/01/01/log.json.gz", [target]) | some target in write_targets(trail)]
