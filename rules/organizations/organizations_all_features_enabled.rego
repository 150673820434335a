# METADATA
# title: The organization has all features and the SCP policy type enabled
# description: >-
#   Service control policies, the only guardrail that binds administrators of member accounts, exist
#   only in an organization with all features enabled, and apply only once the SERVICE_CONTROL_POLICY
#   policy type is enabled on the root. Without them no SCP protects the trail or the log bucket.
# related_resources:
#   - ref: https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_org_support-all-features.html
#     description: Enabling all features for an organization
#   - ref: https://docs.aws.amazon.com/organizations/latest/userguide/enable-policy-type.html
#     description: Enabling a policy type
# custom:
#   id: organizations_all_features_enabled
#   severity: high
#   remediation: >-
#     Enable all features in the organization, then enable the SERVICE_CONTROL_POLICY policy type on
#     the root.
#   remediation_none: >-
#     enabling all features sends a handshake every member account must accept, and cannot be undone.
#   frameworks:
#     hipaa: ["164.312(b)"]
# schemas:
#   - input: schema.snapshot
package trailwarden.rules.organizations_all_features_enabled

import data.trailwarden.lib.organization
import data.trailwarden.lib.snapshot

subjects contains snapshot.organization_subject

deny contains finding if {
	organization.known
	input.organization.featureSet != "ALL"
	finding := object.union(snapshot.organization_subject, {
		"message": sprintf("Organization %s has only the %s feature set, so service control policies cannot be used.", [input.organization.id, input.organization.featureSet]),
		"evidence": {"featureSet": input.organization.featureSet},
		"fix": "aws organizations enable-all-features (every member account must accept; then enable the SCP policy type on the root)",
	})
}

deny contains finding if {
	organization.known
	input.organization.featureSet == "ALL"
	some root in organization.roots
	not "SERVICE_CONTROL_POLICY" in root.policyTypesEnabled
	finding := object.union(snapshot.organization_subject, {
		"message": sprintf("The SERVICE_CONTROL_POLICY policy type is not enabled on root %s of organization %s, so no SCP applies.", [root.id, input.organization.id]),
		"evidence": {"root": root},
		"fix": sprintf("aws organizations enable-policy-type --root-id %s --policy-type SERVICE_CONTROL_POLICY", [root.id]),
	})
}

unknown contains finding if {
	not organization.known
	finding := object.union(snapshot.organization_subject, {
		"message": sprintf("The organization could not be read%s.", [reason]),
		"evidence": {"errors": organization.errors},
	})
}

unknown contains finding if {
	organization.known
	not organization.roots_known
	finding := object.union(snapshot.organization_subject, {
		"message": sprintf("The roots of organization %s could not be read, so whether SCPs are enabled on them is unknown: %s.", [input.organization.id, snapshot.describe_errors(organization.errors)]),
		"evidence": {"errors": organization.errors},
	})
}

reason := sprintf(": %s", [snapshot.describe_errors(organization.errors)]) if count(organization.errors) > 0

reason := "" if count(organization.errors) == 0
