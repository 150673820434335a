# METADATA
# title: The log bucket encrypts objects by default
# description: >-
#   Default encryption covers every object CloudTrail itself does not encrypt with the trail's KMS key,
#   such as digest files and anything else written to the bucket. Any server-side encryption passes
#   (S3 has applied SSE-S3 to new buckets since 2023, so a bucket without it is old and unmanaged);
#   with require_kms true only SSE-KMS or DSSE-KMS passes.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-encryption.html
#     description: Setting default server-side encryption behavior for Amazon S3 buckets
# custom:
#   id: s3_log_bucket_encrypted
#   remediation_id: EnableDefaultEncryption
#   severity: low
#   remediation: Set default encryption on the log bucket, preferably SSE-KMS with a customer managed key.
#   frameworks:
#     nist-800-53-r5: ["AU-9"]
#     hipaa: ["164.312(b)"]
#   params:
#     require_kms: false
# schemas:
#   - input: schema.snapshot
package trailwarden.rules.s3_log_bucket_encrypted

import data.trailwarden.lib.log_bucket
import data.trailwarden.lib.params as parameters
import data.trailwarden.lib.snapshot

params := parameters.of(rego.metadata.chain())

subjects := log_bucket.subjects

kms := {"aws:kms", "aws:kms:dsse"}

accepted := kms if params.require_kms == true

accepted := kms | {"AES256"} if params.require_kms != true

# A log bucket that S3 says does not exist fails (log_bucket.gone).
deny contains finding if some finding in log_bucket.gone_findings

deny contains finding if {
	some name, bucket in log_bucket.buckets(log_bucket.operations.encryption)
	algorithms := {r.sseAlgorithm | some r in object.get(bucket, ["encryption", "rules"], [])}
	count(algorithms & accepted) == 0
	finding := object.union(snapshot.bucket_subject(name), {
		"message": sprintf("Log bucket %s %s.", [name, describe(algorithms)]),
		"evidence": {"encryption": bucket.encryption, "require_kms": params.require_kms},
		"fix": sprintf("aws s3api put-bucket-encryption --bucket %s --server-side-encryption-configuration '{\"Rules\": [{\"ApplyServerSideEncryptionByDefault\": {\"SSEAlgorithm\": \"aws:kms\", \"KMSMasterKeyID\": \"<customer managed key ARN>\"}, \"BucketKeyEnabled\": true}]}'", [name]),
	})
}

unknown := log_bucket.unknown("encryption")

describe(algorithms) := "has no default encryption" if count(algorithms) == 0

describe(algorithms) := sprintf("encrypts by default with %s, not SSE-KMS", [concat(", ", sort(algorithms))]) if count(algorithms) > 0
