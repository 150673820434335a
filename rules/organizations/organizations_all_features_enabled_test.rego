package trailwarden.rules.organizations_all_features_enabled_test

import data.trailwarden.lib.test as fx
import data.trailwarden.rules.organizations_all_features_enabled as rule

test_pass_all_features_and_scps if {
	rule.subjects == {{"resource": fx.compliant.organization.arn, "accountId": fx.management_account, "region": "global"}} with input as fx.compliant
	count(rule.deny) == 0 with input as fx.compliant
	count(rule.unknown) == 0 with input as fx.compliant
}

test_fail_consolidated_billing_only if {
	some f in rule.deny with input as fx.with_organization({"featureSet": "CONSOLIDATED_BILLING"})
	f.message == "Organization o-a1b2c3d4e5 has only the CONSOLIDATED_BILLING feature set, so service control policies cannot be used."
	count(rule.deny) == 1 with input as fx.with_organization({"featureSet": "CONSOLIDATED_BILLING"})
}

test_fail_scp_type_not_enabled if {
	some f in rule.deny with input as fx.with_organization({"roots": [{"id": fx.root_id, "name": "Root", "policyTypesEnabled": ["TAG_POLICY"]}]})
	f.fix == "aws organizations enable-policy-type --root-id r-ab12 --policy-type SERVICE_CONTROL_POLICY"
}

test_unknown_organization_unreadable if {
	unread := object.union(fx.compliant, {"organization": null, "errors": [fx.error("organizations", "DescribeOrganization", fx.management_account, null)]})
	count(rule.deny) == 0 with input as unread
	some f in rule.unknown with input as unread
	f.resource == "arn:aws:organizations::111111111111:organization/unknown"
	contains(f.message, "organizations DescribeOrganization")
	some g in rule.unknown with input as object.union(fx.compliant, {"organization": null})
	g.message == "The organization could not be read."
}
