# METADATA
# title: An SCP stops the logging account from deleting the log bucket or changing its policy and lifecycle
# description: >-
#   Administrators of the logging account own the log bucket, so its bucket policy cannot protect the
#   bucket from them. A service control policy reaching the bucket's account (through the root, an OU
#   or the account) must deny s3:DeleteBucket, s3:PutBucketPolicy, s3:DeleteBucketPolicy and
#   s3:PutLifecycleConfiguration on the bucket to every principal except a named security role. A
#   Deny counts when it stops an ordinary principal of the account calling over HTTPS with MFA, and
#   every principal it exempts is named by aws:PrincipalArn matching exempt_role_patterns (compared
#   without regard to case); an exemption by tag, account or any other key does not count. A bucket
#   in the management account fails: SCPs never apply there.
# related_resources:
#   - ref: https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html
#     description: Service control policies (SCPs)
#   - ref: https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_examples_general.html
#     description: General example SCPs (exempting an administrator role with aws:PrincipalArn)
# custom:
#   id: organizations_scp_protects_log_bucket
#   severity: medium
#   remediation_id: AttachLogBucketProtectionScp
#   remediation: >-
#     Attach to the logging account (or its OU) an SCP that denies s3:DeleteBucket, s3:PutBucketPolicy,
#     s3:DeleteBucketPolicy and s3:PutLifecycleConfiguration on the log bucket, exempting only a named
#     security role through ArnNotLike aws:PrincipalArn.
#   frameworks:
#     pci-dss-4.0: ["10.3.2"]
#     nist-800-53-r5: ["AU-9"]
#     iso-27001-2022: ["A.8.15"]
#     hipaa: ["164.312(b)"]
#   params:
#     actions: ["s3:DeleteBucket", "s3:PutBucketPolicy", "s3:DeleteBucketPolicy", "s3:PutLifecycleConfiguration"]
#     exempt_role_patterns:
#       - "arn:aws:iam::*:role/*security*"
#       - "arn:aws:iam::*:role/*break*glass*"
#       - "arn:aws:iam::*:role/awscontroltowerexecution"
# schemas:
#   - input: schema.snapshot
package trailwarden.rules.organizations_scp_protects_log_bucket

import data.trailwarden.lib.arn
import data.trailwarden.lib.iam
import data.trailwarden.lib.log_bucket
import data.trailwarden.lib.organization
import data.trailwarden.lib.params as parameters
import data.trailwarden.lib.snapshot

params := parameters.of(rego.metadata.chain())

subjects := log_bucket.subjects

# The account holding the bucket: its owner when collected, else the configured logging account.
owner(name) := input.buckets[name].accountId

owner(name) := input.scope.loggingAccountId if {
	not input.buckets[name]
	is_string(input.scope.loggingAccountId)
}

region(name) := object.get(input.buckets, [name, "region"], object.get(input.scope, "homeRegion", "us-east-1"))

deny contains finding if {
	organization.scps_enforced
	count(organization.scp_errors) == 0
	some name in snapshot.org_trail_buckets
	account := owner(name)
	account != snapshot.management_account_id
	not organization.unplaced(account)
	gaps := [action | some action in params.actions; count(protecting(name, account, action)) == 0]
	count(gaps) > 0
	loose := sort({sprintf("%s of %s exempts %s", [d.statement, d.policy, concat(", ", d.unnamed)]) |
		some action in gaps
		some d in denials(name, account, action)
		count(d.unnamed) > 0
	})
	finding := object.union(snapshot.bucket_subject(name), {
		"message": sprintf("No SCP reaching account %s denies %s on log bucket %s to all but a named security role%s%s.", [account, concat(", ", gaps), name, note(loose), organization.gone_scps_note]),
		"evidence": {"account": account, "missing": gaps, "looseExemptions": loose, "scps": sort([sprintf("%s (%s)", [p.name, p.id]) | some p in organization.scps_for(account)])},
		"fix": sprintf("aws organizations create-policy --type SERVICE_CONTROL_POLICY --name protect-log-bucket --description \"Protect the CloudTrail log bucket\" --content '{\"Version\": \"2012-10-17\", \"Statement\": [{\"Sid\": \"ProtectLogBucket\", \"Effect\": \"Deny\", \"Action\": [%s], \"Resource\": \"%s\", \"Condition\": {\"ArnNotLike\": {\"aws:PrincipalArn\": \"arn:aws:iam::%s:role/<security role>\"}}}]}' && aws organizations attach-policy --policy-id <the new policy id> --target-id %s", [concat(", ", [sprintf("\"%s\"", [a]) | some a in params.actions]), arn.bucket(name), account, account]),
	})
}

deny contains finding if {
	some name in snapshot.org_trail_buckets
	owner(name) == snapshot.management_account_id
	finding := object.union(snapshot.bucket_subject(name), {
		"message": sprintf("Log bucket %s is in the management account, where no SCP applies.", [name]),
		"evidence": {"account": snapshot.management_account_id},
		"fix": "Move the log bucket to the dedicated logging account (see cloudtrail_org_trail_bucket_in_logging_account), then protect it with an SCP.",
	})
}

deny contains finding if {
	organization.roots_known
	not organization.scps_enforced
	some name in snapshot.org_trail_buckets
	account := owner(name)
	account != snapshot.management_account_id
	finding := object.union(snapshot.bucket_subject(name), {
		"message": sprintf("No SCP protects log bucket %s: service control policies are not enabled in the organization.", [name]),
		"evidence": {"featureSet": input.organization.featureSet, "roots": organization.roots},
		"fix": "Enable all features and the SERVICE_CONTROL_POLICY policy type on the root (see organizations_all_features_enabled), then attach an SCP protecting the bucket.",
	})
}

unknown contains finding if {
	some name in snapshot.org_trail_buckets
	not owner(name)
	finding := object.union(snapshot.bucket_subject(name), {
		"message": sprintf("Log bucket %s was not collected and no logging account is configured, so the account to protect is unknown.", [name]),
		"evidence": {"errors": snapshot.resource_errors("s3", name)},
	})
}

unknown contains finding if {
	not organization.known
	some name in snapshot.org_trail_buckets
	finding := object.union(snapshot.bucket_subject(name), {
		"message": sprintf("The organization could not be read, so whether an SCP protects log bucket %s is unknown.", [name]),
		"evidence": {"errors": organization.errors},
	})
}

unknown contains finding if {
	organization.scps_enforced
	count(organization.scp_errors) > 0
	some name in snapshot.org_trail_buckets
	account := owner(name)
	account != snapshot.management_account_id
	count([action | some action in params.actions; count(denials(name, account, action)) == 0]) > 0
	finding := object.union(snapshot.bucket_subject(name), {
		"message": sprintf("The SCPs could not all be read (%s), so whether one protects log bucket %s is unknown.", [snapshot.describe_errors(organization.scp_errors), name]),
		"evidence": {"errors": organization.scp_errors},
	})
}

unknown contains finding if {
	some name in snapshot.org_trail_buckets
	account := owner(name)
	account != snapshot.management_account_id
	reason := bucket_scps_unknown_reason(account)
	finding := object.union(snapshot.bucket_subject(name), {
		"message": sprintf("Whether an SCP protects log bucket %s in account %s is unknown: %s.", [name, account, reason]),
		"evidence": {"errors": organization.account_list_errors},
	})
}

unknown contains finding if {
	some finding in log_bucket.unseen_trail_bucket_findings
}

bucket_scps_unknown_reason(account) := organization.scps_unknown_reason(account)

bucket_scps_unknown_reason(account) := "the roots of the organization could not be read" if {
	organization.known
	not organization.roots_known
	not organization.accounts_by_id[account]
}

# What the SCPs decide for the account's ordinary principal calling `action` on the bucket.
decision(name, account, action) := organization.decide(account, action, arn.bucket(name), region(name))

# The Deny statements that decided, with the principals they exempt that exempt_role_patterns does not
# name.
denials(name, account, action) := [{"policy": s.policy, "statement": s.statement, "unnamed": unnamed_exemptions(s.body)} |
	result := decision(name, account, action)
	result.decision == "explicit_deny"
	some s in result.statements
]

# The SCPs protect the bucket from `action`: no level allows it (an allow-list), or a Deny stops the
# ordinary principal while exempting only named security roles.
protecting(name, account, action) := [result.levels] if {
	result := decision(name, account, action)
	result.decision == "implicit_deny"
} else := [d |
	some d in denials(name, account, action)
	count(d.unnamed) == 0
]

# Exemptions are negated conditions on who the caller is.
unnamed_exemptions(statement) := sort({exemption |
	some operator, entries in object.get(statement, "Condition", {})
	op := iam.parsed_operator(operator)
	iam.negated[op.base]
	some key, values in entries
	principal_key(lower(key))
	some value in iam.as_array(values)
	exemption := unnamed(lower(key), value)
})

principal_key(key) if startswith(key, "aws:principal")

principal_key(key) if key in {"aws:userid", "aws:username", "aws:sourceidentity"}

unnamed(key, value) := sprintf("%s %v", [key, value]) if key != "aws:principalarn"

unnamed(key, value) := value if {
	key == "aws:principalarn"
	not named_role(value)
}

named_role(value) if {
	some pattern in params.exempt_role_patterns
	glob.match(iam.escape_glob(lower(pattern)), null, lower(value))
}

note(loose) := "" if count(loose) == 0

note(loose) := sprintf(" (%s, not a named security role)", [concat("; ", loose)]) if count(loose) > 0
