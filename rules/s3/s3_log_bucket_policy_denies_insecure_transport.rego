# METADATA
# title: The log bucket policy denies every request that does not use TLS
# description: >-
#   The AWS-recommended statement denies s3:* on the bucket and its objects to Principal "*" when
#   aws:SecureTransport is false, so no client, misconfigured or not, reads or writes logs in clear
#   text. The rule checks object actions (GetObject, PutObject, DeleteObject) on a log object and bucket
#   actions (ListBucket, PutBucketPolicy, DeleteBucket) on the bucket, each denied to every principal
#   over HTTP. A Deny keyed on s3:TlsVersion alone is not the recommended form and does not count.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html#transit
#     description: Amazon S3 security best practices (enforce encryption of data in transit)
#   - ref: https://repost.aws/knowledge-center/s3-bucket-policy-for-config-rule
#     description: Bucket policy that denies requests without aws:SecureTransport
# custom:
#   id: s3_log_bucket_policy_denies_insecure_transport
#   remediation_id: DenyInsecureTransport
#   severity: medium
#   remediation: >-
#     Add a statement to the log bucket policy that denies s3:* on the bucket and its objects to
#     Principal "*" when aws:SecureTransport is false.
#   frameworks:
#     hipaa: ["164.312(b)"]
# schemas:
#   - input: schema.snapshot
package trailwarden.rules.s3_log_bucket_policy_denies_insecure_transport

import data.trailwarden.lib.iam
import data.trailwarden.lib.log_bucket
import data.trailwarden.lib.organization
import data.trailwarden.lib.requests
import data.trailwarden.lib.snapshot

subjects := log_bucket.subjects

object_actions := ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"]

bucket_actions := ["s3:ListBucket", "s3:PutBucketPolicy", "s3:DeleteBucket"]

# A log bucket that S3 says does not exist fails (log_bucket.gone).
deny contains finding if some finding in log_bucket.gone_findings

deny contains finding if {
	some name, policy in log_bucket.policies
	bucket := input.buckets[name]
	missing := [sprintf("%s on %s by an %s caller (%s)", [action, resource, d.caller, iam.why(d.result)]) |
		some [action, resource] in requests_of(name)
		some d in over_http(policy, bucket, action, resource)
		not protected(d)
	]
	count(missing) > 0
	finding := object.union(snapshot.bucket_subject(name), {
		"message": sprintf("The policy of log bucket %s does not deny requests without TLS (aws:SecureTransport false) for %s.", [name, concat(", ", missing)]),
		"evidence": {"notDenied": missing, "policy": policy},
		"fix": sprintf("Add to the policy of %s: {\"Sid\": \"DenyInsecureTransport\", \"Effect\": \"Deny\", \"Principal\": \"*\", \"Action\": \"s3:*\", \"Resource\": [\"arn:aws:s3:::%s\", \"arn:aws:s3:::%s/*\"], \"Condition\": {\"Bool\": {\"aws:SecureTransport\": \"false\"}}}", [name, name, name]),
	})
}

unknown := log_bucket.unknown_policies

requests_of(name) := array.concat(
	[[action, sprintf("arn:aws:s3:::%s/AWSLogs/CloudTrail/log.json.gz", [name])] | some action in object_actions],
	[[action, sprintf("arn:aws:s3:::%s", [name])] | some action in bucket_actions],
)

# The decisions for the same request over plain HTTP by an ordinary principal of the bucket's account
# (whose identity policies may allow anything: only an explicit Deny stops it) and by an anonymous
# caller (who needs the bucket policy's own Allow). (The object stands for every log object.)
over_http(policy, bucket, action, resource) := [
	{"caller": "ordinary", "result": log_bucket.decide(policy, requests.ordinary(bucket.accountId, organization.principal_org(bucket.accountId), bucket.region, action, resource, "false", input.collectedAt))},
	{"caller": "anonymous", "result": log_bucket.decide(policy, requests.anonymous(action, resource, "false", input.collectedAt))},
]

protected(d) := d.result.decision == "explicit_deny" if d.caller == "ordinary"

protected(d) := d.result.decision != "allow" if d.caller == "anonymous"
