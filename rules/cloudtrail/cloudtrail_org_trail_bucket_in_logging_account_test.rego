package trailwarden.rules.cloudtrail_org_trail_bucket_in_logging_account_test

import data.trailwarden.lib.test as fx
import data.trailwarden.rules.cloudtrail_org_trail_bucket_in_logging_account as rule

no_logging_account(base) := object.union(base, {"scope": object.union(base.scope, {"loggingAccountId": null})})

test_pass_bucket_in_logging_account if {
	count(rule.subjects) == 1 with input as fx.compliant
	count(rule.deny) == 0 with input as fx.compliant
	count(rule.unknown) == 0 with input as fx.compliant
}

test_fail_bucket_in_management_account if {
	some f in rule.deny with input as fx.with_bucket({"accountId": fx.management_account})
	f.message == "Organization trail org-trail delivers to bucket acme-org-cloudtrail-logs in account 111111111111 (management), the management account."
	contains(f.fix, "Create the bucket in account 222222222222")
}

test_fail_bucket_in_workload_account if {
	some f in rule.deny with input as fx.with_bucket({"accountId": fx.production_account})
	f.message == "Organization trail org-trail delivers to bucket acme-org-cloudtrail-logs in account 333333333333 (production), not the logging account 222222222222."
}

test_fail_management_account_without_configured_logging_account if {
	some f in rule.deny with input as no_logging_account(fx.with_bucket({"accountId": fx.management_account}))
	contains(f.message, "the management account")
	contains(f.fix, "set organization.loggingAccountId")
}

test_fail_outside_the_organization_without_configured_logging_account if {
	some f in rule.deny with input as no_logging_account(fx.with_bucket({"accountId": "999999999999"}))
	f.message == "Organization trail org-trail delivers to bucket acme-org-cloudtrail-logs in account 999999999999, an account outside the organization."
}

test_unknown_member_account_without_configured_logging_account if {
	member := no_logging_account(fx.compliant)
	count(rule.deny) == 0 with input as member
	some f in rule.unknown with input as member
	contains(f.message, "in account 222222222222 (log-archive); whether that is the dedicated logging account is unknown: set organization.loggingAccountId in config.yaml.")
}

test_unknown_bucket_not_collected if {
	missing := object.union(object.remove(fx.compliant, ["buckets"]), {"buckets": {}})
	count(rule.deny) == 0 with input as missing
	some f in rule.unknown with input as missing
	f.message == "Bucket acme-org-cloudtrail-logs of organization trail org-trail was not collected, so its owner is unknown."
}
