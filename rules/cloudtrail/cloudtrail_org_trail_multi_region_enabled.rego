# METADATA
# title: The organization trail records every region
# description: >-
#   A multi-region trail records API activity in every region, including regions the organization
#   does not use yet, where an attacker would otherwise act unseen.
# related_resources:
#   - ref: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/receive-cloudtrail-log-files-from-multiple-regions.html
#     description: Receiving CloudTrail log files from multiple regions
# custom:
#   id: cloudtrail_org_trail_multi_region_enabled
#   severity: high
#   remediation_id: MakeTrailMultiRegion
#   remediation: Make the organization trail a multi-region trail.
#   frameworks:
#     cis-aws-foundations-3.0: ["3.1"]
#     cis-aws-foundations-4.0: ["3.1"]
#     cis-aws-foundations-5.0: ["3.1"]
#     aws-security-hub: ["CloudTrail.1"]
#     pci-dss-4.0: ["10.2.1"]
#     soc2: ["CC7.2"]
#     nist-800-53-r5: ["AU-12", "AU-12(1)"]
#     iso-27001-2022: ["A.8.15"]
#     hipaa: ["164.312(b)"]
# schemas:
#   - input: schema.snapshot
package trailwarden.rules.cloudtrail_org_trail_multi_region_enabled

import data.trailwarden.lib.snapshot

subjects contains snapshot.trail_subject(trail) if {
	some trail in snapshot.org_trails
}

subjects contains snapshot.unseen_org_trail_subject if snapshot.org_trails_unseen

unknown contains snapshot.unseen_org_trail("whether it records every region")

deny contains finding if {
	some trail in snapshot.org_trails
	trail.isMultiRegionTrail != true
	finding := object.union(snapshot.trail_subject(trail), {
		"message": sprintf("Organization trail %s records only its home region %s.", [trail.name, trail.homeRegion]),
		"evidence": {"isMultiRegionTrail": trail.isMultiRegionTrail},
		"fix": sprintf("aws cloudtrail update-trail --region %s --name %s --is-multi-region-trail", [trail.homeRegion, trail.arn]),
	})
}
