# METADATA
# title: CloudTrail has trusted access to the organization
# description: >-
#   An organization trail needs trusted access for cloudtrail.amazonaws.com: CloudTrail uses it to
#   list member accounts and create the trail in each of them, including accounts that join later.
#   Without it no organization trail can be created, and an existing one stops reaching new accounts.
# related_resources:
#   - ref: https://docs.aws.amazon.com/organizations/latest/userguide/services-that-can-integrate-cloudtrail.html
#     description: AWS CloudTrail and AWS Organizations
#   - ref: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/creating-an-organizational-trail-prepare.html
#     description: Prepare for creating a trail for your organization
# custom:
#   id: organizations_cloudtrail_trusted_access_enabled
#   severity: medium
#   remediation_id: EnableCloudTrailTrustedAccess
#   remediation: Enable trusted access for CloudTrail in AWS Organizations.
#   frameworks:
#     hipaa: ["164.312(b)"]
# schemas:
#   - input: schema.snapshot
package trailwarden.rules.organizations_cloudtrail_trusted_access_enabled

import data.trailwarden.lib.organization
import data.trailwarden.lib.snapshot

subjects contains snapshot.organization_subject

deny contains finding if {
	organization.service_access_known
	not "cloudtrail.amazonaws.com" in input.organization.serviceAccess
	finding := object.union(snapshot.organization_subject, {
		"message": sprintf("CloudTrail does not have trusted access to organization %s.", [input.organization.id]),
		"evidence": {"serviceAccess": input.organization.serviceAccess},
		"fix": "aws organizations enable-aws-service-access --service-principal cloudtrail.amazonaws.com",
	})
}

unknown contains finding if {
	not organization.known
	finding := object.union(snapshot.organization_subject, {
		"message": "The organization could not be read, so CloudTrail's trusted access is unknown.",
		"evidence": {"errors": organization.errors},
	})
}

unknown contains finding if {
	organization.known
	not organization.service_access_known
	finding := object.union(snapshot.organization_subject, {
		"message": sprintf("The services with trusted access to organization %s could not be listed: %s.", [input.organization.id, snapshot.describe_errors(organization.errors)]),
		"evidence": {"errors": organization.errors},
	})
}
