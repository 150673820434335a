package trailwarden.rules.securityhub_hub_enabled_test

import data.trailwarden.lib.test as fx
import data.trailwarden.rules.securityhub_hub_enabled as rule

hub(account, region) := fx.hub_arn(account, region)

subject(account, region) := {"resource": hub(account, region), "accountId": account, "region": region}

# Security Hub answered that the production account is not subscribed in eu-west-1.
not_subscribed := fx.replaced(fx.compliant, {
	"securityHubs": object.remove(fx.security_hubs, [hub(fx.production_account, "eu-west-1")]),
	"absent": [{
		"service": "securityhub", "operation": "DescribeHub", "accountId": fx.production_account, "region": "eu-west-1",
		"code": "InvalidAccessException", "message": "Account 333333333333 is not subscribed to AWS Security Hub",
		"resource": hub(fx.production_account, "eu-west-1"),
	}],
})

test_pass_every_account_and_region if {
	rule.subjects == {subject(p.accountId, p.region) | some p in fx.security_places} with input as fx.compliant
	count(rule.deny) == 0 with input as fx.compliant
	count(rule.unknown) == 0 with input as fx.compliant
}

test_fail_not_subscribed if {
	some f in rule.deny with input as not_subscribed
	f.resource == hub(fx.production_account, "eu-west-1")
	f.message == "Security Hub is not enabled in account 333333333333, region eu-west-1: DescribeHub answered InvalidAccessException."
	contains(f.fix, "aws securityhub enable-security-hub --region eu-west-1")
	count(rule.deny) == 1 with input as not_subscribed
	count(rule.unknown) == 0 with input as not_subscribed
}

test_unknown_describe_hub_denied if {
	denied := fx.replaced(fx.compliant, {
		"securityHubs": object.remove(fx.security_hubs, [hub(fx.logging_account, "us-east-1")]),
		"errors": [fx.error("securityhub", "DescribeHub", fx.logging_account, hub(fx.logging_account, "us-east-1"))],
	})
	count(rule.deny) == 0 with input as denied
	some f in rule.unknown with input as denied
	f.resource == hub(fx.logging_account, "us-east-1")
	contains(f.message, "securityhub DescribeHub in 222222222222/us-east-1: AccessDenied")
	count(rule.unknown) == 1 with input as denied
}

test_unknown_role_not_assumed if {
	refused := fx.replaced(fx.compliant, {
		"securityHubs": {arn: h | some arn, h in fx.security_hubs; h.accountId != fx.production_account},
		"errors": [fx.error("sts", "AssumeRole", fx.production_account, null)],
	})
	count(rule.deny) == 0 with input as refused
	{f.resource | some f in rule.unknown} == {hub(fx.production_account, "us-east-1"), hub(fx.production_account, "eu-west-1")} with input as refused
}

test_unknown_place_not_read if {
	unread := fx.replaced(fx.compliant, {"securityHubs": {}})
	count(rule.deny) == 0 with input as unread
	count(rule.unknown) == 6 with input as unread
}

test_unknown_accounts_not_all_listed if {
	partial := fx.replaced(fx.compliant, {"errors": [
		object.union(fx.error("organizations", "ListAccountsForParent", fx.management_account, fx.security_ou), {"region": "global"}),
		object.union(fx.error("organizations", "ListAccounts", fx.management_account, null), {"region": "global"}),
	]})
	some f in rule.unknown with input as partial
	f.resource == fx.organization.arn
	startswith(f.message, "Not every account and region in scope could be listed, so whether Security Hub is enabled is unknown")
	count(rule.deny) == 0 with input as partial
}

test_unknown_organization_unread if {
	unread := fx.replaced(fx.compliant, {
		"organization": null,
		"errors": [object.union(fx.error("organizations", "DescribeOrganization", fx.management_account, null), {"region": "global"})],
	})
	count(rule.deny) == 0 with input as unread
	some f in rule.unknown with input as unread
	f.resource == "arn:aws:organizations::111111111111:organization/unknown"
	contains(f.message, "organizations DescribeOrganization in 111111111111/global: AccessDenied")

	# Only the management account's places are judged; the hubs of the others were collected by no one.
	{s.accountId | some s in rule.subjects; s.region != "global"} == {fx.management_account} with input as unread
}
