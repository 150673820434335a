package trailwarden.rules.iam_root_user_not_used_test

import data.trailwarden.lib.test as fx
import data.trailwarden.rules.iam_root_user_not_used as rule

root_call := fx.log_event(fx.production_account, "CreateAccessKey", {
	"principal": sprintf("arn:aws:iam::%s:root", [fx.production_account]), "target": null, "errorCode": null, "sourceIp": "203.0.113.7",
})

used(n, events) := fx.queried(
	array.concat([a | some a in fx.quiet_accounts; a.accountId != fx.production_account], [fx.activity_account(fx.production_account, {"rootCalls": n})]),
	[], events,
)

test_pass_no_root_calls if {
	snap := fx.queried(fx.quiet_accounts, [], [])
	count(rule.subjects) == 4 with input as snap
	count(rule.deny) == 0 with input as snap
	count(rule.unknown) == 0 with input as snap
}

test_pass_nothing_judged_when_the_logs_were_not_queried if {
	count(rule.subjects) == 0 with input as object.union(fx.compliant, {"logActivity": null})
	count(rule.subjects) == 0 with input as fx.compliant
}

test_fail_root_calls_name_the_call_and_where_from if {
	snap := used(2, [root_call])
	some f in rule.deny with input as snap
	f.resource == fx.account_arn(fx.production_account)
	contains(f.message, "made 2 call(s)")
	contains(f.message, "first CreateAccessKey by arn:aws:iam::333333333333:root from 203.0.113.7 at 2026-11-30T14:07:31Z")
	contains(f.message, "which succeeded; and 1 more")
	f.evidence.calls == 2
	count(rule.deny) == 1 with input as snap
}

test_fail_counted_beyond_the_events_kept if {
	some f in rule.deny with input as used(120, [])
	contains(f.message, "beyond the first ones")
}

test_unknown_logs_unreadable if {
	some u in rule.unknown with input as fx.unreadable_logs
	contains(u.message, "whether the root user was used is unknown")
	count(rule.deny) == 0 with input as fx.unreadable_logs
}

test_unknown_an_account_whose_files_could_not_be_verified if {
	snap := fx.queried([fx.activity_account(fx.logging_account, {"excludedFiles": 1})], [], [])
	some u in rule.unknown with input as snap
	u.resource == fx.account_arn(fx.logging_account)
	count(rule.deny) == 0 with input as snap
}
