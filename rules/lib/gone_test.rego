# A definitive "does not exist" from AWS (input.absent) is evidence: FAIL naming what is gone; an
# unanswered call (input.errors) is missing evidence: UNKNOWN. One pass/fail/unknown trio per resource the rules follow.
package trailwarden.lib.gone_test

import data.trailwarden.lib.test as fx
import data.trailwarden.rules.cloudtrail_org_trail_bucket_in_logging_account as bucket_owner
import data.trailwarden.rules.cloudtrail_org_trail_cloudwatch_logs_enabled as logs_rule
import data.trailwarden.rules.cloudtrail_org_trail_kms_encryption_enabled as kms_rule
import data.trailwarden.rules.cloudwatch_alarm_root_usage as root_alarm
import data.trailwarden.rules.organizations_scp_protects_cloudtrail as scp_rule
import data.trailwarden.rules.s3_log_bucket_encrypted as encrypted
import data.trailwarden.rules.s3_log_bucket_lifecycle_archives_logs as lifecycle
import data.trailwarden.rules.s3_log_bucket_policy_allows_cloudtrail_write as write

coded(error, code) := object.union(error, {"code": code})

# AWS's answer that the resource does not exist, as the collectors record it.
absence(service, operation, account, resource, code) := {
	"service": service, "operation": operation, "accountId": account, "region": "us-east-1",
	"code": code, "message": "does not exist", "resource": resource,
}

without(field, key) := object.union(object.remove(fx.compliant, [field]), {field: object.remove(fx.compliant[field], [key])})

# --- the trail's log group

group_gone := object.union(without("logGroups", fx.log_group_arn), {"absent": [absence("logs", "DescribeLogGroups", fx.management_account, fx.log_group_arn, "ResourceNotFoundException")]})

group_unanswered := object.union(without("logGroups", fx.log_group_arn), {"errors": [coded(fx.error("logs", "DescribeLogGroups", fx.management_account, fx.log_group_arn), "ThrottlingException")]})

test_pass_log_group_present if {
	count(logs_rule.deny) == 0 with input as fx.compliant
	count(logs_rule.unknown) == 0 with input as fx.compliant
}

test_fail_log_group_gone if {
	some f in logs_rule.deny with input as group_gone
	f.message == "Log group arn:aws:logs:us-east-1:111111111111:log-group:org-trail:* of organization trail org-trail does not exist (logs DescribeLogGroups in 111111111111/us-east-1: ResourceNotFoundException), so CloudTrail delivers no events to CloudWatch Logs."
	startswith(f.fix, "aws logs create-log-group --region us-east-1 --log-group-name org-trail && ")
	count(logs_rule.unknown) == 0 with input as group_gone
}

test_fail_log_group_gone_breaks_the_alarm_chain if {
	some f in root_alarm.deny with input as group_gone
	f.evidence.link == "log group"
	contains(f.message, "does not exist (logs DescribeLogGroups in 111111111111/us-east-1: ResourceNotFoundException)")
	count(root_alarm.unknown) == 0 with input as group_gone
}

test_unknown_log_group_unanswered if {
	count(logs_rule.deny) == 0 with input as group_unanswered
	count(logs_rule.unknown) == 1 with input as group_unanswered
	count(root_alarm.deny) == 0 with input as group_unanswered
	count(root_alarm.unknown) == 1 with input as group_unanswered
}

# --- the trail's KMS key

key_gone := object.union(without("kmsKeys", fx.key_arn), {"absent": [absence("kms", "DescribeKey", fx.logging_account, fx.key_arn, "NotFoundException")]})

key_unanswered := object.union(without("kmsKeys", fx.key_arn), {"errors": [coded(fx.error("kms", "DescribeKey", fx.logging_account, fx.key_arn), "AccessDeniedException")]})

test_fail_kms_key_gone if {
	some f in kms_rule.deny with input as key_gone
	contains(f.message, "does not exist (kms DescribeKey in 222222222222/us-east-1: NotFoundException)")
	count(kms_rule.unknown) == 0 with input as key_gone
}

test_unknown_kms_key_unanswered if {
	count(kms_rule.deny) == 0 with input as key_unanswered
	some f in kms_rule.unknown with input as key_unanswered
	contains(f.message, "was not collected: kms DescribeKey in 222222222222/us-east-1: AccessDeniedException")
}

# --- the log bucket

bucket_gone := object.union(without("buckets", fx.bucket), {"absent": [absence("s3", "GetBucketLocation", fx.management_account, fx.bucket, "NoSuchBucket")]})

bucket_unanswered := object.union(without("buckets", fx.bucket), {"errors": [coded(fx.error("s3", "GetBucketLocation", fx.logging_account, fx.bucket), "InternalError")]})

test_fail_log_bucket_gone_in_every_bucket_rule if {
	some f in encrypted.deny with input as bucket_gone
	f.message == "Log bucket acme-org-cloudtrail-logs of organization trail org-trail does not exist (s3 GetBucketLocation in 111111111111/us-east-1: NoSuchBucket), so CloudTrail cannot deliver its logs."
	count(encrypted.unknown) == 0 with input as bucket_gone
	count(lifecycle.deny) == 1 with input as bucket_gone
	count(lifecycle.unknown) == 0 with input as bucket_gone
	count(write.deny) == 1 with input as bucket_gone
	count(write.unknown) == 0 with input as bucket_gone
	some g in bucket_owner.deny with input as bucket_gone
	contains(g.message, "which does not exist")
	count(bucket_owner.unknown) == 0 with input as bucket_gone
}

test_unknown_log_bucket_unanswered if {
	count(encrypted.deny) == 0 with input as bucket_unanswered
	count(encrypted.unknown) == 1 with input as bucket_unanswered
	count(write.deny) == 0 with input as bucket_unanswered
	count(write.unknown) == 1 with input as bucket_unanswered
	count(bucket_owner.deny) == 0 with input as bucket_unanswered
	count(bucket_owner.unknown) == 1 with input as bucket_unanswered
}

# --- an SCP listed, then gone when read: deleting an SCP requires detaching it, so it protects nothing

scp_gone := object.union(fx.with_scps([fx.protect_log_bucket_scp, fx.full_aws_access_scp]), {"absent": [absence("organizations", "DescribePolicy", fx.management_account, fx.protect_cloudtrail_scp.id, "PolicyNotFoundException")]})

scp_unanswered := object.union(fx.with_scps([fx.protect_log_bucket_scp, fx.full_aws_access_scp]), {"errors": [fx.error("organizations", "DescribePolicy", fx.management_account, fx.protect_cloudtrail_scp.id)]})

test_fail_protecting_scp_gone if {
	some f in scp_rule.deny with input as scp_gone
	contains(f.message, "(SCP p-protecttrail1 no longer exists: Organizations answered PolicyNotFoundException when it was read)")
	count(scp_rule.unknown) == 0 with input as scp_gone
}

test_unknown_protecting_scp_unanswered if {
	count(scp_rule.deny) == 0 with input as scp_unanswered
	count(scp_rule.unknown) > 0 with input as scp_unanswered
}
