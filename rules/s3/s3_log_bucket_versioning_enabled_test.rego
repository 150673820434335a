package trailwarden.rules.s3_log_bucket_versioning_enabled_test

import data.trailwarden.lib.test as fx
import data.trailwarden.rules.s3_log_bucket_versioning_enabled as rule

test_pass_versioning_with_compliance_lock if {
	count(rule.subjects) == 1 with input as fx.compliant
	count(rule.deny) == 0 with input as fx.compliant
	count(rule.unknown) == 0 with input as fx.compliant
}

test_pass_versioning_with_mfa_delete if {
	count(rule.deny) == 0 with input as fx.with_bucket({"versioning": {"status": "Enabled", "mfaDelete": "Enabled"}, "objectLock": null})
}

test_fail_versioning_suspended if {
	some f in rule.deny with input as fx.with_bucket({"versioning": {"status": "Suspended", "mfaDelete": "Disabled"}, "objectLock": null})
	f.message == "Versioning of log bucket acme-org-cloudtrail-logs is Suspended."
	f.fix == "aws s3api put-bucket-versioning --bucket acme-org-cloudtrail-logs --versioning-configuration Status=Enabled"
}

test_fail_versioning_never_enabled if {
	some f in rule.deny with input as fx.with_bucket({"versioning": null, "objectLock": null})
	f.message == "Versioning of log bucket acme-org-cloudtrail-logs is Disabled."
}

test_fail_no_lock_no_mfa_delete if {
	some f in rule.deny with input as fx.with_bucket({"objectLock": null})
	f.message == "Log bucket acme-org-cloudtrail-logs has neither MFA delete nor Object Lock in COMPLIANCE mode (no Object Lock)."
	contains(f.fix, "\"Mode\": \"COMPLIANCE\"")
}

test_fail_governance_mode if {
	some f in rule.deny with input as fx.with_bucket({"objectLock": {"enabled": true, "mode": "GOVERNANCE", "days": 30, "years": null}})
	contains(f.message, "(Object Lock in GOVERNANCE mode)")
}

test_fail_lock_without_default_retention if {
	some f in rule.deny with input as fx.with_bucket({"objectLock": {"enabled": true, "mode": null, "days": null, "years": null}})
	contains(f.message, "(Object Lock without a default retention)")
	some g in rule.deny with input as fx.with_bucket({"objectLock": {"enabled": false, "mode": null, "days": null, "years": null}})
	contains(g.message, "(Object Lock not enabled)")
}

test_unknown_versioning_unreadable if {
	unread := fx.with_error(fx.error("s3", "GetBucketVersioning", fx.logging_account, fx.bucket))
	count(rule.deny) == 0 with input as unread
	some f in rule.unknown with input as unread
	contains(f.message, "The versioning of log bucket acme-org-cloudtrail-logs could not be read")
}

test_unknown_object_lock_unreadable if {
	unread := object.union(fx.with_bucket({"objectLock": null}), {"errors": [fx.error("s3", "GetObjectLockConfiguration", fx.logging_account, fx.bucket)]})
	count(rule.deny) == 0 with input as unread
	count(rule.unknown) == 1 with input as unread
}

test_pass_object_lock_unreadable_but_mfa_delete_on if {
	unread := object.union(fx.with_bucket({"versioning": {"status": "Enabled", "mfaDelete": "Enabled"}, "objectLock": null}), {"errors": [fx.error("s3", "GetObjectLockConfiguration", fx.logging_account, fx.bucket)]})
	count(rule.deny) == 0 with input as unread
	count(rule.unknown) == 0 with input as unread
}
