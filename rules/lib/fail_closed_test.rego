# Issue 13, "a rule may FAIL only on evidence that was read": every rule under each piece of missing
# evidence the collector can produce — the tree walk, the account list, trusted access, the management
# account's trails — says UNKNOWN, never FAIL, and never leaves a subject out.
package trailwarden.lib.fail_closed_test

import data.trailwarden.lib.test as fx
import data.trailwarden.rules

org_error(operation, resource) := object.union(fx.error("organizations", operation, fx.management_account, resource), {"region": "global"})

# ListRoots failed: no roots, no OUs; ListAccounts named every account, none placed.
roots_unread := object.union(fx.compliant, {
	"organization": fx.replaced(fx.organization, {
		"roots": [],
		"organizationalUnits": [],
		"accounts": [object.union(a, {"parentId": null}) | some a in fx.organization.accounts],
	}),
	"errors": [org_error("ListRoots", null)],
})

# ListAccountsForParent failed for the Security OU: ListAccounts still named the logging account.
logging_unplaced := object.union(fx.compliant, {
	"organization": fx.replaced(fx.organization, {"accounts": [placed_or_not(a) | some a in fx.organization.accounts]}),
	"errors": [org_error("ListAccountsForParent", fx.security_ou)],
})

placed_or_not(a) := object.union(a, {"parentId": null}) if a.id == fx.logging_account

placed_or_not(a) := a if a.id != fx.logging_account

# ... and ListAccounts failed too: the logging account is not in the snapshot at all.
logging_unlisted := object.union(fx.compliant, {
	"organization": fx.replaced(fx.organization, {"accounts": [a | some a in fx.organization.accounts; a.id != fx.logging_account]}),
	"errors": [org_error("ListAccountsForParent", fx.security_ou), org_error("ListAccounts", null)],
})

service_access_unread := object.union(fx.compliant, {
	"organization": fx.replaced(fx.organization, {"serviceAccess": []}),
	"errors": [org_error("ListAWSServiceAccessForOrganization", null)],
})

# DescribeTrails failed in both regions of the management account: no trail seen.
trails_unlisted := fx.replaced(fx.compliant, {
	"trails": [],
	"errors": [
	object.union(fx.error("cloudtrail", "DescribeTrails", fx.management_account, null), {"region": r}) |
		some r in ["us-east-1", "eu-west-1"]
	],
})

trail_subject := {"resource": fx.trail_arn, "accountId": fx.management_account, "region": "us-east-1"}

bucket_subject := {"resource": fx.bucket_arn, "accountId": fx.logging_account, "region": "us-east-1"}

organization_subject := {"resource": fx.organization.arn, "accountId": fx.management_account, "region": "global"}

subject(f) := {"resource": f.resource, "accountId": f.accountId, "region": f.region}

unknown_subjects(rule) := {subject(f) | some f in rules[rule].unknown}

deny_subjects(rule) := {subject(f) | some f in rules[rule].deny}

test_unknown_trusted_access_unread if {
	count(rules.organizations_cloudtrail_trusted_access_enabled.deny) == 0 with input as service_access_unread
	unknown_subjects("organizations_cloudtrail_trusted_access_enabled") == {organization_subject} with input as service_access_unread
}

test_unknown_roots_unread_scps if {
	count(deny_subjects("organizations_scp_protects_cloudtrail")) == 0 with input as roots_unread
	unknown_subjects("organizations_scp_protects_cloudtrail") == {fx_account(fx.logging_account), fx_account(fx.production_account)} with input as roots_unread
	count(deny_subjects("organizations_scp_protects_log_bucket")) == 0 with input as roots_unread
	unknown_subjects("organizations_scp_protects_log_bucket") == {bucket_subject} with input as roots_unread
	unknown_subjects("organizations_all_features_enabled") == {organization_subject} with input as roots_unread
	count(deny_subjects("organizations_all_features_enabled")) == 0 with input as roots_unread
}

test_pass_roots_unread_logging_account_listed if {
	count(rules.organizations_dedicated_logging_account.deny) == 0 with input as roots_unread
	count(rules.organizations_dedicated_logging_account.unknown) == 0 with input as roots_unread
}

fx_account(id) := {"resource": fx.account_arn(id), "accountId": id, "region": "global"}

test_unknown_only_the_unplaced_account if {
	count(deny_subjects("organizations_scp_protects_cloudtrail")) == 0 with input as logging_unplaced
	unknown_subjects("organizations_scp_protects_cloudtrail") == {fx_account(fx.logging_account)} with input as logging_unplaced
	rules.organizations_scp_protects_cloudtrail.subjects == {fx_account(fx.logging_account), fx_account(fx.production_account)} with input as logging_unplaced
	count(deny_subjects("organizations_scp_protects_log_bucket")) == 0 with input as logging_unplaced
	unknown_subjects("organizations_scp_protects_log_bucket") == {bucket_subject} with input as logging_unplaced
}

test_unknown_unlisted_accounts if {
	count(rules.organizations_dedicated_logging_account.deny) == 0 with input as logging_unlisted
	unknown_subjects("organizations_dedicated_logging_account") == {organization_subject} with input as logging_unlisted
	organization_subject in rules.organizations_scp_protects_cloudtrail.subjects with input as logging_unlisted
	unknown_subjects("organizations_scp_protects_cloudtrail") == {organization_subject} with input as logging_unlisted
	organization_subject in rules.cloudtrail_member_trails_no_conflict.subjects with input as logging_unlisted
	unknown_subjects("cloudtrail_member_trails_no_conflict") == {organization_subject} with input as logging_unlisted
	count(deny_subjects("organizations_scp_protects_log_bucket")) == 0 with input as logging_unlisted
	unknown_subjects("organizations_scp_protects_log_bucket") == {bucket_subject} with input as logging_unlisted
}

test_unknown_bucket_owner_maybe_outside_organization if {
	no_logging := object.union(logging_unlisted, {"scope": object.union(fx.compliant.scope, {"loggingAccountId": null})})
	count(rules.cloudtrail_org_trail_bucket_in_logging_account.deny) == 0 with input as no_logging
	unknown_subjects("cloudtrail_org_trail_bucket_in_logging_account") == {trail_subject} with input as no_logging
}

trail_rules := [
	"cloudtrail_org_trail_bucket_in_logging_account", "cloudtrail_org_trail_cloudwatch_logs_enabled",
	"cloudtrail_org_trail_kms_encryption_enabled", "cloudtrail_org_trail_log_file_validation_enabled",
	"cloudtrail_org_trail_logging", "cloudtrail_org_trail_management_events_all", "cloudtrail_org_trail_multi_region_enabled",
]

bucket_rules := [
	"organizations_scp_protects_log_bucket", "s3_log_bucket_access_logging_enabled", "s3_log_bucket_encrypted",
	"s3_log_bucket_lifecycle_archives_logs", "s3_log_bucket_not_public", "s3_log_bucket_policy_allows_cloudtrail_acl_check",
	"s3_log_bucket_policy_allows_cloudtrail_write", "s3_log_bucket_policy_denies_insecure_transport",
	"s3_log_bucket_policy_denies_object_deletion", "s3_log_bucket_versioning_enabled",
]

test_unknown_unseen_org_trail if {
	every rule in trail_rules {
		rules[rule].subjects == {trail_subject} with input as trails_unlisted
		count(rules[rule].deny) == 0 with input as trails_unlisted
		unknown_subjects(rule) == {trail_subject} with input as trails_unlisted
	}
	every rule in bucket_rules {
		rules[rule].subjects == {bucket_subject} with input as trails_unlisted
		count(rules[rule].deny) == 0 with input as trails_unlisted
		unknown_subjects(rule) == {bucket_subject} with input as trails_unlisted
	}
}

# The CIS monitoring rules judge the organization trail's chain: without the trail list they cannot.
monitoring_rules := [id | some id, _ in rules; startswith(id, "cloudwatch_alarm_"); not endswith(id, "_test")]

test_unknown_monitoring_when_org_trail_unseen if {
	count(monitoring_rules) == 15
	every input_ in [trails_unlisted, regions_unlisted] {
		every rule in monitoring_rules {
			rules[rule].subjects == {trail_subject} with input as input_
			count(rules[rule].deny) == 0 with input as input_
			unknown_subjects(rule) == {trail_subject} with input as input_
		}
	}
}

test_unknown_member_trail_without_org_trail if {
	member := object.union(trails_unlisted, {"trails": [fx.member_trail]})
	count(rules.cloudtrail_member_trails_no_conflict.deny) == 0 with input as member
	unknown_subjects("cloudtrail_member_trails_no_conflict") == {subject({
		"resource": fx.member_trail.arn, "accountId": fx.member_trail.accountId, "region": fx.member_trail.homeRegion,
	})} with input as member
}

# regions: all, and DescribeRegions failed: only the home region was scanned.
regions_unlisted := fx.replaced(fx.compliant, {
	"trails": [],
	"errors": [object.union(fx.error("ec2", "DescribeRegions", fx.management_account, null), {"region": "us-east-1"})],
})

test_unknown_regions_unlisted if {
	count(rules.cloudtrail_org_trail_exists.deny) == 0 with input as regions_unlisted
	unknown_subjects("cloudtrail_org_trail_exists") == {organization_subject} with input as regions_unlisted
	every rule in trail_rules {
		unknown_subjects(rule) == {trail_subject} with input as regions_unlisted
	}
	unknown_subjects("cloudtrail_member_trails_no_conflict") == {fx_account(fx.logging_account), fx_account(fx.production_account)} with input as regions_unlisted
}

test_pass_compliant_unchanged if {
	every rule in array.concat(trail_rules, bucket_rules) {
		count(rules[rule].deny) == 0 with input as fx.compliant
		count(rules[rule].unknown) == 0 with input as fx.compliant
	}
}
