# METADATA
# title: The organization trail is logging and delivering without errors
# description: >-
#   A trail that was stopped, or whose deliveries to the bucket fail, records nothing an auditor can
#   read. CloudTrail reports both in the trail's status.
# related_resources:
#   - ref: https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_GetTrailStatus.html
#     description: GetTrailStatus (IsLogging, LatestDeliveryError)
# custom:
#   id: cloudtrail_org_trail_logging
#   severity: critical
#   remediation_id: StartLogging
#   remediation: >-
#     Start logging on the organization trail, and fix the cause of any delivery error (usually the
#     bucket policy or the KMS key policy).
#   frameworks:
#     cis-aws-foundations-3.0: ["3.1"]
#     cis-aws-foundations-4.0: ["3.1"]
#     cis-aws-foundations-5.0: ["3.1"]
#     aws-security-hub: ["CloudTrail.3"]
#     pci-dss-4.0: ["10.2.1"]
#     soc2: ["CC7.2"]
#     nist-800-53-r5: ["AU-12"]
#     iso-27001-2022: ["A.8.15"]
#     hipaa: ["164.312(b)"]
# schemas:
#   - input: schema.snapshot
package trailwarden.rules.cloudtrail_org_trail_logging

import data.trailwarden.lib.snapshot

subjects contains snapshot.trail_subject(trail) if {
	some trail in snapshot.org_trails
}

subjects contains snapshot.unseen_org_trail_subject if snapshot.org_trails_unseen

unknown contains snapshot.unseen_org_trail("whether it is logging")

deny contains finding if {
	some trail in snapshot.org_trails
	trail.status.isLogging != true
	finding := object.union(snapshot.trail_subject(trail), {
		"message": sprintf("Organization trail %s is not logging (stopped at %v).", [trail.name, object.get(trail.status, "stopLoggingTime", null)]),
		"evidence": trail.status,
		"fix": sprintf("aws cloudtrail start-logging --region %s --name %s", [trail.homeRegion, trail.arn]),
	})
}

deny contains finding if {
	some trail in snapshot.org_trails
	error := object.get(trail, ["status", "latestDeliveryError"], null)
	not error in {null, ""}
	finding := object.union(snapshot.trail_subject(trail), {
		"message": sprintf("Organization trail %s fails to deliver logs to bucket %s: %s.", [trail.name, trail.s3BucketName, error]),
		"evidence": trail.status,
		"fix": "Grant CloudTrail s3:PutObject in the bucket policy (and kms:GenerateDataKey* in the key policy when encrypted), then check GetTrailStatus again.",
	})
}

# The status comes from its own call (GetTrailStatus); when it failed there is no evidence.
unknown contains finding if {
	some trail in snapshot.org_trails
	object.get(trail, "status", null) == null
	errors := snapshot.resource_errors("cloudtrail", trail.arn)
	finding := object.union(snapshot.trail_subject(trail), {
		"message": sprintf("The status of organization trail %s could not be read%s.", [trail.name, reason(errors)]),
		"evidence": {"errors": errors},
	})
}

reason(errors) := sprintf(": %s", [snapshot.describe_errors(errors)]) if count(errors) > 0

reason(errors) := "" if count(errors) == 0
