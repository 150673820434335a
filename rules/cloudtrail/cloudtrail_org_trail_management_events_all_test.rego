package trailwarden.rules.cloudtrail_org_trail_management_events_all_test

import data.trailwarden.lib.test as fx
import data.trailwarden.rules.cloudtrail_org_trail_management_events_all as rule

selector(fields) := object.union({"readWriteType": "All", "includeManagementEvents": true, "dataResources": [], "excludeManagementEventSources": []}, fields)

field(name, ops) := object.union({"field": name, "equals": [], "startsWith": [], "endsWith": [], "notEquals": [], "notStartsWith": [], "notEndsWith": []}, ops)

advanced(selectors) := fx.with_trail({"eventSelectors": [], "advancedEventSelectors": selectors})

management(more) := {"name": "management", "fieldSelectors": array.concat([field("eventCategory", {"equals": ["Management"]})], more)}

test_pass_basic_selector_all_management_events if {
	rule.subjects == {{"resource": fx.trail_arn, "accountId": fx.management_account, "region": "us-east-1"}} with input as fx.compliant
	count(rule.deny) == 0 with input as fx.compliant
	count(rule.unknown) == 0 with input as fx.compliant
}

test_pass_advanced_management_selector if {
	count(rule.deny) == 0 with input as advanced([management([])])
}

test_pass_read_and_write_in_separate_selectors if {
	count(rule.deny) == 0 with input as fx.with_trail({"eventSelectors": [selector({"readWriteType": "ReadOnly"}), selector({"readWriteType": "WriteOnly"})]})
}

test_fail_global_service_events_excluded if {
	some f in rule.deny with input as fx.with_trail({"includeGlobalServiceEvents": false})
	contains(f.message, "does not include global service events")
	contains(f.fix, "--include-global-service-events")
}

test_fail_write_only_selector_misses_reads if {
	some f in rule.deny with input as fx.with_trail({"eventSelectors": [selector({"readWriteType": "WriteOnly"})]})
	f.message == "Organization trail org-trail does not record read management events."
	f.severity == "medium"
}

test_fail_no_management_events_is_high if {
	some f in rule.deny with input as fx.with_trail({"eventSelectors": [selector({"includeManagementEvents": false})]})
	f.message == "Organization trail org-trail does not record read or write management events."
	f.severity == "high"
	contains(f.fix, "--event-selectors")
}

test_fail_no_selectors_at_all if {
	some f in rule.deny with input as fx.with_trail({"eventSelectors": []})
	f.severity == "high"
}

test_fail_basic_selector_excludes_sources if {
	some f in rule.deny with input as fx.with_trail({"eventSelectors": [selector({"excludeManagementEventSources": ["kms.amazonaws.com", "rdsdata.amazonaws.com"]})]})
	f.message == "Organization trail org-trail excludes management events of kms.amazonaws.com (read and write), rdsdata.amazonaws.com (read and write)."
}

test_fail_exclusion_of_reads_only if {
	trail := fx.with_trail({"eventSelectors": [
		selector({"readWriteType": "ReadOnly", "excludeManagementEventSources": ["kms.amazonaws.com"]}),
		selector({"readWriteType": "WriteOnly"}),
	]})
	some f in rule.deny with input as trail
	f.message == "Organization trail org-trail excludes management events of kms.amazonaws.com (read)."
}

test_fail_advanced_selector_read_only_and_event_source_exclusion if {
	trail := advanced([management([field("readOnly", {"equals": ["true"]}), field("eventSource", {"notEquals": ["kms.amazonaws.com"]})])])
	messages := {f.message | some f in rule.deny} with input as trail
	messages == {
		"Organization trail org-trail does not record write management events.",
		"Organization trail org-trail excludes management events of kms.amazonaws.com (read).",
	}
	some f in rule.deny with input as trail
	contains(f.fix, "--advanced-event-selectors")
}

test_unknown_selectors_unreadable if {
	unread := object.union(fx.with_trail({"eventSelectors": null, "advancedEventSelectors": null}), {"errors": [fx.error("cloudtrail", "GetEventSelectors", fx.management_account, fx.trail_arn)]})
	count(rule.deny) == 0 with input as unread
	some f in rule.unknown with input as unread
	f.message == "The event selectors of organization trail org-trail could not be read: cloudtrail GetEventSelectors in 111111111111/us-east-1: AccessDenied."
}

test_unknown_selectors_missing_without_error if {
	some f in rule.unknown with input as fx.with_trail({"eventSelectors": null, "advancedEventSelectors": null})
	endswith(f.message, "could not be read.")
}
