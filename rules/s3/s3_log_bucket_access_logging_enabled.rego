# METADATA
# title: The log bucket records server access logs in another bucket
# description: >-
#   S3 server access logging records every request to the log bucket, reads included, which CloudTrail
#   records only with data events. The access logs go to a different bucket: a bucket that logs into
#   itself records its own log deliveries without end.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerLogs.html
#     description: Logging requests with server access logging
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-server-access-logging.html
#     description: Enabling Amazon S3 server access logging
# custom:
#   id: s3_log_bucket_access_logging_enabled
#   remediation_id: EnableAccessLogging
#   severity: low
#   remediation: Enable server access logging on the log bucket, into a separate access-log bucket.
#   frameworks:
#     cis-aws-foundations-3.0: ["3.4"]
#     cis-aws-foundations-4.0: ["3.4"]
#     cis-aws-foundations-5.0: ["3.4"]
#     aws-security-hub: ["CloudTrail.7"]
#     pci-dss-4.0: ["10.2.1.3"]
#     iso-27001-2022: ["A.8.15"]
#     hipaa: ["164.312(b)"]
# schemas:
#   - input: schema.snapshot
package trailwarden.rules.s3_log_bucket_access_logging_enabled

import data.trailwarden.lib.log_bucket
import data.trailwarden.lib.snapshot

subjects := log_bucket.subjects

# A log bucket that S3 says does not exist fails (log_bucket.gone).
deny contains finding if some finding in log_bucket.gone_findings

deny contains finding if {
	some name, bucket in log_bucket.buckets(log_bucket.operations["access logging"])
	problem := wrong(name, bucket.logging)
	finding := object.union(snapshot.bucket_subject(name), {
		"message": sprintf("Log bucket %s %s.", [name, problem]),
		"evidence": {"logging": bucket.logging},
		"fix": sprintf("aws s3api put-bucket-logging --bucket %s --bucket-logging-status '{\"LoggingEnabled\": {\"TargetBucket\": \"<an access-log bucket in account %s>\", \"TargetPrefix\": \"%s/\"}}'", [name, bucket.accountId, name]),
	})
}

unknown := log_bucket.unknown("access logging")

wrong(_, null) := "does not record server access logs"

wrong(name, logging) := "records server access logs into itself" if logging.targetBucket == name
