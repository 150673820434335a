package trailwarden.rules.organizations_scp_protects_cloudtrail_test

import data.trailwarden.lib.test as fx
import data.trailwarden.rules.organizations_scp_protects_cloudtrail as rule

protect := fx.protect_cloudtrail_scp

statement := protect.document.Statement[0]

scp_with(changes) := object.union(protect, {"document": {"Version": "2012-10-17", "Statement": [fx.replaced(statement, changes)]}})

scps(list) := fx.with_scps(array.concat(list, [fx.protect_log_bucket_scp, fx.full_aws_access_scp]))

test_pass_root_scp_protects_every_member_account if {
	rule.subjects == {
		{"resource": fx.account_arn(fx.logging_account), "accountId": fx.logging_account, "region": "global"},
		{"resource": fx.account_arn(fx.production_account), "accountId": fx.production_account, "region": "global"},
	} with input as fx.compliant
	count(rule.deny) == 0 with input as fx.compliant
	count(rule.unknown) == 0 with input as fx.compliant
}

test_pass_wildcards_and_not_action if {
	count(rule.deny) == 0 with input as scps([scp_with({"Action": "cloudtrail:*"})])
	count(rule.deny) == 0 with input as scps([scp_with({"Action": ["cloudtrail:Stop*", "cloudtrail:Delete*", "cloudtrail:Update*"]})])
	not_action := object.union(object.remove(statement, ["Action"]), {"NotAction": ["iam:*", "sts:*"]})
	count(rule.deny) == 0 with input as scps([object.union(protect, {"document": {"Statement": [not_action]}})])
}

test_pass_trail_arn_resource if {
	count(rule.deny) == 0 with input as scps([scp_with({"Resource": "arn:aws:cloudtrail:*:111111111111:trail/org-trail"})])
}

test_pass_break_glass_exemption if {
	break_glass := scp_with({"Condition": {"ArnNotLike": {"aws:PrincipalArn": "arn:aws:iam::*:role/BreakGlass"}}})
	count(rule.deny) == 0 with input as scps([break_glass])
}

test_pass_attached_to_each_ou_and_account if {
	per_target := object.union(protect, {"targets": [fx.security_ou, fx.production_account]})
	count(rule.deny) == 0 with input as scps([per_target])
}

test_pass_management_and_suspended_accounts_are_not_subjects if {
	suspended := fx.with_organization({"accounts": array.concat(fx.organization.accounts, [{"id": fx.development_account, "name": "development", "status": "SUSPENDED", "parentId": fx.workloads_ou}])})
	subjects := {s.accountId | some s in rule.subjects} with input as object.union(suspended, {"scps": []})
	subjects == {fx.logging_account, fx.production_account}
}

test_fail_scp_on_one_ou_only if {
	workloads_only := object.union(protect, {"targets": [fx.workloads_ou]})
	some f in rule.deny with input as scps([workloads_only])
	f.resource == fx.account_arn(fx.logging_account)
	startswith(f.message, "The SCPs reaching account 222222222222 (log-archive) through account 222222222222 (log-archive), OU Security (ou-ab12-secur1ty), root r-ab12 allow cloudtrail:StopLogging on arn:aws:cloudtrail:us-east-1:111111111111:trail/org-trail (statement [0] of SCP FullAWSAccess (p-FullAWSAccess))")
	f.evidence.scps == ["FullAWSAccess (p-FullAWSAccess)", "protect-log-archive (p-protectlogs01)"]
	contains(f.fix, "--target-id r-ab12")
	count(rule.deny) == 1 with input as scps([workloads_only])
}

test_fail_missing_action if {
	some f in rule.deny with input as scps([scp_with({"Action": ["cloudtrail:StopLogging", "cloudtrail:DeleteTrail"]})])
	f.evidence.missing == ["cloudtrail:UpdateTrail on arn:aws:cloudtrail:us-east-1:111111111111:trail/org-trail"]
}

test_fail_exemption_matching_every_role if {
	count(rule.deny) == 2 with input as scps([scp_with({"Condition": {"ArnNotLike": {"aws:PrincipalArn": "arn:aws:iam::*:role/*"}}})])
}

test_fail_region_condition_outside_the_trail_region if {
	count(rule.deny) == 2 with input as scps([scp_with({"Condition": {"StringNotEquals": {"aws:RequestedRegion": ["us-east-1", "eu-west-1"]}}})])
}

test_fail_resource_other_trail if {
	count(rule.deny) == 2 with input as scps([scp_with({"Resource": "arn:aws:cloudtrail:*:*:trail/member-*"})])
}

test_fail_params_add_an_action if {
	count(rule.deny) == 2 with input as fx.compliant with data.trailwarden.params.organizations_scp_protects_cloudtrail as {"actions": ["cloudtrail:PutEventSelectors"]}
}

test_fail_scps_not_enabled if {
	some f in rule.deny with input as fx.with_organization({"featureSet": "CONSOLIDATED_BILLING"})
	contains(f.message, "service control policies are not enabled in the organization")
}

test_fail_no_org_trail_uses_the_expected_trail_name if {
	no_trail := object.union(scps([scp_with({"Resource": "arn:aws:cloudtrail:us-east-1:111111111111:trail/other"})]), {"trails": []})
	some f in rule.deny with input as no_trail
	contains(f.message, "arn:aws:cloudtrail:us-east-1:111111111111:trail/org-trail")
	count(rule.deny) == 0 with input as object.union(fx.compliant, {"trails": []})
	unnamed := object.union(fx.with_scope({"trailName": null}), {"trails": []})
	count(rule.deny) == 0 with input as unnamed
	count(rule.deny) == 2 with input as object.union(unnamed, {"scps": [scp_with({"Resource": "arn:aws:cloudtrail:us-east-1:111111111111:trail/org-trail"}), fx.full_aws_access_scp]})
}

test_unknown_organization_unreadable if {
	unread := object.union(fx.compliant, {"organization": null})
	count(rule.deny) == 0 with input as unread
	some f in rule.unknown with input as unread
	f.resource == "arn:aws:organizations::111111111111:organization/unknown"
	some s in rule.subjects with input as unread
	s.resource == f.resource
}

test_unknown_scps_unreadable if {
	broken := object.union(fx.with_scps([]), {"errors": [fx.error("organizations", "ListPolicies", fx.management_account, null)]})
	count(rule.deny) == 0 with input as broken
	count(rule.unknown) == 2 with input as broken

	# An explicit Deny stands whatever else is unread; an implicit deny could be an unread SCP's Allow.
	count(rule.unknown) == 0 with input as object.union(fx.compliant, {"errors": broken.errors})
	allow_list := object.union(fx.with_scps([object.union(fx.full_aws_access_scp, {"targets": [fx.root_id, fx.security_ou]})]), {"errors": broken.errors})
	count(rule.unknown) == 2 with input as allow_list
}
