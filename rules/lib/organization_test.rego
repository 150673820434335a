package trailwarden.lib.organization_test

import data.trailwarden.lib.organization
import data.trailwarden.lib.test as fx

production_ou := "ou-ab12-pr0duct1"

# Workloads > Production > production account, to test inheritance through two OUs.
nested := fx.with_organization({
	"organizationalUnits": array.concat(fx.organization.organizationalUnits, [{"id": production_ou, "name": "Production", "parentId": fx.workloads_ou}]),
	"accounts": [
		{"id": fx.management_account, "name": "management", "status": "ACTIVE", "parentId": fx.root_id},
		{"id": fx.logging_account, "name": "log-archive", "status": "ACTIVE", "parentId": fx.security_ou},
		{"id": fx.production_account, "name": "production", "status": "ACTIVE", "parentId": production_ou},
		{"id": fx.development_account, "name": "development", "status": "SUSPENDED", "parentId": fx.workloads_ou},
	],
})

attached_to(targets) := object.union(fx.protect_cloudtrail_scp, {"targets": targets})

test_known if {
	organization.known with input as fx.compliant
	not organization.known with input as object.union(fx.compliant, {"organization": null})
}

test_member_accounts_leave_out_the_management_account if {
	{a.id | some a in organization.member_accounts} == {fx.logging_account, fx.production_account, fx.development_account} with input as nested
	{a.id | some a in organization.active_member_accounts} == {fx.logging_account, fx.production_account} with input as nested
	organization.account(fx.logging_account).name == "log-archive" with input as nested
}

test_path_to_root_through_nested_ous if {
	organization.path_to_root(fx.production_account) == {fx.production_account, production_ou, fx.workloads_ou, fx.root_id} with input as nested
	organization.path_to_root(fx.management_account) == {fx.management_account, fx.root_id} with input as nested
	organization.describe_path(fx.production_account) == "account 333333333333 (production), OU Production (ou-ab12-pr0duct1), OU Workloads (ou-ab12-w0rkl0ad), root r-ab12" with input as nested
}

test_scps_for_inherits_from_root_ou_and_account if {
	for_root := object.union(nested, {"scps": [attached_to([fx.root_id])]})
	count(organization.scps_for(fx.production_account)) == 1 with input as for_root
	for_ou := object.union(nested, {"scps": [attached_to([fx.workloads_ou])]})
	count(organization.scps_for(fx.production_account)) == 1 with input as for_ou
	count(organization.scps_for(fx.logging_account)) == 0 with input as for_ou
	for_account := object.union(nested, {"scps": [attached_to([fx.production_account])]})
	count(organization.scps_for(fx.production_account)) == 1 with input as for_account
	count(organization.scps_for(fx.development_account)) == 0 with input as for_account
	for_both := object.union(nested, {"scps": [attached_to([fx.root_id, fx.production_account])]})
	count(organization.scps_for(fx.production_account)) == 1 with input as for_both
}

test_pass_decide_names_the_denying_statement if {
	result := organization.decide(fx.production_account, "cloudtrail:StopLogging", fx.trail_arn, "us-east-1") with input as fx.compliant
	result.decision == "explicit_deny"
	[object.remove(s, ["body"]) | some s in result.statements] == [{"layer": 0, "policy": "SCP protect-cloudtrail (p-protecttrail1)", "statement": "statement ProtectCloudTrail"}]
	organization.decide(fx.production_account, "cloudtrail:CreateTrail", fx.trail_arn, "us-east-1").decision == "allow" with input as fx.compliant
}

test_fail_decide_respects_conditions if {
	region_scoped := object.union(fx.protect_cloudtrail_scp, {"document": {"Statement": [object.union(fx.protect_cloudtrail_scp.document.Statement[0], {"Condition": {"StringEquals": {"aws:RequestedRegion": "eu-west-1"}}})]}})
	organization.decide(fx.production_account, "cloudtrail:StopLogging", fx.trail_arn, "us-east-1").decision == "allow" with input as fx.with_scps([region_scoped, fx.full_aws_access_scp])
	organization.decide(fx.production_account, "cloudtrail:StopLogging", fx.trail_arn, "eu-west-1").decision == "explicit_deny" with input as fx.with_scps([region_scoped, fx.full_aws_access_scp])
	org_scoped := object.union(fx.protect_cloudtrail_scp, {"document": {"Statement": [object.union(fx.protect_cloudtrail_scp.document.Statement[0], {"Condition": {"StringEquals": {"aws:PrincipalOrgID": fx.org_id}}})]}})
	organization.decide(fx.production_account, "cloudtrail:StopLogging", fx.trail_arn, "us-east-1").decision == "explicit_deny" with input as fx.with_scps([org_scoped, fx.full_aws_access_scp])
}

# An allow-list: FullAWSAccess detached from the Workloads OU, which allows only EC2.
test_pass_allow_list_denies_implicitly if {
	ec2_only := {"id": "p-ec2only0001", "name": "ec2-only", "awsManaged": false, "document": {"Statement": [{"Effect": "Allow", "Action": "ec2:*", "Resource": "*"}]}, "targets": [fx.workloads_ou]}
	full := object.union(fx.full_aws_access_scp, {"targets": [fx.root_id, fx.security_ou, fx.production_account]})
	result := organization.decide(fx.production_account, "cloudtrail:StopLogging", fx.trail_arn, "us-east-1") with input as fx.with_scps([ec2_only, full])
	result.decision == "implicit_deny"
	result.levels == [sprintf("OU Workloads (%s)", [fx.workloads_ou])]
}

test_pass_layers_and_org_path if {
	[l.name | some l in organization.layers(fx.production_account)] == ["root r-ab12", sprintf("OU Workloads (%s)", [fx.workloads_ou]), sprintf("account %s (production)", [fx.production_account])] with input as fx.compliant
	organization.org_path(fx.production_account) == sprintf("%s/%s/%s/", [fx.org_id, fx.root_id, fx.workloads_ou]) with input as fx.compliant
	organization.principal_org(fx.production_account).id == fx.org_id with input as fx.compliant
}

test_scps_enforced if {
	organization.scps_enforced with input as fx.compliant
	not organization.scps_enforced with input as fx.with_organization({"featureSet": "CONSOLIDATED_BILLING"})
	not organization.scps_enforced with input as fx.with_organization({"roots": [{"id": fx.root_id, "name": "Root", "policyTypesEnabled": []}]})
	not organization.scps_enforced with input as fx.with_organization({"roots": []})
}

test_account_arn_and_subject if {
	organization.account_subject(fx.logging_account) == {"resource": fx.account_arn(fx.logging_account), "accountId": fx.logging_account, "region": "global"} with input as fx.compliant
}

test_scp_errors if {
	broken := fx.with_error(fx.error("organizations", "ListPolicies", fx.management_account, null))
	count(organization.scp_errors) == 1 with input as broken
	count(organization.errors) == 1 with input as broken
	count(organization.scp_errors) == 0 with input as fx.with_error(fx.error("organizations", "DescribeOrganization", fx.management_account, null))
}
