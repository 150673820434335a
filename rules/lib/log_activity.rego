# METADATA
# description: >-
#   What scan --with-logs found in the delivered logs (input.logActivity), for the rules that judge
#   events rather than settings: which accounts were read, why the logs could not be, and one event
#   told as who, what, when and from where.
# schemas:
#   - input: schema.snapshot
package trailwarden.lib.log_activity

import data.trailwarden.lib.organization
import data.trailwarden.lib.snapshot

# Without --with-logs (logActivity null) there is nothing to judge; object.get on null would be a
# built-in error, so every helper starts here.
queried if is_object(input.logActivity)

# The logs could not be read at all: the organization stands for every account.
failed if {
	queried
	not is_null(object.get(input.logActivity, "error", null))
}

accounts contains account if {
	queried
	not failed
	some account in input.logActivity.accounts
}

subject(account) := organization.account_subject(account.accountId)

window := sprintf("%s to %s", [input.logActivity.from, input.logActivity.to])

# The UNKNOWN finding when the logs could not be read.
unreadable(what) := object.union(snapshot.organization_subject, {
	"message": sprintf("The delivered logs could not be read, so %s is unknown: %s %s", [what, input.logActivity.error.code, input.logActivity.error.message]),
	"evidence": {"error": input.logActivity.error, "source": input.logActivity.source},
}) if failed

# An account in which nothing was found, but some of whose log files were left out because their
# digest chain did not prove them (--verified-only): what they hold is unknown, never "nothing".
unproven(account, what) := object.union(subject(account), {
	"message": sprintf("Account %s: %d of its log files from %s could not be verified and were not read, so %s is unknown.", [account.accountId, account.excludedFiles, window, what]),
	"evidence": {"excludedFiles": account.excludedFiles, "files": account.files, "window": {"from": input.logActivity.from, "to": input.logActivity.to}},
})

# "StopLogging of acme-org-trail by arn:... from 198.51.100.23 at 2026-11-22T14:07:31Z, refused (AccessDenied)"
describe(event) := sprintf("%s%s by %s from %s at %s in %s%s", [
	event.eventName,
	aimed_at(event),
	or_unknown(object.get(event, "principal", null)),
	or_unknown(object.get(event, "sourceIp", null)),
	event.eventTime,
	event.region,
	outcome(event),
])

aimed_at(event) := sprintf(" of %s", [event.target]) if is_string(object.get(event, "target", null))

aimed_at(event) := "" if not is_string(object.get(event, "target", null))

outcome(event) := sprintf(", refused (%s)", [event.errorCode]) if is_string(object.get(event, "errorCode", null))

outcome(event) := ", which succeeded" if not is_string(object.get(event, "errorCode", null))

or_unknown(value) := value if is_string(value)

or_unknown(value) := "an unknown caller" if not is_string(value)
