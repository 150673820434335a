# METADATA
# description: >-
#   A compliant organization (management, dedicated logging, production and development accounts)
#   for rule tests; tests change one thing at a time with the helpers below.
package trailwarden.lib.test

management_account := "111111111111"

logging_account := "222222222222"

production_account := "333333333333"

development_account := "444444444444"

org_id := "o-a1b2c3d4e5"

root_id := "r-ab12"

security_ou := "ou-ab12-secur1ty"

workloads_ou := "ou-ab12-w0rkl0ad"

bucket := "acme-org-cloudtrail-logs"

bucket_arn := sprintf("arn:aws:s3:::%s", [bucket])

trail_arn := sprintf("arn:aws:cloudtrail:us-east-1:%s:trail/org-trail", [management_account])

key_arn := sprintf("arn:aws:kms:us-east-1:%s:key/0f1e2d3c-4b5a-6978-8091-a2b3c4d5e6f7", [logging_account])

log_group_arn := sprintf("arn:aws:logs:us-east-1:%s:log-group:org-trail:*", [management_account])

account_arn(account_id) := sprintf("arn:aws:organizations::%s:account/%s/%s", [management_account, org_id, account_id])

org_trail := {
	"arn": trail_arn,
	"name": "org-trail",
	"accountId": management_account,
	"homeRegion": "us-east-1",
	"isOrganizationTrail": true,
	"isMultiRegionTrail": true,
	"logFileValidationEnabled": true,
	"includeGlobalServiceEvents": true,
	"s3BucketName": bucket,
	"s3KeyPrefix": null,
	"kmsKeyId": key_arn,
	"cloudWatchLogsLogGroupArn": log_group_arn,
	"cloudWatchLogsRoleArn": sprintf("arn:aws:iam::%s:role/CloudTrailToCloudWatchLogs", [management_account]),
	"snsTopicArn": null,
	"status": {
		"isLogging": true,
		"latestDeliveryError": null,
		"latestDeliveryTime": "2026-11-23T01:55:00Z",
		"startLoggingTime": "2026-01-10T09:00:00Z",
		"stopLoggingTime": null,
	},
	"eventSelectors": [{"readWriteType": "All", "includeManagementEvents": true, "dataResources": [], "excludeManagementEventSources": []}],
	"advancedEventSelectors": [],
	"insightSelectors": [],
	"seenFrom": [{"accountId": management_account, "region": "us-east-1"}],
}

# A trail a member account created for itself.
member_trail := object.union(org_trail, {
	"arn": sprintf("arn:aws:cloudtrail:eu-west-1:%s:trail/dev-debug", [development_account]),
	"name": "dev-debug",
	"accountId": development_account,
	"homeRegion": "eu-west-1",
	"isOrganizationTrail": false,
	"isMultiRegionTrail": false,
	"s3BucketName": "acme-dev-trail",
	"kmsKeyId": null,
	"cloudWatchLogsLogGroupArn": null,
	"cloudWatchLogsRoleArn": null,
	"eventSelectors": [{"readWriteType": "All", "includeManagementEvents": false, "dataResources": [{"type": "AWS::S3::Object", "values": ["arn:aws:s3:::acme-dev-data/"]}], "excludeManagementEventSources": []}],
	"seenFrom": [{"accountId": development_account, "region": "eu-west-1"}],
})

bucket_policy := {
	"Version": "2012-10-17",
	"Statement": [
		{
			"Sid": "AWSCloudTrailAclCheck",
			"Effect": "Allow",
			"Principal": {"Service": "cloudtrail.amazonaws.com"},
			"Action": "s3:GetBucketAcl",
			"Resource": bucket_arn,
			"Condition": {"StringEquals": {"aws:SourceArn": trail_arn}},
		},
		{
			"Sid": "AWSCloudTrailWrite",
			"Effect": "Allow",
			"Principal": {"Service": "cloudtrail.amazonaws.com"},
			"Action": "s3:PutObject",
			"Resource": [
				sprintf("%s/AWSLogs/%s/*", [bucket_arn, management_account]),
				sprintf("%s/AWSLogs/%s/*", [bucket_arn, org_id]),
			],
			"Condition": {"StringEquals": {"s3:x-amz-acl": "bucket-owner-full-control", "aws:SourceArn": trail_arn}},
		},
		{
			"Sid": "DenyLogDeletion",
			"Effect": "Deny",
			"Principal": "*",
			"Action": ["s3:DeleteObject", "s3:DeleteObjectVersion"],
			"Resource": sprintf("%s/*", [bucket_arn]),
		},
		{
			"Sid": "DenyInsecureTransport",
			"Effect": "Deny",
			"Principal": "*",
			"Action": "s3:*",
			"Resource": [bucket_arn, sprintf("%s/*", [bucket_arn])],
			"Condition": {"Bool": {"aws:SecureTransport": "false"}},
		},
	],
}

all_blocked := {"blockPublicAcls": true, "ignorePublicAcls": true, "blockPublicPolicy": true, "restrictPublicBuckets": true}

archive_rule := {
	"id": "archive-cloudtrail-logs",
	"status": "Enabled",
	"prefix": "AWSLogs/",
	"tags": {},
	"objectSizeGreaterThan": null,
	"objectSizeLessThan": null,
	"transitions": [{"days": 90, "storageClass": "GLACIER"}],
	"expirationDays": 2555,
	"noncurrentVersionTransitions": [],
	"noncurrentVersionExpirationDays": 2555,
}

log_bucket := {
	"accountId": logging_account,
	"region": "us-east-1",
	"policy": bucket_policy,
	"publicAccessBlock": all_blocked,
	"accountPublicAccessBlock": null,
	"versioning": {"status": "Enabled", "mfaDelete": "Disabled"},
	"objectLock": {"enabled": true, "mode": "COMPLIANCE", "days": 2190, "years": null},
	"lifecycleRules": [archive_rule],
	"encryption": {"rules": [{"sseAlgorithm": "aws:kms", "kmsMasterKeyId": key_arn, "bucketKeyEnabled": true}]},
	"logging": {"targetBucket": "acme-s3-access-logs", "targetPrefix": sprintf("%s/", [bucket])},
	"ownershipControls": "BucketOwnerEnforced",
	"acl": null,
}

log_group := {
	"accountId": management_account,
	"region": "us-east-1",
	"name": "org-trail",
	"retentionInDays": 400,
	"kmsKeyId": null,
	"metricFilters": monitoring_filters,
}

kms_key := {
	"arn": key_arn,
	"accountId": logging_account,
	"region": "us-east-1",
	"keyManager": "CUSTOMER",
	"keyState": "Enabled",
	"keySpec": "SYMMETRIC_DEFAULT",
	"rotationEnabled": true,
	"policy": null,
}

protect_cloudtrail_scp := {
	"id": "p-protecttrail1",
	"name": "protect-cloudtrail",
	"awsManaged": false,
	"document": {
		"Version": "2012-10-17",
		"Statement": [{
			"Sid": "ProtectCloudTrail",
			"Effect": "Deny",
			"Action": ["cloudtrail:StopLogging", "cloudtrail:DeleteTrail", "cloudtrail:UpdateTrail"],
			"Resource": "*",
		}],
	},
	"targets": [root_id],
}

protect_log_bucket_scp := {
	"id": "p-protectlogs01",
	"name": "protect-log-archive",
	"awsManaged": false,
	"document": {
		"Version": "2012-10-17",
		"Statement": [{
			"Sid": "ProtectLogBucket",
			"Effect": "Deny",
			"Action": ["s3:DeleteBucket", "s3:PutBucketPolicy", "s3:DeleteBucketPolicy", "s3:PutLifecycleConfiguration"],
			"Resource": bucket_arn,
			"Condition": {"ArnNotLike": {"aws:PrincipalArn": "arn:aws:iam::*:role/SecurityBreakGlass"}},
		}],
	},
	"targets": [security_ou],
}

full_aws_access_scp := {
	"id": "p-FullAWSAccess",
	"name": "FullAWSAccess",
	"awsManaged": true,
	"document": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]},
	# As AWS attaches it: to the root and to every OU and account, so every level allows by default.
	"targets": [root_id, security_ou, workloads_ou, management_account, logging_account, production_account],
}

organization := {
	"id": org_id,
	"arn": sprintf("arn:aws:organizations::%s:organization/%s", [management_account, org_id]),
	"featureSet": "ALL",
	"managementAccountId": management_account,
	"roots": [{"id": root_id, "name": "Root", "policyTypesEnabled": ["SERVICE_CONTROL_POLICY"]}],
	"organizationalUnits": [
		{"id": security_ou, "name": "Security", "parentId": root_id},
		{"id": workloads_ou, "name": "Workloads", "parentId": root_id},
	],
	"accounts": [
		{"id": management_account, "name": "management", "status": "ACTIVE", "parentId": root_id},
		{"id": logging_account, "name": "log-archive", "status": "ACTIVE", "parentId": security_ou},
		{"id": production_account, "name": "production", "status": "ACTIVE", "parentId": workloads_ou},
	],
	"serviceAccess": ["cloudtrail.amazonaws.com"],
	"delegatedAdministrators": [],
}

compliant := {
	"schemaVersion": 1,
	"collectedAt": "2026-11-23T02:00:00Z",
	"scope": {
		"managementAccountId": management_account,
		"loggingAccountId": logging_account,
		"homeRegion": "us-east-1",
		"trailName": "org-trail",
		"logBucket": bucket,
		"regions": ["us-east-1", "eu-west-1"],
		"sensitiveResources": {"s3Buckets": [], "dynamodbTables": []},
	},
	"organization": organization,
	"scps": [protect_cloudtrail_scp, protect_log_bucket_scp, full_aws_access_scp],
	"trails": [org_trail],
	"buckets": {bucket: log_bucket},
	"logGroups": {log_group_arn: log_group},
	"kmsKeys": {key_arn: kms_key},
	"alarms": monitoring_alarms,
	"snsTopics": monitoring_topics,
	"securityHubs": security_hubs,
	"guardDuty": guard_duty,
	"errors": [],
	"absent": [],
}

# Every account x region of the compliant organization, as the security tools are read in them.
security_places := [{"accountId": a, "region": r} |
	some a in [management_account, logging_account, production_account]
	some r in ["us-east-1", "eu-west-1"]
]

hub_arn(account, region) := sprintf("arn:aws:securityhub:%s:%s:hub/default", [region, account])

security_hubs := {hub_arn(p.accountId, p.region): {
	"arn": hub_arn(p.accountId, p.region), "accountId": p.accountId, "region": p.region,
	"subscribedAt": "2026-01-10T09:00:00.000Z",
} |
	some p in security_places
}

detector_arn(account, region) := sprintf("arn:aws:guardduty:%s:%s:detector/%s", [region, account, detector_id(account, region)])

detector_id(account, region) := sprintf("d%s%s", [account, replace(region, "-", "")])

guard_duty := {
	"detectors": {detector_arn(p.accountId, p.region): {
		"arn": detector_arn(p.accountId, p.region), "accountId": p.accountId, "region": p.region,
		"detectorId": detector_id(p.accountId, p.region), "status": "ENABLED",
	} |
		some p in security_places
	},
	# The security tooling is administered from the log-archive (security) account.
	"administrators": [{"region": r, "accountId": logging_account, "status": "ENABLED"} | some r in ["us-east-1", "eu-west-1"]],
}

# The compliant organization with the organization trail's fields changed.
with_trail(changes) := object.union(compliant, {"trails": [object.union(org_trail, changes)]})

# The compliant organization with the log bucket's fields changed.
with_bucket(changes) := object.union(compliant, {"buckets": {bucket: object.union(log_bucket, changes)}})

# The compliant organization with the log bucket policy's statements replaced.
with_policy_statements(statements) := with_bucket({"policy": {"Version": "2012-10-17", "Statement": statements}})

# The compliant organization plus one collection error.
with_error(error) := object.union(compliant, {"errors": [error]})

# The compliant organization with the organization's fields changed.
with_organization(changes) := object.union(compliant, {"organization": object.union(organization, changes)})

# The compliant organization with the SCPs replaced.
with_scps(scps) := object.union(compliant, {"scps": scps})

# The compliant organization with the scope's fields changed.
with_scope(changes) := object.union(compliant, {"scope": object.union(compliant.scope, changes)})

# The compliant organization with the trail's log group's fields changed.
with_log_group(changes) := object.union(compliant, {"logGroups": {log_group_arn: object.union(log_group, changes)}})

# The compliant organization with the trail's KMS key's fields changed.
with_kms_key(changes) := object.union(compliant, {"kmsKeys": {key_arn: object.union(kms_key, changes)}})

# The compliant organization without one of its metric filters (by name).
without_metric_filter(name) := with_log_group({"metricFilters": [f | some f in monitoring_filters; f.name != name]})

# The compliant organization with one metric filter's pattern replaced by another, already parsed.
with_metric_filter_pattern(name, parsed) := with_log_group({"metricFilters": [g |
	some f in monitoring_filters
	g := filter_with(f, name, parsed)
]})

filter_with(f, name, parsed) := object.union(f, {"pattern": "(changed)", "parsed": parsed}) if f.name == name

filter_with(f, name, _) := f if f.name != name

# The compliant organization with one alarm's fields changed (alarms are named by their metric).
with_alarm(name, changes) := object.union(compliant, {"alarms": {arn: a |
	some arn, alarm in monitoring_alarms
	a := alarm_with(alarm, name, changes)
}})

alarm_with(alarm, name, changes) := replaced(alarm, changes) if alarm.name == name

alarm_with(alarm, name, _) := alarm if alarm.name != name

# The compliant organization whose alarms could not be described.
alarms_unreadable := replaced(compliant, {
	"alarms": {},
	"errors": [object.union(error("cloudwatch", "DescribeAlarms", management_account, null), {"resource": null})],
})

# The compliant organization with the alarms' topic changed.
with_topic(changes) := object.union(compliant, {"snsTopics": {monitoring_topic_arn: replaced(monitoring_topics[monitoring_topic_arn], changes)}})

# A collection error naming a resource.
error(service, operation, account, resource) := {
	"service": service, "operation": operation, "accountId": account, "region": "us-east-1",
	"code": "AccessDenied", "message": "not authorized", "resource": resource,
}

statement(sid) := [s | some s in bucket_policy.Statement; s.Sid == sid][0]

# The object with the top-level fields replaced (object.union would merge nested objects).
replaced(obj, changes) := object.union(object.remove(obj, object.keys(changes)), changes)
