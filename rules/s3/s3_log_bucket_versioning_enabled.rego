# METADATA
# title: The log bucket is versioned, with MFA delete or Object Lock in compliance mode
# description: >-
#   Versioning keeps an overwritten or deleted log file as a noncurrent version. On its own it only
#   slows a deletion down; MFA delete (version deletion needs the root user's MFA) or Object Lock in
#   COMPLIANCE mode (no one, root included, can delete a version before its retention ends) makes the
#   record immutable. GOVERNANCE mode does not count: users with s3:BypassGovernanceRetention can
#   still delete.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html
#     description: Retaining multiple versions of objects with S3 Versioning
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/MultiFactorAuthenticationDelete.html
#     description: Configuring MFA delete
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lock.html
#     description: Locking objects with Object Lock
# custom:
#   id: s3_log_bucket_versioning_enabled
#   remediation_id: EnableBucketVersioning
#   severity: medium
#   remediation: >-
#     Enable versioning on the log bucket, and either MFA delete or a default Object Lock retention in
#     COMPLIANCE mode.
#   frameworks:
#     pci-dss-4.0: ["10.3.2"]
#     nist-800-53-r5: ["AU-9"]
#     iso-27001-2022: ["A.8.15"]
#     hipaa: ["164.312(b)"]
# schemas:
#   - input: schema.snapshot
package trailwarden.rules.s3_log_bucket_versioning_enabled

import data.trailwarden.lib.log_bucket
import data.trailwarden.lib.snapshot

subjects := log_bucket.subjects

# A log bucket that S3 says does not exist fails (log_bucket.gone).
deny contains finding if some finding in log_bucket.gone_findings

deny contains finding if {
	some name, bucket in log_bucket.buckets(log_bucket.operations.versioning)
	status := object.get(bucket, ["versioning", "status"], "Disabled")
	status != "Enabled"
	finding := object.union(snapshot.bucket_subject(name), {
		"message": sprintf("Versioning of log bucket %s is %s.", [name, status]),
		"evidence": {"versioning": bucket.versioning},
		"fix": sprintf("aws s3api put-bucket-versioning --bucket %s --versioning-configuration Status=Enabled", [name]),
	})
}

deny contains finding if {
	some name, bucket in log_bucket.buckets(log_bucket.operations["Object Lock configuration"] | log_bucket.operations.versioning)
	object.get(bucket, ["versioning", "status"], "Disabled") == "Enabled"
	not immutable(bucket)
	finding := object.union(snapshot.bucket_subject(name), {
		"message": sprintf("Log bucket %s has neither MFA delete nor Object Lock in COMPLIANCE mode (%s).", [name, describe_lock(bucket)]),
		"evidence": {"versioning": bucket.versioning, "objectLock": bucket.objectLock},
		"fix": sprintf("aws s3api put-object-lock-configuration --bucket %s --object-lock-configuration '{\"ObjectLockEnabled\": \"Enabled\", \"Rule\": {\"DefaultRetention\": {\"Mode\": \"COMPLIANCE\", \"Days\": 2190}}}' (Object Lock), or as the root user with its MFA device: aws s3api put-bucket-versioning --bucket %s --versioning-configuration Status=Enabled,MFADelete=Enabled --mfa '<device ARN> <code>'", [name, name]),
	})
}

unknown := log_bucket.unknown("versioning") | object_lock_unknown

# The Object Lock configuration matters only when MFA delete is off.
object_lock_unknown := {f |
	some f in log_bucket.unknown("Object Lock configuration")
	some name in snapshot.org_trail_buckets
	f.resource == snapshot.bucket_arn(name)
	object.get(input.buckets, [name, "versioning", "mfaDelete"], "Disabled") != "Enabled"
}

immutable(bucket) if bucket.versioning.mfaDelete == "Enabled"

immutable(bucket) if {
	bucket.objectLock.enabled == true
	bucket.objectLock.mode == "COMPLIANCE"
}

describe_lock(bucket) := "no Object Lock" if not is_object(bucket.objectLock)

describe_lock(bucket) := "Object Lock not enabled" if {
	is_object(bucket.objectLock)
	bucket.objectLock.enabled != true
}

describe_lock(bucket) := "Object Lock without a default retention" if {
	bucket.objectLock.enabled == true
	bucket.objectLock.mode == null
}

describe_lock(bucket) := sprintf("Object Lock in %s mode", [bucket.objectLock.mode]) if {
	bucket.objectLock.enabled == true
	is_string(bucket.objectLock.mode)
}
