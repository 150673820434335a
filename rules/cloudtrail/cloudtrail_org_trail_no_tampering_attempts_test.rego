package trailwarden.rules.cloudtrail_org_trail_no_tampering_attempts_test

import data.trailwarden.lib.test as fx
import data.trailwarden.rules.cloudtrail_org_trail_no_tampering_attempts as rule

attempt := fx.log_event(fx.development_account, "StopLogging", {})

with_attempts(n, events) := fx.queried(
	array.concat([a | some a in fx.quiet_accounts; a.accountId != fx.development_account], [fx.activity_account(fx.development_account, {"tamperAttempts": n})]),
	events, [],
)

test_pass_no_attempts_in_any_account if {
	snap := fx.queried(fx.quiet_accounts, [], [])
	count(rule.subjects) == 4 with input as snap
	count(rule.deny) == 0 with input as snap
	count(rule.unknown) == 0 with input as snap
}

test_pass_nothing_judged_when_the_logs_were_not_queried if {
	count(rule.subjects) == 0 with input as object.union(fx.compliant, {"logActivity": null})
	count(rule.subjects) == 0 with input as fx.compliant
	count(rule.unknown) == 0 with input as object.union(fx.compliant, {"logActivity": null})
}

test_fail_a_refused_stop_logging_names_who_when_and_from_where if {
	snap := with_attempts(1, [attempt])
	some f in rule.deny with input as snap
	f.resource == fx.account_arn(fx.development_account)
	f.severity == "high"
	contains(f.message, "1 attempt(s)")
	contains(f.message, sprintf("StopLogging of %s by arn:aws:sts::%s:assumed-role/Developer/jdoe from 198.51.100.23 at 2026-11-30T14:07:31Z", [fx.trail_arn, fx.development_account]))
	contains(f.message, "refused (AccessDenied)")
	f.evidence.events == [attempt]
	contains(f.fix, "--accounts 444444444444")
	count(rule.deny) == 1 with input as snap
}

test_fail_an_attempt_that_succeeded_is_critical if {
	deleted := fx.log_event(fx.development_account, "DeleteBucketPolicy", {"errorCode": null, "target": fx.bucket})
	snap := with_attempts(3, [attempt, deleted])
	some f in rule.deny with input as snap
	f.severity == "critical"
	contains(f.message, "; and 2 more")
}

test_fail_counted_beyond_the_events_kept if {
	snap := with_attempts(150, [])
	some f in rule.deny with input as snap
	contains(f.message, "150 attempt(s)")
	contains(f.message, "beyond the first ones")
}

test_unknown_logs_unreadable if {
	some u in rule.unknown with input as fx.unreadable_logs
	u.resource == fx.organization.arn
	contains(u.message, "AccessDenied")
	count(rule.deny) == 0 with input as fx.unreadable_logs
	count(rule.subjects) == 1 with input as fx.unreadable_logs
}

test_unknown_an_account_whose_files_could_not_be_verified if {
	accounts := [fx.activity_account(fx.production_account, {"excludedFiles": 2})]
	snap := fx.queried(accounts, [], [])
	some u in rule.unknown with input as snap
	u.resource == fx.account_arn(fx.production_account)
	contains(u.message, "2 of its log files")
	count(rule.deny) == 0 with input as snap
}
