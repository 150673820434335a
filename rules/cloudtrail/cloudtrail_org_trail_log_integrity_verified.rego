# METADATA
# title: The organization trail's delivered logs verify against their signed digest chain
# description: >-
#   CloudTrail signs an hourly digest per account and region that lists the SHA-256 of every log file
#   delivered and chains to the previous digest. Verifying the chain proves that the logs an auditor
#   reads are complete and unchanged since delivery: no log file edited, deleted or padded, no digest
#   edited, moved, signed by an unknown key or missing, and no hour left out. Judged only when the logs
#   were verified (trailwarden logs verify, or scan --verify-logs), one subject per account and region.
# related_resources:
#   - ref: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-validation-digest-file-structure.html
#     description: CloudTrail digest file structure
#   - ref: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-custom-validation.html
#     description: Custom implementations of CloudTrail log file integrity validation
# custom:
#   id: cloudtrail_org_trail_log_integrity_verified
#   severity: critical
#   remediation: >-
#     Treat every problem as a possible incident: find who changed or removed the files named (S3 server
#     access logs, the bucket's object versions, CloudTrail data events on the bucket), restore them
#     from a previous version or the evidence locker, and protect the bucket (Object Lock, a Deny of
#     s3:DeleteObject and s3:PutObject for everyone but CloudTrail).
#   remediation_none: >-
#     Altered or missing logs are evidence, not a setting: no change of configuration brings them back,
#     and overwriting them would destroy what an investigation needs.
#   frameworks:
#     pci-dss-4.0: ["10.3.4"]
#     nist-800-53-r5: ["AU-9", "AU-9(3)"]
#     iso-27001-2022: ["A.8.15"]
#     hipaa: ["164.312(b)"]
# schemas:
#   - input: schema.snapshot
package trailwarden.rules.cloudtrail_org_trail_log_integrity_verified

import data.trailwarden.lib.snapshot

# The place of a chain: its digest folder in the log bucket, as an S3 ARN.
chain_subject(chain) := {
	"resource": sprintf("arn:aws:s3:::%s/%s", [object.get(input.logIntegrity, "bucket", ""), chain.digestFolder]),
	"accountId": chain.accountId,
	"region": chain.region,
}

# When nothing could be verified, the trail (or the organization) is the one subject.
whole_subject := snapshot.trail_subject(trail) if {
	some trail in snapshot.org_trails
	trail.arn == object.get(input.logIntegrity, "trailArn", "")
} else := snapshot.organization_subject

# Without verification (logIntegrity null) there is nothing to judge, and object.get on null would be a
# built-in error.
verification_failed if {
	is_object(input.logIntegrity)
	not is_null(object.get(input.logIntegrity, "error", null))
}

subjects contains chain_subject(chain) if {
	some chain in input.logIntegrity.chains
}

subjects contains whole_subject if verification_failed

deny contains finding if {
	some chain in input.logIntegrity.chains
	is_null(object.get(chain, "error", null))
	chain.problemCount > 0
	finding := object.union(chain_subject(chain), {
		"message": sprintf("Account %s, region %s: %d integrity problem(s) in the delivered logs (%s), first at %s; %d digest(s) and %d log file(s) verified, %d hour(s) covered.", [
			chain.accountId, chain.region, chain.problemCount, kinds(chain), chain.problems[0].key,
			chain.digests + chain.backfillDigests, chain.logFiles, chain.hoursCovered,
		]),
		"severity": severity(chain),
		"evidence": evidence(chain),
		"fix": sprintf("Investigate the keys listed in the evidence; cross-check with: aws cloudtrail validate-logs --trail-arn %s --account-id %s --region %s --start-time %s --end-time %s --verbose", [
			object.get(input.logIntegrity, "trailArn", ""), chain.accountId, chain.region, input.logIntegrity.from, input.logIntegrity.to,
		]),
	})
}

unknown contains finding if {
	some chain in input.logIntegrity.chains
	error := object.get(chain, "error", null)
	not is_null(error)
	finding := object.union(chain_subject(chain), {
		"message": sprintf("The digests of account %s, region %s could not be read: %s %s", [chain.accountId, chain.region, error.code, error.message]),
		"evidence": {"error": error, "digestFolder": chain.digestFolder},
	})
}

unknown contains finding if {
	verification_failed
	finding := object.union(whole_subject, {
		"message": sprintf("The delivered logs could not be verified: %s %s", [input.logIntegrity.error.code, input.logIntegrity.error.message]),
		"evidence": {"error": input.logIntegrity.error},
	})
}

# Logs that are missing for whole hours (logging or validation off) are high; any sign that delivered
# files were changed, removed, moved or replaced is critical.
coverage_kinds := {"no-digests", "gap"}

severity(chain) := "high" if {
	every p in chain.problems {
		p.kind in coverage_kinds
	}
} else := "critical"

kinds(chain) := concat(", ", sort({sprintf("%d %s", [n, kind]) |
	some p in chain.problems
	kind := p.kind
	n := count([q | some q in chain.problems; q.kind == kind])
}))

evidence(chain) := {
	"window": {"from": input.logIntegrity.from, "to": input.logIntegrity.to},
	"digests": chain.digests,
	"backfillDigests": chain.backfillDigests,
	"logFiles": chain.logFiles,
	"hoursCovered": chain.hoursCovered,
	"coveredFrom": object.get(chain, "coveredFrom", null),
	"coveredTo": object.get(chain, "coveredTo", null),
	"problemCount": chain.problemCount,
	"problems": chain.problems,
}
