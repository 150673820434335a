# METADATA
# description: >-
#   Shared views of the snapshot: the management account, organization trails, the buckets they
#   deliver to, collection errors, and the subject shape every rule reports.
# schemas:
#   - input: schema.snapshot
package trailwarden.lib.snapshot

import data.trailwarden.lib.arn

# The management account comes from the scan scope, so it is known even when Organizations could not
# be read.
management_account_id := input.scope.managementAccountId

# Organization trails owned by the management account (the trail an auditor asks for).
org_trails contains trail if {
	some trail in input.trails
	trail.isOrganizationTrail == true
	trail.accountId == management_account_id
}

# Names of the buckets organization trails deliver to.
org_trail_buckets contains trail.s3BucketName if {
	some trail in org_trails
}

trail_subject(trail) := {"resource": trail.arn, "accountId": trail.accountId, "region": trail.homeRegion}

bucket_arn(name) := sprintf("arn:aws:s3:::%s", [name])

# A bucket's subject; where the bucket was never collected its owner and region are unknown.
bucket_subject(name) := {
	"resource": bucket_arn(name),
	"accountId": object.get(input.buckets, [name, "accountId"], ""),
	"region": object.get(input.buckets, [name, "region"], ""),
}

# The organization as a subject: its ARN when Organizations was read, else one built from the
# management account, so the resource stays the same whatever was collected.
organization_subject := {
	"resource": object.get(input, ["organization", "arn"], sprintf("arn:aws:organizations::%s:organization/unknown", [management_account_id])),
	"accountId": management_account_id,
	"region": "global",
}

# No organization trail was seen, and the management account's trails could not all be listed: the
# trail may exist unseen. The trail config.yaml names (or the organization, without a name) stands for
# it, so every rule about the organization trail says UNKNOWN instead of leaving it out.
org_trails_unseen if {
	count(org_trails) == 0
	count(management_trail_list_errors) > 0
}

management_trail_list_errors := array.concat(region_list_errors, [e |
	some e in input.errors
	e.service == "cloudtrail"
	e.operation == "DescribeTrails"
	e.accountId == management_account_id
])

unseen_org_trail_subject := {
	"resource": arn.trail(home_region, management_account_id, input.scope.trailName),
	"accountId": management_account_id,
	"region": home_region,
} if is_string(input.scope.trailName)

unseen_org_trail_subject := organization_subject if not is_string(input.scope.trailName)

home_region := object.get(input.scope, "homeRegion", "us-east-1")

# The UNKNOWN finding of a rule about the organization trail when it was not seen; `what` says what
# the rule would have judged.
unseen_org_trail(what) := object.union(unseen_org_trail_subject, {
	"message": sprintf("No organization trail was seen because the trails of management account %s could not all be listed, so %s is unknown: %s.", [management_account_id, what, describe_errors(management_trail_list_errors)]),
	"evidence": {"errors": management_trail_list_errors},
}) if org_trails_unseen

# Collection errors for a service in an account (any region, any operation).
errors_for(service, account_id) := [e |
	some e in input.errors
	e.service == service
	e.accountId == account_id
]

# Accounts whose trails could not all be listed: the role could not be assumed, or DescribeTrails
# failed in some region. What such an account holds is unknown, never "nothing".
accounts_with_unlisted_trails contains e.accountId if {
	some e in input.errors
	e.service == "sts"
	e.operation == "AssumeRole"
}

accounts_with_unlisted_trails contains e.accountId if {
	some e in input.errors
	e.service == "cloudtrail"
	e.operation == "DescribeTrails"
}

# With `regions: all` and DescribeRegions failed, only the home region was scanned: every account's
# trails elsewhere are unknown.
accounts_with_unlisted_trails contains account.id if {
	count(region_list_errors) > 0
	some account in object.get(input, ["organization", "accounts"], [])
}

region_list_errors := [e |
	some e in input.errors
	e.service == "ec2"
	e.operation == "DescribeRegions"
]

# Collection errors that name one resource (a bucket name, a trail ARN).
resource_errors(service, resource) := [e |
	some e in input.errors
	e.service == service
	object.get(e, "resource", "") == resource
]

# A short, log-safe description of errors for UNKNOWN messages.
describe_errors(errors) := concat("; ", sort({sprintf("%s %s in %s/%s: %s", [e.service, e.operation, e.accountId, e.region, e.code]) | some e in errors}))

# AWS's definitive answers that a resource the snapshot follows does not exist (input.absent): evidence,
# not missing evidence. A rule fails on them, naming what is gone; an error (AccessDenied, throttling
# past the retries, 5xx, a timeout) left the question unanswered and makes it UNKNOWN. The collectors
# decide, call by call, which answers are definitive.
absent(service, resource) := [a |
	some a in object.get(absent_by_resource, resource, [])
	a.service == service
]

# The absences by resource, in the snapshot's order: grouped once (a comprehension OPA indexes), so a
# rule asking per place or account never searches the list.
absent_by_resource := {resource: absences |
	some a in object.get(input, "absent", [])
	resource := a.resource
	absences := [x | some x in object.get(input, "absent", []); x.resource == resource]
}
