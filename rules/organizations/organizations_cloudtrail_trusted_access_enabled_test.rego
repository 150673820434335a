package trailwarden.rules.organizations_cloudtrail_trusted_access_enabled_test

import data.trailwarden.lib.test as fx
import data.trailwarden.rules.organizations_cloudtrail_trusted_access_enabled as rule

test_pass_trusted_access if {
	count(rule.subjects) == 1 with input as fx.compliant
	count(rule.deny) == 0 with input as fx.compliant
	count(rule.unknown) == 0 with input as fx.compliant
}

test_fail_no_trusted_access if {
	some f in rule.deny with input as fx.with_organization({"serviceAccess": ["config.amazonaws.com"]})
	f.message == "CloudTrail does not have trusted access to organization o-a1b2c3d4e5."
	f.fix == "aws organizations enable-aws-service-access --service-principal cloudtrail.amazonaws.com"
}

test_unknown_organization_unreadable if {
	unread := object.union(fx.compliant, {"organization": null})
	count(rule.deny) == 0 with input as unread
	count(rule.unknown) == 1 with input as unread
}
