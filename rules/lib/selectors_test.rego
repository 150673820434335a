package trailwarden.lib.selectors_test

import data.trailwarden.lib.selectors
import data.trailwarden.lib.test as fx

basic(selectors) := object.union(fx.org_trail, {"eventSelectors": selectors, "advancedEventSelectors": []})

advanced(selectors) := object.union(fx.org_trail, {"eventSelectors": [], "advancedEventSelectors": selectors})

selector(fields) := object.union({"readWriteType": "All", "includeManagementEvents": true, "dataResources": [], "excludeManagementEventSources": []}, fields)

field(name, ops) := object.union({"field": name, "equals": [], "startsWith": [], "endsWith": [], "notEquals": [], "notStartsWith": [], "notEndsWith": []}, ops)

management(more) := {"name": "management", "fieldSelectors": array.concat([field("eventCategory", {"equals": ["Management"]})], more)}

data_selector(type, more) := {"name": "data", "fieldSelectors": array.concat([field("eventCategory", {"equals": ["Data"]}), field("resources.type", {"equals": [type]})], more)}

test_mode if {
	selectors.mode(fx.org_trail) == "basic"
	selectors.mode(advanced([management([])])) == "advanced"
	selectors.mode(basic([])) == "none"
	selectors.mode(object.union(fx.org_trail, {"eventSelectors": null, "advancedEventSelectors": null})) == "unknown"
	selectors.mode(object.union(fx.org_trail, {"eventSelectors": [], "advancedEventSelectors": null})) == "unknown"
	selectors.mode(object.union(fx.org_trail, {"eventSelectors": null, "advancedEventSelectors": [management([])]})) == "advanced"
}

test_basic_management_read_and_write if {
	selectors.records_management(fx.org_trail, "read")
	selectors.records_management(fx.org_trail, "write")
	read_only := basic([selector({"readWriteType": "ReadOnly"})])
	selectors.records_management(read_only, "read")
	not selectors.records_management(read_only, "write")
	not selectors.records_management(basic([selector({"includeManagementEvents": false})]), "read")
	split_selectors := basic([selector({"readWriteType": "ReadOnly"}), selector({"readWriteType": "WriteOnly"})])
	selectors.records_management(split_selectors, "write")
	not selectors.records_management(basic([]), "read")
	not selectors.records_management(object.union(fx.org_trail, {"eventSelectors": null, "advancedEventSelectors": null}), "read")
}

test_basic_excluded_sources_need_every_selector_to_exclude if {
	one := basic([selector({"excludeManagementEventSources": ["kms.amazonaws.com", "rdsdata.amazonaws.com"]})])
	selectors.excluded_sources(one, "read") == {"kms.amazonaws.com", "rdsdata.amazonaws.com"}
	two := basic([
		selector({"excludeManagementEventSources": ["kms.amazonaws.com", "rdsdata.amazonaws.com"]}),
		selector({"readWriteType": "WriteOnly", "excludeManagementEventSources": ["kms.amazonaws.com"]}),
	])
	selectors.excluded_sources(two, "read") == {"kms.amazonaws.com", "rdsdata.amazonaws.com"}
	selectors.excluded_sources(two, "write") == {"kms.amazonaws.com"}
	selectors.excluded_sources(fx.org_trail, "write") == set()
}

test_advanced_management_read_only_field if {
	all_events := advanced([management([])])
	selectors.records_management(all_events, "read")
	selectors.records_management(all_events, "write")
	writes := advanced([management([field("readOnly", {"equals": ["false"]})])])
	selectors.records_management(writes, "write")
	not selectors.records_management(writes, "read")
	not_reads := advanced([management([field("readOnly", {"notEquals": ["true"]})])])
	not selectors.records_management(not_reads, "read")
	not selectors.records_management(advanced([data_selector("AWS::S3::Object", [])]), "write")
}

test_advanced_management_event_source_filters if {
	excluded := advanced([management([field("eventSource", {"notEquals": ["kms.amazonaws.com"], "notStartsWith": ["rdsdata"], "notEndsWith": [".internal"]})])])
	selectors.excluded_sources(excluded, "write") == {"kms.amazonaws.com", "event sources starting with rdsdata", "event sources ending with .internal"}
	only := advanced([management([field("eventSource", {"equals": ["iam.amazonaws.com", "sts.amazonaws.com"]})])])
	selectors.excluded_sources(only, "read") == {"every event source but iam.amazonaws.com, sts.amazonaws.com"}
}

test_field_operators if {
	f := field("resources.ARN", {"startsWith": ["arn:aws:s3:::a/", "arn:aws:s3:::b/"], "notEndsWith": [".tmp"]})
	s := {"fieldSelectors": [f]}
	selectors.admits(s, "resources.ARN", "arn:aws:s3:::b/key")
	not selectors.admits(s, "resources.ARN", "arn:aws:s3:::b/key.tmp")
	not selectors.admits(s, "resources.ARN", "arn:aws:s3:::c/key")
	selectors.admits({"fieldSelectors": [field("resources.ARN", {"endsWith": ["/key"]})]}, "resources.ARN", "arn:aws:s3:::c/key")
	selectors.admits(s, "eventName", "GetObject")
}

test_basic_data_events if {
	trail := basic([selector({"dataResources": [
		{"type": "AWS::S3::Object", "values": ["arn:aws:s3:::statements/"]},
		{"type": "AWS::DynamoDB::Table", "values": ["arn:aws:dynamodb:us-east-1:333333333333:table/payments"]},
	]})])
	selectors.covers_bucket(trail, "statements", "read")
	selectors.covers_bucket(trail, "statements", "write")
	not selectors.covers_bucket(trail, "other", "read")
	selectors.covers_table(trail, "arn:aws:dynamodb:us-east-1:333333333333:table/payments", "write")
	not selectors.covers_table(trail, "arn:aws:dynamodb:us-east-1:333333333333:table/other", "write")
	partial := basic([selector({"dataResources": [{"type": "AWS::S3::Object", "values": ["arn:aws:s3:::statements/2026/"]}]})])
	not selectors.covers_bucket(partial, "statements", "read")
}

test_basic_data_events_for_everything if {
	trail := basic([selector({"readWriteType": "WriteOnly", "dataResources": [
		{"type": "AWS::S3::Object", "values": ["arn:aws:s3"]},
		{"type": "AWS::DynamoDB::Table", "values": ["arn:aws:dynamodb"]},
	]})])
	selectors.covers_bucket(trail, "anything", "write")
	not selectors.covers_bucket(trail, "anything", "read")
	selectors.covers_table(trail, "arn:aws:dynamodb:us-east-1:333333333333:table/any", "write")
	selectors.covers_bucket(basic([selector({"dataResources": [{"type": "AWS::S3::Object", "values": ["arn:aws:s3:::"]}]})]), "x", "read")
}

test_advanced_s3_data_events if {
	all_objects := advanced([data_selector("AWS::S3::Object", [])])
	selectors.covers_bucket(all_objects, "statements", "read")
	one_bucket := advanced([data_selector("AWS::S3::Object", [field("resources.ARN", {"startsWith": ["arn:aws:s3:::statements/"]})])])
	selectors.covers_bucket(one_bucket, "statements", "write")
	not selectors.covers_bucket(one_bucket, "other", "write")
	one_object := advanced([data_selector("AWS::S3::Object", [field("resources.ARN", {"equals": ["arn:aws:s3:::statements/a.pdf"]})])])
	not selectors.covers_bucket(one_object, "statements", "read")
	excluding := advanced([data_selector("AWS::S3::Object", [field("resources.ARN", {"notStartsWith": ["arn:aws:s3:::statements/tmp/"]})])])
	not selectors.covers_bucket(excluding, "statements", "read")
	selectors.covers_bucket(excluding, "other", "read")
	one_excluded_object := advanced([data_selector("AWS::S3::Object", [field("resources.ARN", {"notEquals": ["arn:aws:s3:::statements/a"]})])])
	not selectors.covers_bucket(one_excluded_object, "statements", "read")
	suffix_excluded := advanced([data_selector("AWS::S3::Object", [field("resources.ARN", {"notEndsWith": [".tmp"]})])])
	not selectors.covers_bucket(suffix_excluded, "statements", "read")
	reads := advanced([data_selector("AWS::S3::Object", [field("readOnly", {"equals": ["true"]})])])
	selectors.covers_bucket(reads, "statements", "read")
	not selectors.covers_bucket(reads, "statements", "write")
	by_event_name := advanced([data_selector("AWS::S3::Object", [field("eventName", {"equals": ["PutObject"]})])])
	not selectors.covers_bucket(by_event_name, "statements", "write")
	wrong_type := advanced([data_selector("AWS::Lambda::Function", [])])
	not selectors.covers_bucket(wrong_type, "statements", "write")
}

test_advanced_dynamodb_data_events if {
	table := "arn:aws:dynamodb:us-east-1:333333333333:table/payments"
	selectors.covers_table(advanced([data_selector("AWS::DynamoDB::Table", [])]), table, "read")
	selectors.covers_table(advanced([data_selector("AWS::DynamoDB::Table", [field("resources.ARN", {"equals": [table]})])]), table, "read")
	selectors.covers_table(advanced([data_selector("AWS::DynamoDB::Table", [field("resources.ARN", {"startsWith": ["arn:aws:dynamodb:us-east-1:333333333333:table/"]})])]), table, "read")
	not selectors.covers_table(advanced([data_selector("AWS::DynamoDB::Table", [field("resources.ARN", {"notEquals": [table]})])]), table, "read")
	not selectors.covers_table(advanced([data_selector("AWS::S3::Object", [])]), table, "read")
}

test_negative_operators_on_single_values if {
	s := {"fieldSelectors": [field("eventSource", {"notStartsWith": ["kms"]})]}
	not selectors.admits(s, "eventSource", "kms.amazonaws.com")
	selectors.admits(s, "eventSource", "iam.amazonaws.com")
	narrower := advanced([data_selector("AWS::S3::Object", [field("resources.ARN", {"notStartsWith": ["arn:aws:s3:::"]})])])
	not selectors.covers_bucket(narrower, "statements", "read")
}
