# METADATA
# title: The organization trail delivers to a bucket in the dedicated logging account
# description: >-
#   The log bucket belongs in the dedicated logging account (config.yaml organization.loggingAccountId),
#   not in the management account, whose administrators the logs must also record, nor in a workload
#   account. Without a configured logging account a bucket in the management account (or outside the
#   organization) still fails; a bucket in a member account is UNKNOWN until the logging account is
#   configured, because nothing in AWS says which member account is meant to hold the logs.
# related_resources:
#   - ref: https://docs.aws.amazon.com/prescriptive-guidance/latest/security-reference-architecture/log-archive.html
#     description: AWS Security Reference Architecture, Log Archive account
#   - ref: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-set-bucket-policy-for-multiple-accounts.html
#     description: Receiving CloudTrail log files from multiple accounts
# custom:
#   id: cloudtrail_org_trail_bucket_in_logging_account
#   severity: high
#   remediation: >-
#     Create the log bucket in the dedicated logging account and point the organization trail at it.
#   remediation_none: >-
#     moving the logs means a new bucket, copying years of history and re-pointing the trail, a migration to plan with the auditors.
#   frameworks:
#     pci-dss-4.0: ["10.3.3"]
#     nist-800-53-r5: ["AU-9(2)"]
#     iso-27001-2022: ["A.8.15"]
#     hipaa: ["164.312(b)"]
# schemas:
#   - input: schema.snapshot
package trailwarden.rules.cloudtrail_org_trail_bucket_in_logging_account

import data.trailwarden.lib.log_bucket
import data.trailwarden.lib.organization
import data.trailwarden.lib.snapshot

subjects contains snapshot.trail_subject(trail) if {
	some trail in snapshot.org_trails
}

subjects contains snapshot.unseen_org_trail_subject if snapshot.org_trails_unseen

unknown contains snapshot.unseen_org_trail("whether its bucket is in the logging account")

logging_account := object.get(input.scope, "loggingAccountId", null)

deny contains finding if {
	some trail in snapshot.org_trails
	owner := input.buckets[trail.s3BucketName].accountId
	problem := wrong_owner(owner)
	finding := object.union(snapshot.trail_subject(trail), {
		"message": sprintf("Organization trail %s delivers to bucket %s in %s, %s.", [trail.name, trail.s3BucketName, describe(owner), problem]),
		"evidence": {"bucket": trail.s3BucketName, "bucketAccountId": owner, "loggingAccountId": logging_account},
		"fix": fix(trail),
	})
}

# No logging account configured and the bucket in a member account: which member is meant to hold
# the logs is a decision the snapshot does not record.
unknown contains finding if {
	some trail in snapshot.org_trails
	logging_account == null
	owner := input.buckets[trail.s3BucketName].accountId
	not wrong_owner(owner)
	finding := object.union(snapshot.trail_subject(trail), {
		"message": sprintf("Organization trail %s delivers to bucket %s in %s; whether that is the dedicated logging account is unknown: set organization.loggingAccountId in config.yaml.", [trail.name, trail.s3BucketName, describe(owner)]),
		"evidence": {"bucket": trail.s3BucketName, "bucketAccountId": owner, "loggingAccountId": null},
	})
}

deny contains finding if {
	some trail in snapshot.org_trails
	errors := log_bucket.gone[trail.s3BucketName]
	finding := object.union(snapshot.trail_subject(trail), {
		"message": sprintf("Organization trail %s delivers to bucket %s, which does not exist (%s).", [trail.name, trail.s3BucketName, snapshot.describe_errors(errors)]),
		"evidence": {"bucket": trail.s3BucketName, "errors": errors},
		"fix": fix(trail),
	})
}

unknown contains finding if {
	some trail in snapshot.org_trails
	not input.buckets[trail.s3BucketName]
	not log_bucket.gone[trail.s3BucketName]
	finding := object.union(snapshot.trail_subject(trail), {
		"message": sprintf("Bucket %s of organization trail %s was not collected, so its owner is unknown.", [trail.s3BucketName, trail.name]),
		"evidence": {"bucket": trail.s3BucketName, "errors": snapshot.resource_errors("s3", trail.s3BucketName)},
	})
}

wrong_owner(owner) := "the management account" if owner == snapshot.management_account_id

wrong_owner(owner) := sprintf("not the logging account %s", [logging_account]) if {
	logging_account != null
	owner != logging_account
	owner != snapshot.management_account_id
}

wrong_owner(owner) := "an account outside the organization" if {
	logging_account == null
	organization.accounts_complete
	owner != snapshot.management_account_id
	not owner in {a.id | some a in organization.accounts}
}

describe(owner) := sprintf("account %s (%s)", [owner, organization.account(owner).name]) if organization.account(owner)

describe(owner) := sprintf("account %s", [owner]) if not organization.account(owner)

fix(trail) := sprintf("Create the bucket in account %s (with the CloudTrail bucket policy), then: aws cloudtrail update-trail --region %s --name %s --s3-bucket-name <that bucket>", [logging_account, trail.homeRegion, trail.arn]) if logging_account != null

fix(trail) := sprintf("Create a log-archive member account (aws organizations create-account --email <address> --account-name log-archive), a bucket there with the CloudTrail bucket policy, then: aws cloudtrail update-trail --region %s --name %s --s3-bucket-name <that bucket>; set organization.loggingAccountId in config.yaml", [trail.homeRegion, trail.arn]) if logging_account == null
