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
import data.trailwarden.lib.snapshot

subjects := log_bucket.subjects

deny contains finding if {
	some name, policy in log_bucket.policies
	arn := snapshot.bucket_arn(name)
	count(grants(policy, arn)) == 0
	finding := object.union(snapshot.bucket_subject(name), {
		"message": sprintf("The policy of log bucket %s does not allow cloudtrail.amazonaws.com s3:GetBucketAcl on %s.", [name, arn]),
		"evidence": {"policy": policy},
		"fix": sprintf("Add to the policy of %s: {\"Sid\": \"AWSCloudTrailAclCheck\", \"Effect\": \"Allow\", \"Principal\": {\"Service\": \"cloudtrail.amazonaws.com\"}, \"Action\": \"s3:GetBucketAcl\", \"Resource\": \"%s\"}", [name, arn]),
	})
}

unknown := log_bucket.unknown_policies

grants(null, _) := []

grants(policy, arn) := iam.service_allows(policy, "cloudtrail.amazonaws.com", "s3:GetBucketAcl", arn) if policy != null
