# METADATA
# title: The log bucket is not public
# description: >-
#   CloudTrail logs map the whole organization: accounts, roles, resources, source addresses. The log
#   bucket must have all four S3 Block Public Access settings on (each one on the bucket or on its
#   account), no bucket policy statement that allows everyone ("*", {"AWS": "*"} or NotPrincipal)
#   without a condition that keeps outsiders out (such as aws:SourceArn, aws:SourceAccount or
#   aws:PrincipalOrgID naming the organization), and no ACL grant to AllUsers or AuthenticatedUsers.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html
#     description: Blocking public access to your Amazon S3 storage
#   - ref: https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-policy-status
#     description: The meaning of "public"
# custom:
#   id: s3_log_bucket_not_public
#   remediation_id: BlockPublicAccess
#   severity: critical
#   remediation: >-
#     Turn on all four Block Public Access settings for the log bucket, remove policy statements that
#     allow everyone, and remove ACL grants to AllUsers and AuthenticatedUsers.
#   frameworks:
#     aws-security-hub: ["CloudTrail.6"]
#     pci-dss-4.0: ["10.3.1"]
#     nist-800-53-r5: ["AU-9"]
#     iso-27001-2022: ["A.8.15"]
#     hipaa: ["164.312(b)"]
# schemas:
#   - input: schema.snapshot
package trailwarden.rules.s3_log_bucket_not_public

import data.trailwarden.lib.iam
import data.trailwarden.lib.log_bucket
import data.trailwarden.lib.requests
import data.trailwarden.lib.snapshot

subjects := log_bucket.subjects

settings := ["blockPublicAcls", "ignorePublicAcls", "blockPublicPolicy", "restrictPublicBuckets"]

public_groups := {
	"http://acs.amazonaws.com/groups/global/AllUsers",
	"http://acs.amazonaws.com/groups/global/AuthenticatedUsers",
}

# Block Public Access settings on neither the bucket nor its account.
# A log bucket that S3 says does not exist fails (log_bucket.gone).
deny contains finding if some finding in log_bucket.gone_findings

deny contains finding if {
	some name in snapshot.org_trail_buckets
	bucket := input.buckets[name]
	bucket_block_known(name)
	account_block_known(bucket)
	missing := unblocked(bucket)
	count(missing) > 0
	finding := object.union(snapshot.bucket_subject(name), {
		"message": sprintf("Log bucket %s has Block Public Access off for %s (on neither the bucket nor account %s).", [name, concat(", ", missing), bucket.accountId]),
		"evidence": {"publicAccessBlock": bucket.publicAccessBlock, "accountPublicAccessBlock": bucket.accountPublicAccessBlock},
		"fix": sprintf("aws s3api put-public-access-block --bucket %s --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true", [name]),
	})
}

# The bucket policy allows an anonymous caller, or a principal of another organization, something on
# the bucket or a log object.
deny contains finding if {
	some name, policy in log_bucket.policies
	policy != null
	public := [sprintf("%s by %s", [r.action, r.caller]) | some r in public_requests(name); log_bucket.decide(policy, r.request).decision == "allow"]
	count(public) > 0
	labels := sort({iam.describe(log_bucket.decide(policy, r.request)) | some r in public_requests(name); log_bucket.decide(policy, r.request).decision == "allow"})
	finding := object.union(snapshot.bucket_subject(name), {
		"message": sprintf("The policy of log bucket %s allows everyone without a condition that keeps outsiders out: %s (%s).", [name, concat(", ", public), concat(", ", labels)]),
		"evidence": {"allowed": public, "statements": labels},
		"fix": sprintf("Remove %s from the policy of %s, or restrict them with a condition such as {\"StringEquals\": {\"aws:PrincipalOrgID\": \"%s\"}}.", [concat(", ", labels), name, object.get(input, ["organization", "id"], "<organization id>")]),
	})
}

deny contains finding if {
	some name, bucket in log_bucket.buckets(log_bucket.operations.ACL)
	grants := [g | some g in object.get(bucket, ["acl", "grants"], []); g.granteeUri in public_groups]
	count(grants) > 0
	finding := object.union(snapshot.bucket_subject(name), {
		"message": sprintf("The ACL of log bucket %s grants %s.", [name, concat(", ", sort({sprintf("%s to %s", [g.permission, g.granteeUri]) | some g in grants}))]),
		"evidence": {"grants": grants},
		"fix": sprintf("aws s3api put-bucket-ownership-controls --bucket %s --ownership-controls 'Rules=[{ObjectOwnership=BucketOwnerEnforced}]' (disables ACLs), or aws s3api put-bucket-acl --bucket %s --acl private", [name, name]),
	})
}

unknown contains finding if {
	some name in snapshot.org_trail_buckets
	not input.buckets[name]
	finding := object.union(snapshot.bucket_subject(name), {
		"message": sprintf("Log bucket %s was not collected, so whether it is public is unknown.", [name]),
		"evidence": {"errors": snapshot.resource_errors("s3", name)},
	})
}

# A block that could not be read matters only when the other one leaves a setting off.
unknown contains finding if {
	some name in snapshot.org_trail_buckets
	bucket := input.buckets[name]
	errors := block_errors(name, bucket)
	count(errors) > 0
	count(unblocked(bucket)) > 0
	finding := object.union(snapshot.bucket_subject(name), {
		"message": sprintf("The Block Public Access settings of log bucket %s could not all be read: %s.", [name, snapshot.describe_errors(errors)]),
		"evidence": {"errors": errors},
	})
}

unknown contains finding if {
	some what in ["policy", "ACL"]
	some f in log_bucket.unknown(what)
	input.buckets[trim_prefix(f.resource, "arn:aws:s3:::")]
	finding := f
}

unknown contains finding if {
	some finding in log_bucket.unseen_trail_bucket_findings
}

# What a caller from outside could ask: read, write or delete a log object, list the bucket or read its
# ACL, change its policy; anonymously or as a role of another organization.
public_requests(name) := [{"caller": caller, "action": action, "request": request} |
	some [action, resource] in [
		["s3:GetObject", log_object(name)], ["s3:PutObject", log_object(name)], ["s3:DeleteObject", log_object(name)],
		["s3:ListBucket", snapshot.bucket_arn(name)], ["s3:GetBucketAcl", snapshot.bucket_arn(name)],
		["s3:PutBucketPolicy", snapshot.bucket_arn(name)],
	]
	some [caller, request] in [
		["an anonymous caller", requests.anonymous(action, resource, "true", input.collectedAt)],
		["another organization", requests.outsider(action, resource, "true", input.collectedAt)],
	]
]

log_object(name) := sprintf("arn:aws:s3:::%s/AWSLogs/CloudTrail/log.json.gz", [name])

# Settings neither block (as far as it is known) turns on.
unblocked(bucket) := [setting |
	some setting in settings
	object.get(bucket, ["publicAccessBlock", setting], false) != true
	object.get(bucket, ["accountPublicAccessBlock", setting], false) != true
]

bucket_block_known(name) if count(log_bucket.errors(name, log_bucket.operations["public access block"])) == 0

account_block_known(bucket) if count(account_block_errors(bucket)) == 0

# The account's block is read through S3 Control, in the bucket's account.
account_block_errors(bucket) := [e |
	some e in input.errors
	e.service == "s3control"
	e.operation == "GetPublicAccessBlock"
	e.accountId == bucket.accountId
]

block_errors(name, bucket) := array.concat(log_bucket.errors(name, log_bucket.operations["public access block"]), account_block_errors(bucket))
