# METADATA
# title: The log bucket policy lets CloudTrail write logs with bucket-owner-full-control
# description: >-
#   CloudTrail needs s3:PutObject under AWSLogs/<management account>/ and, for an organization trail,
#   AWSLogs/<organization id>/ (after the trail's key prefix). The grant must require the
#   s3:x-amz-acl condition bucket-owner-full-control so that the logging account owns every log object.
#   A grant not scoped to the organization trail by aws:SourceArn or aws:SourceAccount lets any
#   account's trail deliver into the bucket (the confused deputy problem): that finding is low.
# related_resources:
#   - ref: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-s3-bucket-policy-for-cloudtrail.html
#     description: Amazon S3 bucket policy for CloudTrail
# custom:
#   id: s3_log_bucket_policy_allows_cloudtrail_write
#   remediation_id: AddCloudTrailWriteStatement
#   severity: high
#   remediation: >-
#     Allow cloudtrail.amazonaws.com s3:PutObject on the AWSLogs/ prefixes of the trail, with the
#     condition StringEquals s3:x-amz-acl = bucket-owner-full-control and aws:SourceArn = the trail's ARN.
#   frameworks:
#     hipaa: ["164.312(b)"]
# schemas:
#   - input: schema.snapshot
package trailwarden.rules.s3_log_bucket_policy_allows_cloudtrail_write

import data.trailwarden.lib.iam
import data.trailwarden.lib.log_bucket
import data.trailwarden.lib.requests
import data.trailwarden.lib.snapshot

subjects := log_bucket.subjects

# Each log object CloudTrail writes for the trail, and what the policy decides for it when CloudTrail
# sends `acl` for `trail_arn` (this trail's, or an outsider's).
decisions(trail, policy, trail_arn, acl) := [{"object": object, "result": log_bucket.decide(policy, requests.delivery(trail_arn, object, acl, input.collectedAt))} |
	some object in log_bucket.log_objects(trail)
]

# Objects CloudTrail cannot write: no statement allows the delivery, or one denies it.
# A log bucket that S3 says does not exist fails (log_bucket.gone).
deny contains finding if some finding in log_bucket.gone_findings

deny contains finding if {
	some trail in snapshot.org_trails
	some name, policy in log_bucket.policies
	trail.s3BucketName == name
	refused := [d | some d in decisions(trail, policy, trail.arn, requests.acl); d.result.decision != "allow"]
	count(refused) > 0
	finding := object.union(snapshot.bucket_subject(name), {
		"message": sprintf("The policy of log bucket %s does not let cloudtrail.amazonaws.com deliver trail %s: %s.", [name, trail.arn, concat("; ", [sprintf("s3:PutObject on %s is %s", [d.object, iam.why(d.result)]) | some d in refused])]),
		"evidence": {"trail": trail.arn, "refused": refused, "policy": policy},
		"fix": sprintf("Allow cloudtrail.amazonaws.com s3:PutObject on %s with Condition StringEquals %s = %s and aws:SourceArn = %s, and remove what denies it.", [concat(", ", [sprintf("%s*", [t]) | some t in log_bucket.write_targets(trail)]), acl_key, requests.acl, trail.arn]),
	})
}

# Writes allowed with another object ACL: the grant does not require bucket-owner-full-control.
deny contains finding if {
	some trail in snapshot.org_trails
	some name, policy in log_bucket.policies
	trail.s3BucketName == name
	loose := {iam.describe(d.result) |
		some other in other_acls
		some d in decisions(trail, policy, trail.arn, other)
		d.result.decision == "allow"
	}
	count(loose) > 0
	finding := object.union(snapshot.bucket_subject(name), {
		"message": sprintf("The policy of log bucket %s lets cloudtrail.amazonaws.com write without requiring %s = %s: %s.", [name, acl_key, requests.acl, concat("; ", sort(loose))]),
		"evidence": {"trail": trail.arn, "writes": sort(loose), "policy": policy},
		"fix": sprintf("Add \"Condition\": {\"StringEquals\": {\"%s\": \"%s\"}} to those statements.", [acl_key, requests.acl]),
	})
}

# Grants a trail of another account could use too (the confused deputy). Low: the prefixes are still
# the organization's, but anyone can add files under them.
deny contains finding if {
	some trail in snapshot.org_trails
	some name, policy in log_bucket.policies
	trail.s3BucketName == name
	unscoped := {iam.describe(d.result) | some d in decisions(trail, policy, requests.outsider_trail, requests.acl); d.result.decision == "allow"}
	count(unscoped) > 0
	finding := object.union(snapshot.bucket_subject(name), {
		"message": sprintf("The policy of log bucket %s lets cloudtrail.amazonaws.com write for a trail of any account, not only %s (%s): no aws:SourceArn or aws:SourceAccount condition names the organization trail.", [name, trail.arn, concat("; ", sort(unscoped))]),
		"evidence": {"trail": trail.arn, "unscoped": sort(unscoped), "policy": policy},
		"fix": sprintf("Add \"aws:SourceArn\": \"%s\" to the StringEquals condition of those statements.", [trail.arn]),
		"severity": "low",
	})
}

unknown := log_bucket.unknown_policies

acl_key := "s3:x-amz-acl"

# The other canned ACLs a writer could set: a grant allowing any of them does not require the owner's.
other_acls := ["private", "public-read", "public-read-write", "authenticated-read", "bucket-owner-read"]
