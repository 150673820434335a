package trailwarden.lib.arn_test

import data.trailwarden.lib.arn

test_parse_trail if {
	arn.parse("arn:aws:cloudtrail:us-east-1:111111111111:trail/org-trail") == {
		"partition": "aws", "service": "cloudtrail", "region": "us-east-1",
		"account": "111111111111", "resource": "trail/org-trail",
	}
}

test_parse_keeps_colons_in_the_resource if {
	arn.resource("arn:aws:logs:us-east-1:111111111111:log-group:audit:*") == "log-group:audit:*"
	arn.log_group_name("arn:aws:logs:us-east-1:111111111111:log-group:audit:*") == "audit"
	arn.log_group_name("arn:aws:logs:us-east-1:111111111111:log-group:audit") == "audit"
}

test_parse_other_partitions_and_global_services if {
	arn.parse("arn:aws-us-gov:s3:::bucket/key").partition == "aws-us-gov"
	arn.account("arn:aws:organizations::111111111111:organization/o-a1b2c3d4e5") == "111111111111"
	arn.region("arn:aws:organizations::111111111111:organization/o-a1b2c3d4e5") == ""
	arn.service("arn:aws:dynamodb:eu-west-1:333333333333:table/payments") == "dynamodb"
}

test_not_an_arn if {
	not arn.is_arn("acme-org-cloudtrail-logs")
	not arn.is_arn("arn:aws:s3")
	not arn.is_arn(42)
	arn.account_or_empty("alias/cloudtrail") == ""
	arn.region_or_empty("alias/cloudtrail") == ""
	arn.account_or_empty("arn:aws:kms:eu-west-1:222222222222:key/k") == "222222222222"
	arn.region_or_empty("arn:aws:kms:eu-west-1:222222222222:key/k") == "eu-west-1"
	arn.account_or_empty("arn:aws:s3:::bucket") == ""
}

test_built_arns if {
	arn.bucket("logs") == "arn:aws:s3:::logs"
	arn.organization_account("111111111111", "o-a1b2c3d4e5", "222222222222") == "arn:aws:organizations::111111111111:account/o-a1b2c3d4e5/222222222222"
	arn.trail("us-east-1", "111111111111", "org-trail") == "arn:aws:cloudtrail:us-east-1:111111111111:trail/org-trail"
}
