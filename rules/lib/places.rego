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

# OPA takes time proportional to the entries already built to add one to a partial object rule
# (`x[k] := v`, `x[k] contains v`), so a large organization's groupings are comprehensions that OPA
# indexes (one pass), and what is missing is looked up by place, never searched for.

# Every account x region in scope, keyed "account/region".
places := {key(account, region): {"accountId": account, "region": region} |
	some account in accounts
	some region in input.scope.regions
}

key(account, region) := sprintf("%s/%s", [account, region])

# Accounts whose role could not be assumed, with those errors: nothing of theirs was read.
unassumed := {account: errors |
	some e in input.errors
	role_refused(e)
	account := e.accountId
	errors := {x | some x in input.errors; role_refused(x); x.accountId == account}
}

role_refused(e) if {
	e.service == "sts"
	e.operation == "AssumeRole"
}

# The errors of each service at each place, keyed by error_key.
errors_at := {k: errors |
	some e in input.errors
	k := error_key(e)
	errors := {x | some x in input.errors; error_key(x) == k}
}

error_key(e) := sprintf("%s %s", [e.service, key(e.accountId, e.region)])

# Why a service's evidence is missing, by place key: the account's role was refused (then for every
# region), or one of the service's `operations` failed there. A place that was read is not a key.
missing_at(service, operations) := object.union(failed, refused) if {
	failed := {k: errors |
		some e in input.errors
		e.service == service
		e.operation in operations
		k := key(e.accountId, e.region)
		errors := {x | some x in errors_at[error_key(e)]; x.operation in operations}
	}
	refused := {key(account, region): errors |
		some account, errors in unassumed
		some region in input.scope.regions
	}
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
