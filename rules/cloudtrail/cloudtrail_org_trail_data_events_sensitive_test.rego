package trailwarden.rules.cloudtrail_org_trail_data_events_sensitive_test

import data.trailwarden.lib.test as fx
import data.trailwarden.rules.cloudtrail_org_trail_data_events_sensitive as rule

table := "arn:aws:dynamodb:us-east-1:333333333333:table/payments"

sensitive(base) := object.union(base, {"scope": object.union(fx.compliant.scope, {"sensitiveResources": {"s3Buckets": ["statements"], "dynamodbTables": [table]}})})

basic_selector(rw, resources) := {"readWriteType": rw, "includeManagementEvents": true, "dataResources": resources, "excludeManagementEventSources": []}

both := [{"type": "AWS::S3::Object", "values": ["arn:aws:s3:::statements/"]}, {"type": "AWS::DynamoDB::Table", "values": [table]}]

covered := sensitive(fx.with_trail({"eventSelectors": [basic_selector("All", both)]}))

field(name, ops) := object.union({"field": name, "equals": [], "startsWith": [], "endsWith": [], "notEquals": [], "notStartsWith": [], "notEndsWith": []}, ops)

test_pass_no_sensitive_resources_no_subjects if {
	count(rule.subjects) == 0 with input as fx.compliant
	count(rule.deny) == 0 with input as fx.compliant
}

test_pass_basic_selector_covers_bucket_and_table if {
	rule.subjects == {
		{"resource": "arn:aws:s3:::statements", "accountId": "", "region": ""},
		{"resource": table, "accountId": "333333333333", "region": "us-east-1"},
	} with input as covered
	count(rule.deny) == 0 with input as covered
	count(rule.unknown) == 0 with input as covered
}

test_pass_advanced_selectors if {
	trail := sensitive(fx.with_trail({"eventSelectors": [], "advancedEventSelectors": [
		{"name": "management", "fieldSelectors": [field("eventCategory", {"equals": ["Management"]})]},
		{"name": "statements", "fieldSelectors": [field("eventCategory", {"equals": ["Data"]}), field("resources.type", {"equals": ["AWS::S3::Object"]}), field("resources.ARN", {"startsWith": ["arn:aws:s3:::statements/"]})]},
		{"name": "tables", "fieldSelectors": [field("eventCategory", {"equals": ["Data"]}), field("resources.type", {"equals": ["AWS::DynamoDB::Table"]})]},
	]}))
	count(rule.deny) == 0 with input as trail
}

test_pass_reads_and_writes_in_separate_selectors if {
	trail := sensitive(fx.with_trail({"eventSelectors": [basic_selector("ReadOnly", both), basic_selector("WriteOnly", both)]}))
	count(rule.deny) == 0 with input as trail
}

test_fail_not_logged if {
	some f in rule.deny with input as sensitive(fx.compliant)
	f.resource == "arn:aws:s3:::statements"
	f.message == "No organization trail records read or write data events of S3 bucket statements."
	contains(f.fix, "{\"Type\": \"AWS::S3::Object\", \"Values\": [\"arn:aws:s3:::statements/\"]}")
	count(rule.deny) == 2 with input as sensitive(fx.compliant)
}

test_fail_writes_only if {
	trail := sensitive(fx.with_trail({"eventSelectors": [basic_selector("WriteOnly", both)]}))
	messages := {f.message | some f in rule.deny} with input as trail
	messages == {
		"No organization trail records read data events of S3 bucket statements.",
		"No organization trail records read data events of DynamoDB table arn:aws:dynamodb:us-east-1:333333333333:table/payments.",
	}
}

test_fail_advanced_fix_uses_advanced_selectors if {
	trail := sensitive(fx.with_trail({"eventSelectors": [], "advancedEventSelectors": [{"name": "management", "fieldSelectors": [field("eventCategory", {"equals": ["Management"]})]}]}))
	some f in rule.deny with input as trail
	f.resource == table
	contains(f.fix, "{\"Field\": \"resources.ARN\", \"Equals\": [\"arn:aws:dynamodb:us-east-1:333333333333:table/payments\"]}")
}

test_fail_no_organization_trail if {
	none := sensitive(object.union(fx.compliant, {"trails": []}))
	some f in rule.deny with input as none
	contains(f.message, "No organization trail exists to record data events of")
}

test_unknown_selectors_unreadable if {
	unread := sensitive(fx.with_trail({"eventSelectors": null, "advancedEventSelectors": null}))
	count(rule.deny) == 0 with input as unread
	some f in rule.unknown with input as unread
	f.message == "The event selectors of organization trail org-trail could not be read, so whether it records data events of S3 bucket statements is unknown."
}

test_pass_unreadable_trail_does_not_matter_when_another_covers if {
	other := object.union(fx.org_trail, {"arn": "arn:aws:cloudtrail:us-east-1:111111111111:trail/other", "name": "other", "eventSelectors": null, "advancedEventSelectors": null})
	two := object.union(covered, {"trails": [covered.trails[0], other]})
	count(rule.deny) == 0 with input as two
	count(rule.unknown) == 0 with input as two
}

test_unknown_trails_unreadable if {
	broken := sensitive(object.union(fx.compliant, {"trails": [], "errors": [fx.error("cloudtrail", "DescribeTrails", fx.management_account, null)]}))
	count(rule.deny) == 0 with input as broken
	some f in rule.unknown with input as broken
	contains(f.message, "cloudtrail DescribeTrails")
}
