# METADATA
# description: >-
#   A compliant organization (management, dedicated logging, production and development accounts)
#   for rule tests; tests change one thing at a time with the helpers below.
package trailwarden.lib.test

management_account := "111111111111"

logging_account := "222222222222"

org_id := "o-a1b2c3d4e5"

bucket := "acme-org-cloudtrail-logs"

trail_arn := sprintf("arn:aws:cloudtrail:us-east-1:%s:trail/org-trail", [management_account])

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
	"kmsKeyId": null,
	"cloudWatchLogsLogGroupArn": null,
	"cloudWatchLogsRoleArn": null,
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

bucket_policy := {
	"Version": "2012-10-17",
	"Statement": [
		{
			"Sid": "AWSCloudTrailAclCheck",
			"Effect": "Allow",
			"Principal": {"Service": "cloudtrail.amazonaws.com"},
			"Action": "s3:GetBucketAcl",
			"Resource": sprintf("arn:aws:s3:::%s", [bucket]),
		},
		{
			"Sid": "AWSCloudTrailWrite",
			"Effect": "Allow",
			"Principal": {"Service": "cloudtrail.amazonaws.com"},
			"Action": "s3:PutObject",
			"Resource": [
				sprintf("arn:aws:s3:::%s/AWSLogs/%s/*", [bucket, management_account]),
				sprintf("arn:aws:s3:::%s/AWSLogs/%s/*", [bucket, org_id]),
			],
			"Condition": {"StringEquals": {"s3:x-amz-acl": "bucket-owner-full-control"}},
		},
		{
			"Sid": "DenyLogDeletion",
			"Effect": "Deny",
			"Principal": "*",
			"Action": ["s3:DeleteObject", "s3:DeleteObjectVersion"],
			"Resource": sprintf("arn:aws:s3:::%s/*", [bucket]),
		},
	],
}

log_bucket := {
	"accountId": logging_account,
	"region": "us-east-1",
	"policy": bucket_policy,
	"publicAccessBlock": {"blockPublicAcls": true, "ignorePublicAcls": true, "blockPublicPolicy": true, "restrictPublicBuckets": true},
	"accountPublicAccessBlock": null,
	"versioning": {"status": "Enabled", "mfaDelete": "Disabled"},
	"objectLock": null,
	"lifecycleRules": [],
	"encryption": null,
	"logging": null,
	"ownershipControls": "BucketOwnerEnforced",
	"acl": null,
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
	"organization": {
		"id": org_id,
		"arn": sprintf("arn:aws:organizations::%s:organization/%s", [management_account, org_id]),
		"featureSet": "ALL",
		"managementAccountId": management_account,
		"roots": [{"id": "r-ab12", "name": "Root", "policyTypesEnabled": ["SERVICE_CONTROL_POLICY"]}],
		"organizationalUnits": [],
		"accounts": [
			{"id": management_account, "name": "management", "status": "ACTIVE", "parentId": "r-ab12"},
			{"id": logging_account, "name": "log-archive", "status": "ACTIVE", "parentId": "r-ab12"},
		],
		"serviceAccess": ["cloudtrail.amazonaws.com"],
		"delegatedAdministrators": [],
	},
	"scps": [],
	"trails": [org_trail],
	"buckets": {bucket: log_bucket},
	"logGroups": {},
	"kmsKeys": {},
	"errors": [],
}

# The compliant organization with the organization trail's fields changed.
with_trail(changes) := object.union(compliant, {"trails": [object.union(org_trail, changes)]})

# The compliant organization with the log bucket's fields changed.
with_bucket(changes) := object.union(compliant, {"buckets": {bucket: object.union(log_bucket, changes)}})

# The compliant organization with the log bucket policy's statements replaced.
with_policy_statements(statements) := with_bucket({"policy": {"Version": "2012-10-17", "Statement": statements}})

# The compliant organization plus one collection error.
with_error(error) := object.union(compliant, {"errors": [error]})

statement(sid) := [s | some s in bucket_policy.Statement; s.Sid == sid][0]
