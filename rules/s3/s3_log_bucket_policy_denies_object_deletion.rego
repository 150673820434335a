# METADATA
# title: The log bucket policy denies deleting log objects to every principal
# description: >-
#   An explicit Deny of s3:DeleteObject and s3:DeleteObjectVersion on the log objects, for every
#   principal ("*", {"AWS": "*"}, or everyone but a break-glass role through NotPrincipal), stops an
#   administrator of the logging account, or anyone who gains its credentials, from erasing the
#   record. Lifecycle expiration is not subject to the bucket policy, so archiving still works. A Deny
#   counts only if it stops an ordinary principal of the bucket's account calling over HTTPS with MFA:
#   a condition that lets such a caller through (aws:SecureTransport false, an exemption matching every
#   role, a missing-MFA test) exempts, in effect, everyone. An exemption naming specific roles still
#   protects.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/example-bucket-policies.html
#     description: Examples of Amazon S3 bucket policies
#   - ref: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
#     description: Policy evaluation logic (an explicit deny overrides any allow)
# custom:
#   id: s3_log_bucket_policy_denies_object_deletion
#   remediation_id: DenyLogObjectDeletion
#   severity: high
#   remediation: >-
#     Add a statement to the log bucket policy that denies s3:DeleteObject and s3:DeleteObjectVersion
#     on the bucket's objects to Principal "*".
#   frameworks:
#     pci-dss-4.0: ["10.3.2"]
#     nist-800-53-r5: ["AU-9"]
#     iso-27001-2022: ["A.8.15"]
#     hipaa: ["164.312(b)"]
# schemas:
#   - input: schema.snapshot
package trailwarden.rules.s3_log_bucket_policy_denies_object_deletion

import data.trailwarden.lib.iam
import data.trailwarden.lib.log_bucket
import data.trailwarden.lib.organization
import data.trailwarden.lib.requests
import data.trailwarden.lib.snapshot

subjects := log_bucket.subjects

actions := ["s3:DeleteObject", "s3:DeleteObjectVersion"]

# A log bucket that S3 says does not exist fails (log_bucket.gone).
deny contains finding if some finding in log_bucket.gone_findings

deny contains finding if {
	some name, policy in log_bucket.policies
	bucket := input.buckets[name]
	objects := log_objects(name)
	missing := {action |
		some action in actions
		some object in objects
		not denied(policy, bucket, action, object)
	}
	count(missing) > 0
	finding := object.union(snapshot.bucket_subject(name), {
		"message": sprintf("The policy of log bucket %s does not deny %s on the log objects to every principal: for an ordinary principal of account %s it is %s.", [name, concat(" and ", sort(missing)), bucket.accountId, concat("; ", sort({sprintf("%s %s", [action, iam.why(deletion(policy, bucket, action, object))]) | some action in missing; some object in objects}))]),
		"evidence": {"logObjects": objects, "policy": policy},
		"fix": sprintf("Add to the policy of %s: {\"Sid\": \"DenyLogDeletion\", \"Effect\": \"Deny\", \"Principal\": \"*\", \"Action\": [\"s3:DeleteObject\", \"s3:DeleteObjectVersion\"], \"Resource\": \"arn:aws:s3:::%s/*\"}", [name, name]),
	})
}

unknown := log_bucket.unknown_policies

log_objects(name) := sort({object |
	some trail in log_bucket.trails_of(name)
	some object in log_bucket.log_objects(trail)
})

# What the bucket policy decides when an ordinary principal of the bucket's account deletes the object.
deletion(policy, bucket, action, object) := log_bucket.decide(policy, requests.ordinary(bucket.accountId, organization.principal_org(bucket.accountId), bucket.region, action, object, "true", input.collectedAt))

# Only an explicit Deny protects: the principal's own identity policies may allow anything else.
denied(policy, bucket, action, object) if deletion(policy, bucket, action, object).decision == "explicit_deny"
