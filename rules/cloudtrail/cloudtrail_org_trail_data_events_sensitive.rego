# METADATA
# title: The organization trail records read and write data events of every sensitive bucket and table
# description: >-
#   Management events do not say who read or changed an object or an item. For the S3 buckets and
#   DynamoDB tables named in config.yaml (organization.sensitiveResources), an organization trail must
#   record data events, reads and writes: a basic selector's DataResources (AWS::S3::Object with
#   arn:aws:s3:::<bucket>/ or all buckets, AWS::DynamoDB::Table with the table ARN or all tables), or an
#   advanced selector with eventCategory Data, the resource type and a resources.ARN filter that keeps
#   the whole bucket or the table. An advanced selector that also filters on other fields (eventName,
#   userIdentity.arn, ...) records only some events and does not count. Each sensitive resource is a
#   subject; with none configured the rule judges nothing.
# related_resources:
#   - ref: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/logging-data-events-with-cloudtrail.html
#     description: Logging data events
#   - ref: https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_AdvancedFieldSelector.html
#     description: AdvancedFieldSelector
# custom:
#   id: cloudtrail_org_trail_data_events_sensitive
#   severity: high
#   remediation_id: AddSensitiveDataEventSelectors
#   remediation: >-
#     Add an event selector to the organization trail that records read and write data events for
#     each sensitive S3 bucket and DynamoDB table.
#   frameworks:
#     pci-dss-4.0: ["10.2.1", "10.2.1.1"]
#     nist-800-53-r5: ["AU-2", "AU-12"]
#     iso-27001-2022: ["A.8.15"]
#     hipaa: ["164.312(b)"]
# schemas:
#   - input: schema.snapshot
package trailwarden.rules.cloudtrail_org_trail_data_events_sensitive

import data.trailwarden.lib.arn
import data.trailwarden.lib.selectors
import data.trailwarden.lib.snapshot

# Sensitive resources: {"kind", "name", "subject"}.
sensitive contains {"kind": "bucket", "name": name, "subject": {
	"resource": arn.bucket(name),
	"accountId": object.get(input.buckets, [name, "accountId"], ""),
	"region": object.get(input.buckets, [name, "region"], ""),
}} if {
	some name in input.scope.sensitiveResources.s3Buckets
}

sensitive contains {"kind": "table", "name": table, "subject": {
	"resource": table,
	"accountId": arn.account_or_empty(table),
	"region": arn.region_or_empty(table),
}} if {
	some table in input.scope.sensitiveResources.dynamodbTables
}

subjects contains resource.subject if {
	some resource in sensitive
}

deny contains finding if {
	some resource in sensitive
	count(snapshot.org_trails) > 0
	count(unreadable_trails) == 0
	missing := not_recorded(resource)
	count(missing) > 0
	finding := object.union(resource.subject, {
		"message": sprintf("No organization trail records %s data events of %s.", [concat(" or ", missing), describe(resource)]),
		"evidence": {"trails": [evidence(trail) | some trail in snapshot.org_trails]},
		"fix": concat("\n", [fix(trail, resource) | some trail in snapshot.org_trails]),
	})
}

deny contains finding if {
	some resource in sensitive
	count(snapshot.org_trails) == 0
	count(trail_errors) == 0
	finding := object.union(resource.subject, {
		"message": sprintf("No organization trail exists to record data events of %s.", [describe(resource)]),
		"evidence": {"trails": [t.arn | some t in input.trails]},
		"fix": "Create the organization trail first (see cloudtrail_org_trail_exists), with a data event selector for this resource.",
	})
}

# A trail whose selectors could not be read may record what the others miss.
unknown contains finding if {
	some resource in sensitive
	count(unreadable_trails) > 0
	count(not_recorded(resource)) > 0
	finding := object.union(resource.subject, {
		"message": sprintf("The event selectors of organization trail %s could not be read, so whether it records data events of %s is unknown.", [concat(", ", sort([t.name | some t in unreadable_trails])), describe(resource)]),
		"evidence": {"errors": [e | some t in unreadable_trails; some e in snapshot.resource_errors("cloudtrail", t.arn)]},
	})
}

unknown contains finding if {
	some resource in sensitive
	count(snapshot.org_trails) == 0
	count(trail_errors) > 0
	finding := object.union(resource.subject, {
		"message": sprintf("The trails of management account %s could not all be read: %s.", [snapshot.management_account_id, snapshot.describe_errors(trail_errors)]),
		"evidence": {"errors": trail_errors},
	})
}

trail_errors := snapshot.errors_for("cloudtrail", snapshot.management_account_id)

unreadable_trails := {trail |
	some trail in snapshot.org_trails
	selectors.mode(trail) == "unknown"
}

# "read", "write" or both, in that order, when no organization trail records them.
not_recorded(resource) := [rw |
	some rw in ["read", "write"]
	not recorded(resource, rw)
]

recorded(resource, rw) if {
	resource.kind == "bucket"
	some trail in snapshot.org_trails
	selectors.covers_bucket(trail, resource.name, rw)
}

recorded(resource, rw) if {
	resource.kind == "table"
	some trail in snapshot.org_trails
	selectors.covers_table(trail, resource.name, rw)
}

describe(resource) := sprintf("S3 bucket %s", [resource.name]) if resource.kind == "bucket"

describe(resource) := sprintf("DynamoDB table %s", [resource.name]) if resource.kind == "table"

evidence(trail) := {"trail": trail.arn, "eventSelectors": trail.eventSelectors, "advancedEventSelectors": trail.advancedEventSelectors}

# put-event-selectors replaces every selector: the fix says to keep the existing ones.
fix(trail, resource) := sprintf("aws cloudtrail put-event-selectors --region %s --trail-name %s --advanced-event-selectors '[<the trail's current selectors>, {\"Name\": \"Sensitive %s\", \"FieldSelectors\": [{\"Field\": \"eventCategory\", \"Equals\": [\"Data\"]}, {\"Field\": \"resources.type\", \"Equals\": [\"%s\"]}, {\"Field\": \"resources.ARN\", \"%s\": [\"%s\"]}]}]'", [trail.homeRegion, trail.arn, resource.name, type(resource), arn_operator(resource), arn_value(resource)]) if {
	selectors.mode(trail) == "advanced"
}

fix(trail, resource) := sprintf("aws cloudtrail put-event-selectors --region %s --trail-name %s --event-selectors '[{\"ReadWriteType\": \"All\", \"IncludeManagementEvents\": true, \"DataResources\": [<the trail's current data resources>, {\"Type\": \"%s\", \"Values\": [\"%s\"]}]}]'", [trail.homeRegion, trail.arn, type(resource), arn_value(resource)]) if {
	selectors.mode(trail) != "advanced"
}

type(resource) := selectors.s3_object if resource.kind == "bucket"

type(resource) := selectors.dynamodb_table if resource.kind == "table"

arn_operator(resource) := "StartsWith" if resource.kind == "bucket"

arn_operator(resource) := "Equals" if resource.kind == "table"

arn_value(resource) := sprintf("arn:aws:s3:::%s/", [resource.name]) if resource.kind == "bucket"

arn_value(resource) := resource.name if resource.kind == "table"
