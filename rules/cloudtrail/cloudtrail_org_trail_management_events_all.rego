# METADATA
# title: The organization trail records all read and write management events, global services included
# description: >-
#   Management events are the control-plane record: who created a user, changed a policy, stopped a
#   trail. The organization trail must record read and write management events from every event
#   source, global services (IAM, STS, CloudFront) included. A basic selector that excludes event
#   sources (ExcludeManagementEventSources) or an advanced selector that filters eventSource or
#   readOnly leaves a gap an attacker can use. A trail that records no write management events at all
#   is reported as high.
# related_resources:
#   - ref: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/logging-management-events-with-cloudtrail.html
#     description: Logging management events
#   - ref: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-concepts.html#cloudtrail-concepts-global-service-events
#     description: Global service events
# custom:
#   id: cloudtrail_org_trail_management_events_all
#   severity: medium
#   remediation_id: RecordAllManagementEvents
#   remediation: >-
#     Make one event selector of the organization trail record all management events (read and write,
#     no excluded event sources) and include global service events.
#   frameworks:
#     cis-aws-foundations-3.0: ["3.1"]
#     cis-aws-foundations-4.0: ["3.1"]
#     cis-aws-foundations-5.0: ["3.1"]
#     aws-security-hub: ["CloudTrail.1"]
#     pci-dss-4.0: ["10.2.1", "10.2.1.2"]
#     soc2: ["CC7.2"]
#     nist-800-53-r5: ["AU-2", "AU-12"]
#     iso-27001-2022: ["A.8.15"]
#     hipaa: ["164.312(b)"]
# schemas:
#   - input: schema.snapshot
package trailwarden.rules.cloudtrail_org_trail_management_events_all

import data.trailwarden.lib.selectors
import data.trailwarden.lib.snapshot

subjects contains snapshot.trail_subject(trail) if {
	some trail in snapshot.org_trails
}

subjects contains snapshot.unseen_org_trail_subject if snapshot.org_trails_unseen

unknown contains snapshot.unseen_org_trail("whether it records every management event")

deny contains finding if {
	some trail in snapshot.org_trails
	trail.includeGlobalServiceEvents != true
	finding := object.union(snapshot.trail_subject(trail), {
		"message": sprintf("Organization trail %s does not include global service events (IAM, STS, CloudFront).", [trail.name]),
		"evidence": {"includeGlobalServiceEvents": trail.includeGlobalServiceEvents},
		"fix": sprintf("aws cloudtrail update-trail --region %s --name %s --include-global-service-events", [trail.homeRegion, trail.arn]),
	})
}

# Read or write management events not recorded at all. Without writes the trail misses every change
# to the organization, so that finding is high.
deny contains finding if {
	some trail in snapshot.org_trails
	selectors.mode(trail) != "unknown"
	missing := [rw | some rw in ["read", "write"]; not selectors.records_management(trail, rw)]
	count(missing) > 0
	finding := object.union(snapshot.trail_subject(trail), {
		"message": sprintf("Organization trail %s does not record %s management events.", [trail.name, concat(" or ", missing)]),
		"evidence": evidence(trail),
		"fix": fix(trail),
		"severity": severity(missing),
	})
}

# Event sources left out of read or write management events.
deny contains finding if {
	some trail in snapshot.org_trails
	excluded := {sprintf("%s (%s)", [source, concat(" and ", kinds)]) |
		some rw in ["read", "write"]
		some source in selectors.excluded_sources(trail, rw)
		kinds := [k | some k in ["read", "write"]; source in selectors.excluded_sources(trail, k)]
	}
	count(excluded) > 0
	finding := object.union(snapshot.trail_subject(trail), {
		"message": sprintf("Organization trail %s excludes management events of %s.", [trail.name, concat(", ", sort(excluded))]),
		"evidence": evidence(trail),
		"fix": fix(trail),
	})
}

# The selectors come from their own call (GetEventSelectors); when it failed there is no evidence.
unknown contains finding if {
	some trail in snapshot.org_trails
	selectors.mode(trail) == "unknown"
	errors := snapshot.resource_errors("cloudtrail", trail.arn)
	finding := object.union(snapshot.trail_subject(trail), {
		"message": sprintf("The event selectors of organization trail %s could not be read%s.", [trail.name, reason(errors)]),
		"evidence": {"errors": errors},
	})
}

severity(missing) := "high" if "write" in missing

severity(missing) := "medium" if not "write" in missing

evidence(trail) := {
	"eventSelectors": trail.eventSelectors,
	"advancedEventSelectors": trail.advancedEventSelectors,
}

# Rewriting the selectors replaces them all: the fix says to keep the data event selectors.
fix(trail) := sprintf("aws cloudtrail put-event-selectors --region %s --trail-name %s --advanced-event-selectors '[{\"Name\": \"All management events\", \"FieldSelectors\": [{\"Field\": \"eventCategory\", \"Equals\": [\"Management\"]}]}, <the trail's data event selectors>]'", [trail.homeRegion, trail.arn]) if {
	selectors.mode(trail) == "advanced"
}

fix(trail) := sprintf("aws cloudtrail put-event-selectors --region %s --trail-name %s --event-selectors '[{\"ReadWriteType\": \"All\", \"IncludeManagementEvents\": true, \"ExcludeManagementEventSources\": [], \"DataResources\": [<the trail's data resources>]}]'", [trail.homeRegion, trail.arn]) if {
	selectors.mode(trail) != "advanced"
}

reason(errors) := sprintf(": %s", [snapshot.describe_errors(errors)]) if count(errors) > 0

reason(errors) := "" if count(errors) == 0
