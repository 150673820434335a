# METADATA
# title: An organization trail exists in the management account
# description: >-
#   One CloudTrail organization trail, created in the management account, records every member
#   account's activity into one place that member accounts cannot change. Without it each account's
#   audit log depends on that account's own settings.
# related_resources:
#   - ref: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/creating-trail-organization.html
#     description: Creating a trail for an organization
# custom:
#   id: cloudtrail_org_trail_exists
#   severity: critical
#   remediation: >-
#     Create a multi-region organization trail in the management account that delivers to the
#     log bucket in the dedicated logging account.
#   remediation_id: CreateOrganizationTrail
#   frameworks:
#     cis-aws-foundations-3.0: ["3.1"]
#     cis-aws-foundations-4.0: ["3.1"]
#     cis-aws-foundations-5.0: ["3.1"]
#     aws-security-hub: ["CloudTrail.3"]
#     pci-dss-4.0: ["10.2.1"]
#     soc2: ["CC7.2"]
#     nist-800-53-r5: ["AU-2", "AU-12"]
#     iso-27001-2022: ["A.8.15"]
#     hipaa: ["164.312(b)"]
# schemas:
#   - input: schema.snapshot
package trailwarden.rules.cloudtrail_org_trail_exists

import data.trailwarden.lib.snapshot

subjects contains snapshot.organization_subject

deny contains finding if {
	count(snapshot.org_trails) == 0
	count(errors) == 0
	finding := object.union(snapshot.organization_subject, {
		"message": sprintf("No organization trail exists in management account %s.", [snapshot.management_account_id]),
		"evidence": {"trails": sort([t.arn | some t in input.trails])},
		"fix": "aws cloudtrail create-trail --name org-trail --s3-bucket-name <log-bucket> --is-organization-trail --is-multi-region-trail --enable-log-file-validation",
	})
}

unknown contains finding if {
	count(snapshot.org_trails) == 0
	count(errors) > 0
	finding := object.union(snapshot.organization_subject, {
		"message": sprintf("Trails of management account %s could not all be read: %s.", [snapshot.management_account_id, snapshot.describe_errors(errors)]),
		"evidence": {"errors": errors},
	})
}

errors := array.concat(snapshot.errors_for("cloudtrail", snapshot.management_account_id), snapshot.region_list_errors)
