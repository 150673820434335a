package trailwarden.rules.organizations_dedicated_logging_account_test

import data.trailwarden.lib.test as fx
import data.trailwarden.rules.organizations_dedicated_logging_account as rule

test_pass_member_logging_account if {
	count(rule.subjects) == 1 with input as fx.compliant
	count(rule.deny) == 0 with input as fx.compliant
	count(rule.unknown) == 0 with input as fx.compliant
}

test_fail_management_account if {
	some f in rule.deny with input as fx.with_scope({"loggingAccountId": fx.management_account})
	f.message == "The logging account 111111111111 is the management account."
	contains(f.fix, "aws organizations create-account")
}

test_fail_not_in_the_organization if {
	some f in rule.deny with input as fx.with_scope({"loggingAccountId": "999999999999"})
	f.message == "The logging account 999999999999 is not an account of organization o-a1b2c3d4e5."
}

test_fail_suspended if {
	suspended := fx.with_organization({"accounts": [
		{"id": fx.management_account, "name": "management", "status": "ACTIVE", "parentId": fx.root_id},
		{"id": fx.logging_account, "name": "log-archive", "status": "SUSPENDED", "parentId": fx.security_ou},
	]})
	some f in rule.deny with input as suspended
	f.message == "The logging account 222222222222 is SUSPENDED, not active."
}

test_unknown_not_configured if {
	some f in rule.unknown with input as fx.with_scope({"loggingAccountId": null})
	f.message == "No dedicated logging account is configured: set organization.loggingAccountId in config.yaml."
	count(rule.deny) == 0 with input as fx.with_scope({"loggingAccountId": null})
}

test_unknown_organization_unreadable if {
	unread := object.union(fx.compliant, {"organization": null})
	count(rule.deny) == 0 with input as unread
	some f in rule.unknown with input as unread
	contains(f.message, "whether logging account 222222222222 is one of its member accounts is unknown")
}
