# METADATA
# title: The organization trail encrypts logs with a customer managed KMS key that rotates
# description: >-
#   With SSE-KMS, reading a log file needs kms:Decrypt on the trail's key as well as s3:GetObject,
#   so the key policy becomes a second lock on the audit record, and every use of the key is itself
#   logged. The key must be a customer managed key, enabled, with automatic rotation on.
# related_resources:
#   - ref: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/encrypting-cloudtrail-log-files-with-aws-kms.html
#     description: Encrypting CloudTrail log files with AWS KMS keys (SSE-KMS)
#   - ref: https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html
#     description: Rotating AWS KMS keys
# custom:
#   id: cloudtrail_org_trail_kms_encryption_enabled
#   severity: medium
#   remediation_id: EnableKmsKeyRotation
#   remediation: >-
#     Encrypt the organization trail's logs with a customer managed KMS key (SSE-KMS) and turn on
#     the key's automatic rotation.
#   frameworks:
#     cis-aws-foundations-3.0: ["3.5"]
#     cis-aws-foundations-4.0: ["3.5"]
#     cis-aws-foundations-5.0: ["3.5"]
#     aws-security-hub: ["CloudTrail.2"]
#     pci-dss-4.0: ["10.3.2"]
#     nist-800-53-r5: ["AU-9"]
#     iso-27001-2022: ["A.8.15"]
#     hipaa: ["164.312(b)"]
# schemas:
#   - input: schema.snapshot
package trailwarden.rules.cloudtrail_org_trail_kms_encryption_enabled

import data.trailwarden.lib.snapshot

subjects contains snapshot.trail_subject(trail) if {
	some trail in snapshot.org_trails
}

subjects contains snapshot.unseen_org_trail_subject if snapshot.org_trails_unseen

unknown contains snapshot.unseen_org_trail("whether it encrypts with a KMS key")

deny contains finding if {
	some trail in snapshot.org_trails
	object.get(trail, "kmsKeyId", null) in {null, ""}
	finding := object.union(snapshot.trail_subject(trail), {
		"message": sprintf("Organization trail %s does not encrypt its logs with a KMS key (SSE-KMS).", [trail.name]),
		"evidence": {"kmsKeyId": null},
		"fix": sprintf("aws cloudtrail update-trail --region %s --name %s --kms-key-id <ARN of a customer managed key whose policy lets cloudtrail.amazonaws.com kms:GenerateDataKey*>", [trail.homeRegion, trail.arn]),
	})
}

deny contains finding if {
	some trail in snapshot.org_trails
	key := input.kmsKeys[trail.kmsKeyId]
	problems := [p | some check in checks; p := problem(check, key)]
	count(problems) > 0
	finding := object.union(snapshot.trail_subject(trail), {
		"message": sprintf("KMS key %s of organization trail %s %s.", [key.arn, trail.name, concat(", and ", problems)]),
		"evidence": {"kmsKeyId": trail.kmsKeyId, "keyManager": key.keyManager, "keyState": key.keyState, "rotationEnabled": key.rotationEnabled},
		"fix": concat("\n", [f | some check in checks; problem(check, key); f := fix(check, key, trail)]),
	})
}

# The key is named but was not collected, or its rotation status could not be read.
deny contains finding if {
	some trail in snapshot.org_trails
	key_id := trail.kmsKeyId
	not key_id in {null, ""}
	not input.kmsKeys[key_id]
	gone := snapshot.absent("kms", key_id)
	count(gone) > 0
	finding := object.union(snapshot.trail_subject(trail), {
		"message": sprintf("KMS key %s of organization trail %s does not exist (%s), so CloudTrail cannot encrypt, and fails to deliver, its log files.", [key_id, trail.name, snapshot.describe_errors(gone)]),
		"evidence": {"kmsKeyId": key_id, "errors": gone},
		"fix": sprintf("aws kms create-key --region %s --description \"CloudTrail organization trail\" (then allow cloudtrail.amazonaws.com kms:GenerateDataKey* in its policy) && aws cloudtrail update-trail --region %s --name %s --kms-key-id <the new key's ARN>", [trail.homeRegion, trail.homeRegion, trail.arn]),
	})
}

unknown contains finding if {
	some trail in snapshot.org_trails
	key_id := trail.kmsKeyId
	not key_id in {null, ""}
	not input.kmsKeys[key_id]
	errors := kms_errors(key_id)
	count(snapshot.absent("kms", key_id)) == 0
	finding := object.union(snapshot.trail_subject(trail), {
		"message": sprintf("KMS key %s of organization trail %s was not collected%s.", [key_id, trail.name, reason(errors)]),
		"evidence": {"kmsKeyId": key_id, "errors": errors},
	})
}

unknown contains finding if {
	some trail in snapshot.org_trails
	key := input.kmsKeys[trail.kmsKeyId]
	key.rotationEnabled == null
	errors := kms_errors(trail.kmsKeyId)
	finding := object.union(snapshot.trail_subject(trail), {
		"message": sprintf("The rotation status of KMS key %s of organization trail %s could not be read%s.", [key.arn, trail.name, reason(errors)]),
		"evidence": {"kmsKeyId": trail.kmsKeyId, "errors": errors},
	})
}

checks := ["manager", "state", "rotation"]

problem("manager", key) := "is AWS managed, not customer managed" if key.keyManager != "CUSTOMER"

problem("state", key) := sprintf("is %s, so CloudTrail cannot encrypt with it", [key.keyState]) if key.keyState != "Enabled"

problem("rotation", key) := "does not rotate automatically" if key.rotationEnabled == false

fix("manager", _, trail) := sprintf("aws kms create-key --region %s --description \"CloudTrail organization trail\" (then allow cloudtrail.amazonaws.com kms:GenerateDataKey* in its policy) && aws cloudtrail update-trail --region %s --name %s --kms-key-id <the new key's ARN>", [trail.homeRegion, trail.homeRegion, trail.arn])

fix("state", key, _) := sprintf("aws kms cancel-key-deletion --region %s --key-id %s; aws kms enable-key --region %s --key-id %s", [key.region, key.arn, key.region, key.arn])

fix("rotation", key, _) := sprintf("aws kms enable-key-rotation --region %s --key-id %s", [key.region, key.arn])

kms_errors(key_id) := [e |
	some e in input.errors
	e.service == "kms"
	object.get(e, "resource", "") == key_id
]

reason(errors) := sprintf(": %s", [snapshot.describe_errors(errors)]) if count(errors) > 0

reason(errors) := "" if count(errors) == 0
