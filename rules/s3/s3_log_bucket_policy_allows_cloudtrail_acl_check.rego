# METADATA
# title: The log bucket policy lets CloudTrail read the bucket ACL
# description: >-
#   Before it delivers, CloudTrail calls s3:GetBucketAcl on the bucket to check it may write there.
#   Without this grant in the bucket policy every delivery fails.
# related_resources:
#   - ref: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-s3-bucket-policy-for-cloudtrail.html
#     description: Amazon S3 bucket policy for CloudTrail
# custom:
#   id: s3_log_bucket_policy_allows_cloudtrail_acl_check
#   remediation_id: AddCloudTrailAclCheckStatement
#   severity: high
#   remediation: >-
#     Add a statement allowing the service principal cloudtrail.amazonaws.com s3:GetBucketAcl on the
#     log bucket.
#   frameworks:
#     hipaa: ["164.312(b)"]
# schemas:
#   - input: schema.snapshot
package trailwarden.rules.s3_log_bucket_policy_allows_cloudtrail_acl_check

import data.trailwarden.lib.iam
import data.trailwarden.lib.log_bucket
import data.trailwarden.lib.requests
import data.trailwarden.lib.snapshot

subjects := log_bucket.subjects

# CloudTrail's own request, for each trail delivering here: an Allow scoped to another trail, or any
# Deny that matches it, fails the check.
# A log bucket that S3 says does not exist fails (log_bucket.gone).
deny contains finding if some finding in log_bucket.gone_findings

deny contains finding if {
	some name, policy in log_bucket.policies
	arn := snapshot.bucket_arn(name)
	some trail in log_bucket.trails_of(name)
	result := log_bucket.decide(policy, requests.acl_check(trail.arn, arn, input.collectedAt))
	result.decision != "allow"
	finding := object.union(snapshot.bucket_subject(name), {
		"message": sprintf("The policy of log bucket %s does not let cloudtrail.amazonaws.com call s3:GetBucketAcl on %s for trail %s: %s.", [name, arn, trail.arn, iam.why(result)]),
		"evidence": {"trail": trail.arn, "decision": result, "policy": policy},
		"fix": sprintf("Add to the policy of %s: {\"Sid\": \"AWSCloudTrailAclCheck\", \"Effect\": \"Allow\", \"Principal\": {\"Service\": \"cloudtrail.amazonaws.com\"}, \"Action\": \"s3:GetBucketAcl\", \"Resource\": \"%s\", \"Condition\": {\"StringEquals\": {\"aws:SourceArn\": \"%s\"}}}, and remove what denies it.", [name, arn, trail.arn]),
	})
}

unknown := log_bucket.unknown_policies
