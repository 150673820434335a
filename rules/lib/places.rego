# METADATA
# description: >-
#   The accounts x regions in scope, as the collector reads the regional security tools (Security Hub,
#   GuardDuty) in them: the management account and every ACTIVE account of the organization, in every
#   region of the scope; which places could not be read and why.
# schemas:
#   - input: schema.snapshot
package trailwarden.lib.places

import data.trailwarden.lib.organization
import data.trailwarden.lib.snapshot

# The management account, and every active account of the organization when it was read.
accounts contains snapshot.management_account_id

accounts contains a.id if {
	some a in organization.accounts
	a.status == "ACTIVE"
}

# Every account x region in scope, keyed "account/region".
places[key(account, region)] := {"accountId": account, "region": region} if {
	some account in accounts
	some region in input.scope.regions
}

key(account, region) := sprintf("%s/%s", [account, region])

# Accounts whose role could not be assumed: nothing of theirs was read.
unassumed[e.accountId] contains e if {
	some e in input.errors
	e.service == "sts"
	e.operation == "AssumeRole"
}

# A service's errors by place, indexed once rather than searched per place.
errors_at[service][key(e.accountId, e.region)] contains e if {
	some e in input.errors
	service := e.service
}

# Why a service's evidence of a place is missing: the account's role was refused, or one of the
# service's operations there failed. Undefined when it was read.
missing(service, operations, place) := errors if {
	errors := object.get(unassumed, place.accountId, set())
	count(errors) > 0
} else := errors if {
	errors := {e |
		some e in object.get(object.get(errors_at, service, {}), key(place.accountId, place.region), set())
		e.operation in operations
	}
	count(errors) > 0
}

# Not every place was scanned: the organization could not be read (only the management account was),
# accounts of the organization may be missing from the snapshot, or regions: all could not be listed
# and only the home region was read. The organization is then an UNKNOWN subject of every rule that
# judges every place.
incomplete if not organization.known

incomplete if count(incomplete_errors) > 0

incomplete_errors := array.concat(account_errors, snapshot.region_list_errors)

account_errors := organization.errors if {
	not organization.known
} else := organization.account_list_errors if {
	not organization.accounts_complete
} else := []

# The UNKNOWN finding on the organization when not every place was scanned; `what` says what would
# have been judged.
incomplete_finding(what) := object.union(snapshot.organization_subject, {
	"message": sprintf("Not every account and region in scope could be listed, so %s is unknown for the ones not listed%s.", [what, because]),
	"evidence": {"errors": incomplete_errors},
}) if incomplete

because := sprintf(": %s", [snapshot.describe_errors(incomplete_errors)]) if count(incomplete_errors) > 0

because := "" if count(incomplete_errors) == 0
