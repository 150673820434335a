# METADATA
# description: >-
#   The requests the policy rules pose to iam.decide, with the request context AWS really sends: CloudTrail
#   delivering for a trail (a service principal, which carries no aws:Principal* keys but aws:SourceArn and
#   aws:SourceAccount), an ordinary principal of a member account, an outsider and an anonymous caller.
#   Pure functions of their arguments, so the differential tests ask exactly what the rules ask.
package trailwarden.lib.requests

import data.trailwarden.lib.arn
import data.trailwarden.lib.iam

cloudtrail := "cloudtrail.amazonaws.com"

acl := "bucket-owner-full-control"

# The keys every request carries: the time (the snapshot's, so evaluation is repeatable).
time_keys(now) := {
	"aws:currenttime": now,
	"aws:epochtime": sprintf("%d", [time.parse_rfc3339_ns(now) / 1000000000]),
}

# What CloudTrail sends when it calls S3 for a trail: the trail as the source, over TLS, as a service.
cloudtrail_context(trail_arn, now) := object.union(
	{
		"aws:sourcearn": trail_arn,
		"aws:sourceaccount": arn.account(trail_arn),
		"aws:securetransport": "true",
		"aws:principalservicename": cloudtrail,
		"aws:principalisawsservice": "true",
	},
	time_keys(now),
)

# CloudTrail writing one log object for the trail, with the object ACL it sets (`acl` above).
delivery(trail_arn, object_arn, object_acl, now) := {
	"principal": iam.service_principal(cloudtrail),
	"action": "s3:PutObject",
	"resource": object_arn,
	"context": object.union(cloudtrail_context(trail_arn, now), {"s3:x-amz-acl": object_acl}),
}

# CloudTrail checking the bucket ACL before it delivers.
acl_check(trail_arn, bucket_arn, now) := {
	"principal": iam.service_principal(cloudtrail),
	"action": "s3:GetBucketAcl",
	"resource": bucket_arn,
	"context": cloudtrail_context(trail_arn, now),
}

# A trail of an account outside the organization: a grant its delivery passes is open to any account's
# trail (the confused deputy).
outsider_account := "000000000000"

outsider_trail := arn.trail("us-east-1", outsider_account, "outsider")

# An ordinary principal of `account`: a session of a role no exemption is written for, calling with MFA
# from an ordinary address in `region` (the caller a condition is least likely to stop). `org` is
# {"id": ..., "path": "o-.../r-.../ou-.../"} or null outside an organization.
ordinary_role := "trailwarden-ordinary-principal"

session_name := "trailwarden"

ordinary_principal(account) := iam.aws_session(account, ordinary_role, session_name)

ordinary(account, org, region, action, resource, secure, now) := {
	"principal": ordinary_principal(account),
	"action": action,
	"resource": resource,
	"context": object.union_n([
		principal_keys(account, ordinary_role, "AROATRAILWARDENORDINARY"),
		org_keys(org),
		caller_keys(region, secure),
		time_keys(now),
	]),
}

# A role session of an account in another organization.
outsider_org := {"id": "o-outsider000", "path": "o-outsider000/r-out0/"}

outsider(action, resource, secure, now) := {
	"principal": iam.aws_session(outsider_account, "outsider", session_name),
	"action": action,
	"resource": resource,
	"context": object.union_n([
		principal_keys(outsider_account, "outsider", "AROAOUTSIDER"),
		org_keys(outsider_org),
		caller_keys("us-east-1", secure),
		time_keys(now),
	]),
}

# An unsigned request: no principal keys at all.
anonymous(action, resource, secure, now) := {
	"principal": iam.anonymous,
	"action": action,
	"resource": resource,
	"context": object.union(
		{"aws:securetransport": secure, "aws:sourceip": source_ip},
		time_keys(now),
	),
}

source_ip := "198.51.100.7"

principal_keys(account, role, role_id) := {
	"aws:principalarn": sprintf("arn:aws:iam::%s:role/%s", [account, role]),
	"aws:principalaccount": account,
	"aws:principaltype": "AssumedRole",
	"aws:userid": sprintf("%s:%s", [role_id, session_name]),
	"aws:principalisawsservice": "false",
	"aws:multifactorauthpresent": "true",
	"aws:multifactorauthage": "60",
}

caller_keys(region, secure) := {
	"aws:securetransport": secure,
	"aws:viaawsservice": "false",
	"aws:requestedregion": region,
	"aws:sourceip": source_ip,
}

org_keys(null) := {}

org_keys(org) := object.union({"aws:principalorgid": org.id}, path_key(org)) if org != null

path_key(org) := {"aws:principalorgpaths": [org.path]} if is_string(object.get(org, "path", null))

path_key(org) := {} if not is_string(object.get(org, "path", null))
