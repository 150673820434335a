# METADATA
# title: The organization trail validates log file integrity
# description: >-
#   Log file integrity validation makes CloudTrail deliver signed digest files, so an auditor can
#   prove that no log file was changed or deleted after delivery.
# related_resources:
#   - ref: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-validation-intro.html
#     description: Validating CloudTrail log file integrity
# custom:
#   id: cloudtrail_org_trail_log_file_validation_enabled
#   severity: high
#   remediation: Enable log file integrity validation on the organization trail.
#   remediation_id: EnableLogFileValidation
#   frameworks:
#     cis-aws-foundations-3.0: ["3.2"]
#     cis-aws-foundations-4.0: ["3.2"]
#     cis-aws-foundations-5.0: ["3.2"]
#     aws-security-hub: ["CloudTrail.4"]
#     pci-dss-4.0: ["10.3.2"]
#     nist-800-53-r5: ["AU-9", "AU-9(3)"]
#     iso-27001-2022: ["A.8.15"]
#     hipaa: ["164.312(b)"]
# schemas:
#   - input: schema.snapshot
package trailwarden.rules.cloudtrail_org_trail_log_file_validation_enabled

import data.trailwarden.lib.snapshot

subjects contains snapshot.trail_subject(trail) if {
	some trail in snapshot.org_trails
}

subjects contains snapshot.unseen_org_trail_subject if snapshot.org_trails_unseen

unknown contains snapshot.unseen_org_trail("whether it validates log files")

deny contains finding if {
	some trail in snapshot.org_trails
	trail.logFileValidationEnabled != true
	finding := object.union(snapshot.trail_subject(trail), {
		"message": sprintf("Organization trail %s does not validate log file integrity.", [trail.name]),
		"evidence": {"logFileValidationEnabled": trail.logFileValidationEnabled},
		"fix": sprintf("aws cloudtrail update-trail --region %s --name %s --enable-log-file-validation", [trail.homeRegion, trail.arn]),
	})
}
