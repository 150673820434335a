package trailwarden.rules.cloudtrail_org_trail_log_integrity_verified_test

import data.trailwarden.lib.test as fx
import data.trailwarden.rules.cloudtrail_org_trail_log_integrity_verified as rule

folder := sprintf("AWSLogs/%s/%s/CloudTrail-Digest/eu-west-1/", [fx.org_id, fx.production_account])

chain(changes) := object.union(
	{
		"accountId": fx.production_account, "region": "eu-west-1", "digestFolder": folder,
		"digests": 24, "backfillDigests": 0, "logFiles": 180, "hoursCovered": 24,
		"coveredFrom": "2026-11-30T00:00:00Z", "coveredTo": "2026-12-01T00:00:00Z",
		"problemCount": 0, "problems": [], "error": null,
	},
	changes,
)

verified(chains) := object.union(fx.compliant, {"logIntegrity": {
	"verifiedAt": "2026-12-01T02:00:00Z", "from": "2026-11-30T00:00:00Z", "to": "2026-12-01T00:00:00Z",
	"trailArn": fx.trail_arn, "bucket": fx.bucket, "source": sprintf("s3://%s", [fx.bucket]), "error": null,
	"chains": chains,
}})

modified := {"kind": "log-modified", "key": "AWSLogs/x.json.gz", "message": "its SHA-256 differs"}

test_pass_every_chain_verified if {
	snap := verified([chain({}), chain({"region": "us-east-1", "digestFolder": "f/"})])
	count(rule.subjects) == 2 with input as snap
	count(rule.deny) == 0 with input as snap
	count(rule.unknown) == 0 with input as snap
}

test_pass_nothing_judged_when_the_logs_were_not_verified if {
	count(rule.subjects) == 0 with input as object.union(fx.compliant, {"logIntegrity": null})
	count(rule.subjects) == 0 with input as fx.compliant
}

test_fail_problems_name_the_chain_and_the_key if {
	snap := verified([chain({"problemCount": 2, "problems": [modified, object.union(modified, {"kind": "missing"})]})])
	some f in rule.deny with input as snap
	f.resource == sprintf("arn:aws:s3:::%s/%s", [fx.bucket, folder])
	f.accountId == fx.production_account
	contains(f.message, "2 integrity problem(s)")
	contains(f.message, "1 log-modified, 1 missing")
	contains(f.message, "AWSLogs/x.json.gz")
	f.evidence.logFiles == 180
	contains(f.fix, "validate-logs")
}

test_unknown_unreadable_chain if {
	snap := verified([chain({"error": {"code": "AccessDenied", "message": "s3 ListObjectsV2 denied"}, "digests": 0})])
	some u in rule.unknown with input as snap
	contains(u.message, "AccessDenied")
	count(rule.deny) == 0 with input as snap
}

test_unknown_nothing_verifiable if {
	snap := object.union(verified([]), {"logIntegrity": {"error": {"code": "NoOrganizationTrail", "message": "none"}}})
	some u in rule.unknown with input as snap
	u.resource == fx.trail_arn
	count(rule.subjects) == 1 with input as snap
}

test_fail_missing_coverage_is_high_tampering_critical if {
	empty := {"kind": "no-digests", "key": folder, "message": "none"}
	high := verified([chain({"problemCount": 1, "problems": [empty]})])
	some f in rule.deny with input as high
	f.severity == "high"
	critical := verified([chain({"problemCount": 2, "problems": [empty, modified]})])
	some g in rule.deny with input as critical
	g.severity == "critical"
}
