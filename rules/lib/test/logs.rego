# The compliant organization with what scan --with-logs found in its logs, for the rules that judge
# events: queried(accounts, tamper, root) builds logActivity.
package trailwarden.lib.test

activity_account(id, changes) := object.union(
	{"accountId": id, "files": 24, "excludedFiles": 0, "tamperAttempts": 0, "rootCalls": 0},
	changes,
)

quiet_accounts := [activity_account(id, {}) | some id in [management_account, logging_account, production_account, development_account]]

queried(accounts, tamper, root) := object.union(compliant, {"logActivity": {
	"queriedAt": "2026-12-01T02:00:00Z", "from": "2026-11-24T00:00:00Z", "to": "2026-12-01T00:00:00Z",
	"source": sprintf("s3://%s", [bucket]), "verifiedOnly": false, "files": 96, "excludedFiles": 0, "events": 5000,
	"error": null, "accounts": accounts, "tamperAttempts": tamper, "rootActivity": root,
}})

unreadable_logs := object.union(compliant, {"logActivity": object.union(queried([], [], []).logActivity, {
	"error": {"code": "AccessDenied", "message": "s3 ListObjectsV2 denied"},
})})

log_event(account, name, changes) := object.union(
	{
		"eventTime": "2026-11-30T14:07:31Z", "accountId": account, "region": "us-east-1",
		"principal": sprintf("arn:aws:sts::%s:assumed-role/Developer/jdoe", [account]), "eventName": name, "target": trail_arn,
		"errorCode": "AccessDenied", "sourceIp": "198.51.100.23",
	},
	changes,
)
