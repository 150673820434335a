package trailwarden.rules.guardduty_enabled_organization_wide_test

import data.trailwarden.lib.test as fx
import data.trailwarden.rules.guardduty_enabled_organization_wide as rule

place(account, region) := sprintf("arn:aws:guardduty:%s:%s:detector", [region, account])

admin(region) := sprintf("arn:aws:guardduty:%s:%s:organization-admin", [region, fx.management_account])

with_detectors(detectors) := fx.replaced(fx.compliant, {"guardDuty": fx.replaced(fx.guard_duty, {"detectors": detectors})})

with_administrators(administrators) := fx.replaced(fx.compliant, {"guardDuty": fx.replaced(fx.guard_duty, {"administrators": administrators})})

without_detector(account, region) := object.remove(fx.guard_duty.detectors, [fx.detector_arn(account, region)])

test_pass_every_account_and_region if {
	rule.subjects == {{"resource": place(p.accountId, p.region), "accountId": p.accountId, "region": p.region} | some p in fx.security_places} | {
	{"resource": admin(r), "accountId": fx.management_account, "region": r} | some r in ["us-east-1", "eu-west-1"]} with input as fx.compliant
	count(rule.deny) == 0 with input as fx.compliant
	count(rule.unknown) == 0 with input as fx.compliant
}

test_fail_no_detector if {
	missing := with_detectors(without_detector(fx.production_account, "eu-west-1"))
	some f in rule.deny with input as missing
	f.resource == place(fx.production_account, "eu-west-1")
	f.message == "GuardDuty has no detector in account 333333333333, region eu-west-1: nothing there is analysed."
	count(rule.deny) == 1 with input as missing
	count(rule.unknown) == 0 with input as missing
}

test_fail_suspended_detector if {
	arn := fx.detector_arn(fx.logging_account, "us-east-1")
	suspended := with_detectors(object.union(fx.guard_duty.detectors, {arn: object.union(fx.guard_duty.detectors[arn], {"status": "DISABLED"})}))
	some f in rule.deny with input as suspended
	f.resource == place(fx.logging_account, "us-east-1")
	contains(f.message, "is suspended (d222222222222useast1 DISABLED)")
	f.fix == "aws guardduty update-detector --enable --region us-east-1 --detector-id d222222222222useast1 (in account 222222222222)"
	count(rule.deny) == 1 with input as suspended
}

test_fail_no_delegated_administrator if {
	alone := with_administrators([a | some a in fx.guard_duty.administrators; a.region != "eu-west-1"])
	some f in rule.deny with input as alone
	f.resource == admin("eu-west-1")
	f.message == "GuardDuty has no delegated administrator for organization o-a1b2c3d4e5 in eu-west-1, so no account sees the findings of every member there."
	count(rule.deny) == 1 with input as alone
	count(rule.deny) == 1 with input as with_administrators([object.union(fx.guard_duty.administrators[0], {"status": "DISABLE_IN_PROGRESS"}), fx.guard_duty.administrators[1]])
}

test_unknown_list_detectors_denied if {
	denied := fx.replaced(with_detectors(without_detector(fx.production_account, "us-east-1")), {
		"errors": [fx.error("guardduty", "ListDetectors", fx.production_account, null)],
	})
	count(rule.deny) == 0 with input as denied
	some f in rule.unknown with input as denied
	f.resource == place(fx.production_account, "us-east-1")
	contains(f.message, "guardduty ListDetectors in 333333333333/us-east-1: AccessDenied")
	count(rule.unknown) == 1 with input as denied
}

test_unknown_get_detector_denied if {
	arn := fx.detector_arn(fx.production_account, "us-east-1")
	denied := fx.replaced(with_detectors(without_detector(fx.production_account, "us-east-1")), {
		"errors": [fx.error("guardduty", "GetDetector", fx.production_account, arn)],
	})
	count(rule.deny) == 0 with input as denied
	count(rule.unknown) == 1 with input as denied
}

test_unknown_admin_listing_denied_leaves_detectors_judged if {
	denied := fx.replaced(with_administrators([a | some a in fx.guard_duty.administrators; a.region != "us-east-1"]), {
		"errors": [fx.error("guardduty", "ListOrganizationAdminAccounts", fx.management_account, null)],
	})
	count(rule.deny) == 0 with input as denied
	{f.resource | some f in rule.unknown} == {admin("us-east-1")} with input as denied
}

test_unknown_role_not_assumed if {
	refused := fx.replaced(with_detectors({arn: d | some arn, d in fx.guard_duty.detectors; d.accountId != fx.logging_account}), {
		"errors": [fx.error("sts", "AssumeRole", fx.logging_account, null)],
	})
	count(rule.deny) == 0 with input as refused
	{f.resource | some f in rule.unknown} == {place(fx.logging_account, "us-east-1"), place(fx.logging_account, "eu-west-1")} with input as refused
}

test_unknown_organization_unread if {
	unread := fx.replaced(fx.compliant, {
		"organization": null,
		"guardDuty": fx.replaced(fx.guard_duty, {"administrators": []}),
		"errors": [object.union(fx.error("organizations", "DescribeOrganization", fx.management_account, null), {"region": "global"})],
	})
	count(rule.deny) == 0 with input as unread
	{f.resource | some f in rule.unknown} == {admin("us-east-1"), admin("eu-west-1"), "arn:aws:organizations::111111111111:organization/unknown"} with input as unread
}
