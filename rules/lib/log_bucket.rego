# METADATA
# description: >-
#   The organization trails' log buckets as rule subjects, with the evidence question every bucket
#   rule asks first: was the bucket (and its policy) collected at all?
package trailwarden.lib.log_bucket

import data.trailwarden.lib.snapshot

subjects contains snapshot.bucket_subject(name) if {
	some name in snapshot.org_trail_buckets
}

# Buckets collected with their policy read: name -> policy (null when the bucket has none).
policies[name] := object.get(input.buckets[name], "policy", null) if {
	some name in snapshot.org_trail_buckets
	input.buckets[name]
	count(snapshot.resource_errors("s3", name)) == 0
}

# An UNKNOWN finding for every log bucket whose policy is not known.
unknown_policies contains finding if {
	some name in snapshot.org_trail_buckets
	not name in object.keys(policies)
	errors := snapshot.resource_errors("s3", name)
	finding := object.union(snapshot.bucket_subject(name), {
		"message": sprintf("The policy of log bucket %s could not be read: %s.", [name, why_unread(name, errors)]),
		"evidence": {"errors": errors},
	})
}

why_unread(name, _) := "the bucket was not collected" if not input.buckets[name]

why_unread(name, errors) := snapshot.describe_errors(errors) if input.buckets[name]

# Sample object ARNs CloudTrail writes for an organization trail: the management account's own logs
# and the organization's member logs, each under the trail's key prefix.
write_targets(trail) := [sprintf("arn:aws:s3:::%s/%sAWSLogs/%s/", [trail.s3BucketName, key_prefix(trail), owner]) |
	some owner in log_owners
]

log_owners := [snapshot.management_account_id, input.organization.id] if input.organization.id

log_owners := [snapshot.management_account_id] if not input.organization.id

key_prefix(trail) := sprintf("%s/", [trail.s3KeyPrefix]) if not object.get(trail, "s3KeyPrefix", null) in {null, ""}

key_prefix(trail) := "" if object.get(trail, "s3KeyPrefix", null) in {null, ""}
