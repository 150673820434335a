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
import data.trailwarden.lib.snapshot

subjects := log_bucket.subjects

acl_key := "s3:x-amz-acl"

acl_value := "bucket-owner-full-control"

# Prefixes CloudTrail writes to that no Allow statement grants at all.
deny contains finding if {
	some trail in snapshot.org_trails
	some name, policy in log_bucket.policies
	trail.s3BucketName == name
	missing := [target | some target in log_bucket.write_targets(trail); count(grants(policy, target)) == 0]
	count(missing) > 0
	finding := object.union(snapshot.bucket_subject(name), {
		"message": sprintf("The policy of log bucket %s does not allow cloudtrail.amazonaws.com s3:PutObject on %s.", [name, concat(", ", [sprintf("%s*", [m]) | some m in missing])]),
		"evidence": {"trail": trail.arn, "missing": missing, "policy": policy},
		"fix": sprintf("Add an Allow statement for cloudtrail.amazonaws.com, s3:PutObject on %s, with Condition StringEquals %s = %s.", [concat(", ", [sprintf("%s*", [m]) | some m in missing]), acl_key, acl_value]),
	})
}

# Prefixes granted, but by statements that do not require bucket-owner-full-control: one finding
# naming each such prefix and statement.
deny contains finding if {
	some trail in snapshot.org_trails
	some name, policy in log_bucket.policies
	trail.s3BucketName == name
	loose := {sprintf("%s* (statement %s)", [target, object.get(statement, "Sid", "without Sid")]) |
		some target in log_bucket.write_targets(trail)
		some statement in grants(policy, target)
		not iam.requires_string_equals(statement, acl_key, acl_value)
	}
	count(loose) > 0
	finding := object.union(snapshot.bucket_subject(name), {
		"message": sprintf("The policy of log bucket %s lets cloudtrail.amazonaws.com write without requiring %s = %s: %s.", [name, acl_key, acl_value, concat(", ", sort(loose))]),
		"evidence": {"trail": trail.arn, "writes": sort(loose), "policy": policy},
		"fix": sprintf("Add \"Condition\": {\"StringEquals\": {\"%s\": \"%s\"}} to those statements.", [acl_key, acl_value]),
	})
}

# Grants a trail of another account could use too: their condition holds for a request CloudTrail
# makes for an outsider's trail. Low: the prefixes are still the organization's, but anyone can add
# files under them.
deny contains finding if {
	some trail in snapshot.org_trails
	some name, policy in log_bucket.policies
	trail.s3BucketName == name
	unscoped := {iam.label(statement) |
		some target in log_bucket.write_targets(trail)
		some statement in grants(policy, target)
		iam.condition_holds(statement, iam.outsider_context)
	}
	count(unscoped) > 0
	finding := object.union(snapshot.bucket_subject(name), {
		"message": sprintf("The policy of log bucket %s lets cloudtrail.amazonaws.com write without an aws:SourceArn or aws:SourceAccount condition naming the organization trail (%s), so a trail of any account could deliver into it.", [name, concat(", ", sort(unscoped))]),
		"evidence": {"trail": trail.arn, "unscoped": sort(unscoped), "policy": policy},
		"fix": sprintf("Add \"aws:SourceArn\": \"%s\" to the StringEquals condition of %s.", [trail.arn, concat(", ", sort(unscoped))]),
		"severity": "low",
	})
}

unknown := log_bucket.unknown_policies

# The target is a prefix; any object under it stands for all of them.
grants(null, _) := []

grants(policy, target) := iam.service_allows(policy, "cloudtrail.amazonaws.com", "s3:PutObject", sprintf("%sCloudTrail/us-east-1/log.json.gz", [target])) if policy != null
