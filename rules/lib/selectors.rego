# METADATA
# description: >-
#   What a trail's event selectors record, for basic and advanced selectors alike: management events
#   (read, write, excluded event sources) and data events for an S3 bucket or a DynamoDB table.
package trailwarden.lib.selectors

as_list(x) := x if is_array(x)

as_list(x) := [] if not is_array(x)

basic(trail) := as_list(object.get(trail, "eventSelectors", null))

advanced(trail) := as_list(object.get(trail, "advancedEventSelectors", null))

# A trail uses advanced selectors when it has any, else basic ones; "none" when it has neither (it
# records nothing); "unknown" when its selectors could not be read.
mode(trail) := "advanced" if count(advanced(trail)) > 0

mode(trail) := "basic" if {
	count(advanced(trail)) == 0
	count(basic(trail)) > 0
}

mode(trail) := "none" if {
	is_array(trail.eventSelectors)
	is_array(trail.advancedEventSelectors)
	count(trail.eventSelectors) + count(trail.advancedEventSelectors) == 0
}

mode(trail) := "unknown" if {
	count(advanced(trail)) + count(basic(trail)) == 0
	not both_read(trail)
}

both_read(trail) if {
	is_array(trail.eventSelectors)
	is_array(trail.advancedEventSelectors)
}

# Read events are readOnly = true in advanced selectors, ReadOnly in basic ones.
read_only_value := {"read": "true", "write": "false"}

basic_types := {"read": {"All", "ReadOnly"}, "write": {"All", "WriteOnly"}}

# ---------------------------------------------------------------------------------------------
# Advanced field selectors. Field selectors on one field AND together, as do the operators within
# one; the values of a positive operator OR together, a negative operator's values must all miss.

fields(selector, name) := [f | some f in as_list(selector.fieldSelectors); f.field == name]

# The selector lets events whose field has this value through (a field it does not name: any value).
admits(selector, name, value) if {
	every f in fields(selector, name) {
		field_admits(f, value)
	}
}

field_admits(f, value) if {
	every op in ["equals", "startsWith", "endsWith"] {
		positive_admits(op, as_list(object.get(f, op, [])), value)
	}
	not negative_hits(f, value)
}

# An empty positive operator lets everything through.
positive_admits(_, [], _)

positive_admits("equals", patterns, value) if value in patterns

positive_admits("startsWith", patterns, value) if {
	some p in patterns
	startswith(value, p)
}

positive_admits("endsWith", patterns, value) if {
	some p in patterns
	endswith(value, p)
}

negative_hits(f, value) if value in as_list(object.get(f, "notEquals", []))

negative_hits(f, value) if {
	some p in as_list(object.get(f, "notStartsWith", []))
	startswith(value, p)
}

negative_hits(f, value) if {
	some p in as_list(object.get(f, "notEndsWith", []))
	endswith(value, p)
}

# The selector lets through every ARN that starts with `arn_prefix` (all objects of a bucket).
admits_all_under(selector, name, arn_prefix) if {
	every f in fields(selector, name) {
		field_admits_all_under(f, arn_prefix)
	}
}

field_admits_all_under(f, arn_prefix) if {
	# Equals and EndsWith pick single objects or suffixes, never a whole prefix.
	count(as_list(object.get(f, "equals", []))) == 0
	count(as_list(object.get(f, "endsWith", []))) == 0
	positive_admits("startsWith", as_list(object.get(f, "startsWith", [])), arn_prefix)
	not excludes_some_under(f, arn_prefix)
}

excludes_some_under(f, arn_prefix) if {
	some v in as_list(object.get(f, "notEquals", []))
	startswith(v, arn_prefix)
}

excludes_some_under(f, arn_prefix) if {
	some v in as_list(object.get(f, "notStartsWith", []))
	overlaps(v, arn_prefix)
}

excludes_some_under(f, _) if count(as_list(object.get(f, "notEndsWith", []))) > 0

overlaps(a, b) if startswith(a, b)

overlaps(a, b) if startswith(b, a)

# ---------------------------------------------------------------------------------------------
# Management events.

is_management(selector) if {
	count(fields(selector, "eventCategory")) > 0
	admits(selector, "eventCategory", "Management")
}

# The selectors that record management events of kind rw ("read" or "write").
management_selectors(trail, rw) := [s |
	some s in basic(trail)
	s.includeManagementEvents == true
	s.readWriteType in basic_types[rw]
] if mode(trail) == "basic"

management_selectors(trail, rw) := [s |
	some s in advanced(trail)
	is_management(s)
	admits(s, "readOnly", read_only_value[rw])
] if mode(trail) == "advanced"

management_selectors(trail, _) := [] if mode(trail) in {"none", "unknown"}

records_management(trail, rw) if count(management_selectors(trail, rw)) > 0

# Event sources a selector leaves out: ExcludeManagementEventSources (basic); eventSource NotEquals,
# NotStartsWith, NotEndsWith, or a positive eventSource filter that keeps only some (advanced).
exclusions(selector) := {source | some source in as_list(object.get(selector, "excludeManagementEventSources", []))} if {
	not "fieldSelectors" in object.keys(selector)
}

exclusions(selector) := {x |
	some f in fields(selector, "eventSource")
	some x in field_exclusions(f)
} if "fieldSelectors" in object.keys(selector)

field_exclusions(f) := (({v | some v in as_list(object.get(f, "notEquals", []))} | {sprintf("event sources starting with %s", [v]) | some v in as_list(object.get(f, "notStartsWith", []))}) | {sprintf("event sources ending with %s", [v]) | some v in as_list(object.get(f, "notEndsWith", []))}) | only_some(f)

only_some(f) := {sprintf("every event source but %s", [concat(", ", sort(kept))])} if {
	kept := {v | some op in ["equals", "startsWith", "endsWith"]; some v in as_list(object.get(f, op, []))}
	count(kept) > 0
}

only_some(f) := set() if {
	every op in ["equals", "startsWith", "endsWith"] {
		count(as_list(object.get(f, op, []))) == 0
	}
}

# Sources no management selector of kind rw records: every one of those selectors leaves them out.
excluded_sources(trail, rw) := {x |
	selectors := management_selectors(trail, rw)
	some s in selectors
	some x in exclusions(s)
	every other in selectors {
		x in exclusions(other)
	}
}

# ---------------------------------------------------------------------------------------------
# Data events.

s3_object := "AWS::S3::Object"

dynamodb_table := "AWS::DynamoDB::Table"

# Fields an advanced data selector may use and still record everything for the resources it names;
# any other (eventName, userIdentity.arn, ...) keeps only some events, so it does not count.
whole_data_fields := {"eventCategory", "resources.type", "resources.ARN", "readOnly"}

# The trail records data events of kind rw for every object of the bucket.
covers_bucket(trail, bucket, rw) if {
	mode(trail) == "basic"
	some s in basic(trail)
	s.readWriteType in basic_types[rw]
	some resource in as_list(s.dataResources)
	resource.type == s3_object
	some value in resource.values
	value in {"arn:aws:s3", "arn:aws:s3:::", sprintf("arn:aws:s3:::%s/", [bucket])}
}

covers_bucket(trail, bucket, rw) if {
	some s in advanced_data_selectors(trail, s3_object, rw)
	admits_all_under(s, "resources.ARN", sprintf("arn:aws:s3:::%s/", [bucket]))
}

# The trail records data events of kind rw for the table.
covers_table(trail, table_arn, rw) if {
	mode(trail) == "basic"
	some s in basic(trail)
	s.readWriteType in basic_types[rw]
	some resource in as_list(s.dataResources)
	resource.type == dynamodb_table
	some value in resource.values
	value in {"arn:aws:dynamodb", table_arn}
}

covers_table(trail, table_arn, rw) if {
	some s in advanced_data_selectors(trail, dynamodb_table, rw)
	admits(s, "resources.ARN", table_arn)
}

advanced_data_selectors(trail, type, rw) := [s |
	some s in advanced(trail)
	count(fields(s, "eventCategory")) > 0
	admits(s, "eventCategory", "Data")
	count(fields(s, "resources.type")) > 0
	admits(s, "resources.type", type)
	admits(s, "readOnly", read_only_value[rw])
	every f in s.fieldSelectors {
		f.field in whole_data_fields
	}
] if mode(trail) == "advanced"
