package trailwarden.rules.cloudtrail_org_trail_kms_encryption_enabled_test

import data.trailwarden.lib.test as fx
import data.trailwarden.rules.cloudtrail_org_trail_kms_encryption_enabled as rule

test_pass_customer_managed_key_with_rotation if {
	count(rule.subjects) == 1 with input as fx.compliant
	count(rule.deny) == 0 with input as fx.compliant
	count(rule.unknown) == 0 with input as fx.compliant
}

test_fail_no_kms_key if {
	some f in rule.deny with input as fx.with_trail({"kmsKeyId": null})
	f.message == "Organization trail org-trail does not encrypt its logs with a KMS key (SSE-KMS)."
	contains(f.fix, "aws cloudtrail update-trail --region us-east-1 --name arn:aws:cloudtrail:us-east-1:111111111111:trail/org-trail --kms-key-id")
}

test_fail_rotation_off if {
	some f in rule.deny with input as fx.with_kms_key({"rotationEnabled": false})
	f.message == sprintf("KMS key %s of organization trail org-trail does not rotate automatically.", [fx.key_arn])
	f.fix == sprintf("aws kms enable-key-rotation --region us-east-1 --key-id %s", [fx.key_arn])
}

test_fail_aws_managed_and_pending_deletion if {
	some f in rule.deny with input as fx.with_kms_key({"keyManager": "AWS", "keyState": "PendingDeletion"})
	f.message == sprintf("KMS key %s of organization trail org-trail is AWS managed, not customer managed, and is PendingDeletion, so CloudTrail cannot encrypt with it.", [fx.key_arn])
	contains(f.fix, "aws kms create-key")
	contains(f.fix, "aws kms cancel-key-deletion")
}

test_unknown_key_not_collected if {
	missing := object.union(object.remove(fx.compliant, ["kmsKeys"]), {"kmsKeys": {}, "errors": [fx.error("kms", "DescribeKey", fx.logging_account, fx.key_arn)]})
	count(rule.deny) == 0 with input as missing
	some f in rule.unknown with input as missing
	f.message == sprintf("KMS key %s of organization trail org-trail was not collected: kms DescribeKey in 222222222222/us-east-1: AccessDenied.", [fx.key_arn])
}

test_unknown_rotation_unreadable if {
	some f in rule.unknown with input as fx.with_kms_key({"rotationEnabled": null})
	f.message == sprintf("The rotation status of KMS key %s of organization trail org-trail could not be read.", [fx.key_arn])
	count(rule.deny) == 0 with input as fx.with_kms_key({"rotationEnabled": null})
}

test_fail_and_unknown_together_fail_wins_in_the_engine if {
	# A disabled key whose rotation is unreadable: the state alone is a failure.
	count(rule.deny) == 1 with input as fx.with_kms_key({"rotationEnabled": null, "keyState": "Disabled"})
}
