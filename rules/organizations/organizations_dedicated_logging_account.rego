# METADATA
# title: A dedicated logging account is configured, an active member of the organization
# description: >-
#   Logs kept apart from the accounts they record, in an account few people can use, cannot be
#   erased by the administrators whose actions they record. The logging account named in config.yaml
#   (organization.loggingAccountId) must be an active member account of the organization, not the
#   management account. Without that setting the rule is UNKNOWN rather than FAIL: AWS does not record
#   which account is meant to be the logging account, so TrailWarden cannot judge one.
# related_resources:
#   - ref: https://docs.aws.amazon.com/prescriptive-guidance/latest/security-reference-architecture/log-archive.html
#     description: AWS Security Reference Architecture, Log Archive account
#   - ref: https://docs.aws.amazon.com/organizations/latest/userguide/orgs_best-practices_mgmt-acct.html
#     description: Best practices for the management account
# custom:
#   id: organizations_dedicated_logging_account
#   severity: high
#   remediation: >-
#     Create a log-archive member account for the logs and name it as organization.loggingAccountId in
#     config.yaml.
#   remediation_none: >-
#     creating an AWS account (its e-mail address, OU and guardrails) is an organization design decision.
#   frameworks:
#     pci-dss-4.0: ["10.3.3"]
#     nist-800-53-r5: ["AU-9(2)"]
#     hipaa: ["164.312(b)"]
# schemas:
#   - input: schema.snapshot
package trailwarden.rules.organizations_dedicated_logging_account

import data.trailwarden.lib.organization
import data.trailwarden.lib.snapshot

subjects contains snapshot.organization_subject

logging_account := object.get(input.scope, "loggingAccountId", null)

deny contains finding if {
	organization.known
	logging_account != null
	problem := wrong(logging_account)
	finding := object.union(snapshot.organization_subject, {
		"message": sprintf("The logging account %s %s.", [logging_account, problem]),
		"evidence": {"loggingAccountId": logging_account, "accounts": organization.accounts},
		"fix": "aws organizations create-account --email <address> --account-name log-archive (or use an existing member account that holds nothing else), then set organization.loggingAccountId in config.yaml to its id",
	})
}

unknown contains finding if {
	logging_account == null
	finding := object.union(snapshot.organization_subject, {
		"message": "No dedicated logging account is configured: set organization.loggingAccountId in config.yaml.",
		"evidence": {"loggingAccountId": null},
	})
}

unknown contains finding if {
	logging_account != null
	not organization.known
	finding := object.union(snapshot.organization_subject, {
		"message": sprintf("The organization could not be read, so whether logging account %s is one of its member accounts is unknown.", [logging_account]),
		"evidence": {"errors": organization.errors},
	})
}

# Not among the accounts, though not every account could be listed.
unknown contains finding if {
	logging_account != null
	organization.known
	not organization.accounts_complete
	logging_account != snapshot.management_account_id
	not organization.account(logging_account)
	finding := object.union(snapshot.organization_subject, {
		"message": sprintf("The accounts of organization %s could not all be listed, so whether logging account %s is one of them is unknown: %s.", [input.organization.id, logging_account, snapshot.describe_errors(organization.account_list_errors)]),
		"evidence": {"errors": organization.account_list_errors},
	})
}

wrong(id) := "is the management account" if id == snapshot.management_account_id

wrong(id) := sprintf("is not an account of organization %s", [input.organization.id]) if {
	id != snapshot.management_account_id
	organization.accounts_complete
	not id in {a.id | some a in organization.accounts}
}

wrong(id) := sprintf("is %s, not active", [organization.account(id).status]) if {
	id != snapshot.management_account_id
	organization.account(id).status != "ACTIVE"
}
