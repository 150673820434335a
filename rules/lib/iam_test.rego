package trailwarden.lib.iam_test

import data.trailwarden.lib.iam
import data.trailwarden.lib.requests

now := "2026-11-23T02:00:00Z"

trail := "arn:aws:cloudtrail:us-east-1:111111111111:trail/org-trail"

log_object := "arn:aws:s3:::logs/AWSLogs/111111111111/CloudTrail/x.json.gz"

delivery := requests.delivery(trail, log_object, requests.acl, now)

member := "222222222222"

ordinary_delete := requests.ordinary(member, {"id": "o-a1b2c3d4e5", "path": "o-a1b2c3d4e5/r-ab12/"}, "us-east-1", "s3:DeleteObject", log_object, "true", now)

allow(fields) := object.union({"Effect": "Allow", "Principal": {"Service": "cloudtrail.amazonaws.com"}, "Action": "s3:PutObject", "Resource": "arn:aws:s3:::logs/*"}, fields)

deny(fields) := object.union({"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "arn:aws:s3:::logs/*"}, fields)

decision(statements, request) := iam.decide(request, iam.resource_policy_layers("the bucket policy", {"Statement": statements})).decision

# --- the decision ------------------------------------------------------------------------------

test_pass_allow_without_deny if decision([allow({})], delivery) == "allow"

test_fail_any_deny_beats_every_allow if {
	decision([allow({}), deny({"Sid": "Lockdown"})], delivery) == "explicit_deny"
	result := iam.decide(delivery, iam.resource_policy_layers("the bucket policy", {"Statement": [allow({}), deny({"Sid": "Lockdown"})]}))
	iam.why(result) == "explicitly denied by statement Lockdown of the bucket policy"
}

test_fail_nothing_allows_is_implicit if {
	decision([], delivery) == "implicit_deny"
	decision([allow({"Action": "s3:GetObject"})], delivery) == "implicit_deny"
}

test_fail_statement_without_sid_named_by_index if {
	result := iam.decide(delivery, iam.resource_policy_layers("p", {"Statement": [allow({"Action": "s3:GetObject"}), deny({})]}))
	result.statements[0].statement == "statement [1]"
}

test_pass_every_scp_level_must_allow if {
	full := {"name": "FullAWSAccess", "document": {"Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}}}
	list := {"name": "allow-list", "document": {"Statement": {"Effect": "Allow", "Action": "ec2:*", "Resource": "*"}}}
	request := requests.ordinary(member, null, "us-east-1", "cloudtrail:StopLogging", trail, "true", now)
	iam.decide(request, [{"name": "root", "policies": [full]}, {"name": "account", "policies": [full]}]).decision == "allow"
	result := iam.decide(request, [{"name": "root", "policies": [full]}, {"name": "OU x", "policies": [list]}])
	result.decision == "implicit_deny"
	result.levels == ["OU x"]
	iam.decide(request, [{"name": "root", "policies": [full]}, {"name": "account", "policies": []}]).decision == "implicit_deny"
}

# --- actions and resources ----------------------------------------------------------------------

test_pass_action_wildcards_ignore_case if {
	decision([allow({"Action": "S3:put*"})], delivery) == "allow"
	decision([allow({"Action": ["s3:Get*", "s3:P?tObject"]})], delivery) == "allow"
}

test_fail_not_action_excludes if {
	decision([object.union(object.remove(allow({}), ["Action"]), {"NotAction": "s3:Put*"})], delivery) == "implicit_deny"
	decision([object.union(object.remove(allow({}), ["Action"]), {"NotAction": "s3:Get*"})], delivery) == "allow"
}

test_pass_resource_is_case_sensitive_and_not_resource if {
	decision([allow({"Resource": "arn:aws:s3:::LOGS/*"})], delivery) == "implicit_deny"
	decision([object.union(object.remove(allow({}), ["Resource"]), {"NotResource": "arn:aws:s3:::other/*"})], delivery) == "allow"
	decision([object.union(object.remove(allow({}), ["Resource"]), {"NotResource": "arn:aws:s3:::logs/*"})], delivery) == "implicit_deny"
}

test_pass_glob_characters_are_literal if {
	iam.wildcard_match("arn:aws:s3:::logs[1]", "arn:aws:s3:::logs[1]")
	not iam.wildcard_match("arn:aws:s3:::logs[1]", "arn:aws:s3:::logs1")
	iam.wildcard_match("arn:aws:iam::*:role/*", "arn:aws:iam::1:role/path/name")
}

# --- policy variables ---------------------------------------------------------------------------

test_pass_variables_in_resource_and_condition if {
	decision([allow({"Resource": "arn:aws:s3:::logs/AWSLogs/${aws:SourceAccount}/*"})], delivery) == "allow"
	decision([allow({"Condition": {"ArnEquals": {"aws:SourceArn": "arn:aws:cloudtrail:us-east-1:${aws:SourceAccount}:trail/org-trail"}}})], delivery) == "allow"
	decision([allow({"Resource": "arn:aws:s3:::logs/AWSLogs/${aws:username, '111111111111'}/*"})], delivery) == "allow"
	iam.substitute("a${*}b${?}${$}", {}) == sprintf("a%sb%s$", [iam.star, iam.question_mark])
	decision([allow({"Resource": "arn:aws:s3:::logs/AWSLogs/${*}"})], delivery) == "implicit_deny"
}

test_fail_unresolved_variable_matches_nothing if {
	# A service principal carries no aws:PrincipalAccount: neither the pattern nor its negation matches.
	decision([allow({"Resource": "arn:aws:s3:::logs/AWSLogs/${aws:PrincipalAccount}/*"})], delivery) == "implicit_deny"
	decision([allow({"Condition": {"StringNotEquals": {"aws:SourceAccount": "${aws:PrincipalAccount}"}}})], delivery) == "implicit_deny"
	decision([object.union(object.remove(allow({}), ["Resource"]), {"NotResource": "arn:aws:s3:::x/${aws:PrincipalAccount}"})], delivery) == "implicit_deny"
}

test_fail_variable_before_fifth_colon_is_literal if {
	decision([allow({"Resource": "arn:aws:s3:${aws:SourceAccount}::logs/*"})], delivery) == "implicit_deny"
}

# --- principals ---------------------------------------------------------------------------------

session := requests.ordinary_principal(member)

names(element) if iam.applies_to({"Principal": element}, session)

test_pass_principal_forms if {
	names("*")
	names({"AWS": "*"})
	names({"AWS": member})
	names({"AWS": sprintf("arn:aws:iam::%s:root", [member])})
	names({"AWS": sprintf("arn:aws:iam::%s:role/%s", [member, requests.ordinary_role])})
	names({"AWS": session.arn})
	iam.applies_to({"Principal": {"Service": "cloudtrail.amazonaws.com"}}, iam.service_principal("cloudtrail.amazonaws.com"))
	iam.applies_to({"Principal": {"AWS": "*"}}, iam.anonymous)
}

test_fail_principal_forms if {
	not names({"AWS": "333333333333"})
	not names({"AWS": sprintf("arn:aws:iam::%s:role/BreakGlass", [member])})
	not names({"Service": "cloudtrail.amazonaws.com"})
	not iam.applies_to({"Principal": {"AWS": member}}, iam.service_principal("cloudtrail.amazonaws.com"))
	not iam.applies_to({"Principal": {"AWS": member}}, iam.anonymous)
}

# IAM User Guide, "AWS JSON policy elements: NotPrincipal": a Deny exempts a role session only when
# NotPrincipal names the session, its role and its account; an account ARN alone exempts the root user.
exempted(values) if not iam.applies_to({"NotPrincipal": {"AWS": values}}, session)

test_pass_not_principal_exempts_the_fully_named_session if {
	exempted([session.arn, sprintf("arn:aws:iam::%s:role/%s", [member, requests.ordinary_role]), member])
	exempted("*")
}

test_fail_not_principal_account_alone_exempts_no_role if {
	not exempted([sprintf("arn:aws:iam::%s:root", [member])])
	not exempted([sprintf("arn:aws:iam::%s:role/%s", [member, requests.ordinary_role]), member])
	not exempted([session.arn])
	iam.applies_to({"NotPrincipal": {"AWS": "arn:aws:iam::1:root"}}, iam.anonymous)
	not iam.applies_to({"NotPrincipal": {"Service": "cloudtrail.amazonaws.com"}}, iam.service_principal("cloudtrail.amazonaws.com"))
}

# --- conditions ---------------------------------------------------------------------------------

holds(condition, request) if iam.condition_holds({"Condition": condition}, request.context)

test_pass_string_operators_and_case if {
	holds({"StringEquals": {"AWS:SourceArn": trail}}, delivery)
	holds({"StringEqualsIgnoreCase": {"aws:sourcearn": upper(trail)}}, delivery)
	not holds({"StringEquals": {"aws:SourceArn": upper(trail)}}, delivery)
	holds({"StringLike": {"aws:SourceArn": "arn:aws:cloudtrail:*:111111111111:trail/*"}}, delivery)
	holds({"StringNotLike": {"aws:SourceArn": "arn:aws:cloudtrail:*:999999999999:*"}}, delivery)
}

test_fail_several_keys_and_values if {
	# Keys AND together, values OR together; a negated operator needs every value to miss.
	holds({"StringEquals": {"aws:SourceArn": ["x", trail]}}, delivery)
	not holds({"StringEquals": {"aws:SourceArn": trail, "aws:SourceAccount": "999999999999"}}, delivery)
	not holds({"StringNotEquals": {"aws:SourceArn": ["x", trail]}}, delivery)
	not holds({"StringEquals": {"aws:SourceArn": trail}, "Bool": {"aws:SecureTransport": "false"}}, delivery)
}

test_pass_absent_keys if {
	# An absent key fails a positive operator, satisfies a negated one and ...IfExists, and Null true.
	not holds({"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}, delivery)
	holds({"StringNotEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}, delivery)
	holds({"StringEqualsIfExists": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}, delivery)
	holds({"Null": {"aws:PrincipalOrgID": "true"}}, delivery)
	holds({"Null": {"aws:SourceArn": "false"}}, delivery)
	not holds({"Null": {"aws:SourceArn": "true"}}, delivery)
}

test_pass_arn_numeric_date_ip_bool if {
	holds({"ArnLike": {"aws:SourceArn": "arn:aws:cloudtrail:*:*:trail/*"}}, delivery)
	not holds({"ArnLike": {"aws:SourceArn": "arn:aws:*"}}, delivery)
	not holds({"ArnNotLike": {"aws:SourceArn": "arn:aws:*"}}, delivery)
	not holds({"ArnLike": {"aws:SourceArn": "arn:aws:cloudtrail:us-*:trail/*"}}, delivery)
	holds({"NumericLessThan": {"aws:MultiFactorAuthAge": "3600"}}, ordinary_delete)
	not holds({"NumericGreaterThan": {"aws:MultiFactorAuthAge": "3600"}}, ordinary_delete)
	holds({"DateGreaterThan": {"aws:CurrentTime": "2026-01-01T00:00:00Z"}}, delivery)
	holds({"DateLessThan": {"aws:EpochTime": "2027-01-01T00:00:00Z"}}, delivery)
	holds({"DateEquals": {"aws:CurrentTime": "1795399200"}}, delivery)
	holds({"IpAddress": {"aws:SourceIp": "198.51.100.0/24"}}, ordinary_delete)
	holds({"NotIpAddress": {"aws:SourceIp": ["10.0.0.0/8", "203.0.113.7"]}}, ordinary_delete)
	holds({"Bool": {"aws:SecureTransport": "True"}}, delivery)
	holds({"BinaryEquals": {"aws:SourceAccount": "111111111111"}}, delivery)
}

test_fail_set_operators if {
	holds({"ForAnyValue:StringLike": {"aws:PrincipalOrgPaths": "o-a1b2c3d4e5/*"}}, ordinary_delete)
	not holds({"ForAnyValue:StringLike": {"aws:PrincipalOrgPaths": "o-other/*"}}, ordinary_delete)
	holds({"ForAllValues:StringEquals": {"aws:PrincipalOrgPaths": ["o-a1b2c3d4e5/r-ab12/", "x"]}}, ordinary_delete)
	not holds({"ForAllValues:StringNotEquals": {"aws:PrincipalOrgPaths": "o-a1b2c3d4e5/r-ab12/"}}, ordinary_delete)
	holds({"ForAllValues:StringEquals": {"aws:TagKeys": "x"}}, ordinary_delete)
	not holds({"ForAnyValue:StringEquals": {"aws:TagKeys": "x"}}, ordinary_delete)
}

# --- requests -----------------------------------------------------------------------------------

test_pass_service_principal_carries_no_principal_keys if {
	not "aws:principalorgid" in object.keys(delivery.context)
	not "aws:principalarn" in object.keys(delivery.context)
	delivery.context["aws:sourcearn"] == trail
	delivery.context["aws:sourceaccount"] == "111111111111"
	delivery.context["aws:epochtime"] == "1795399200"
	not "aws:principalorgid" in object.keys(requests.anonymous("s3:GetObject", log_object, "true", now).context)
}

test_fail_grant_for_another_trail_does_not_deliver if {
	grant := allow({"Condition": {"StringEquals": {"aws:SourceArn": "arn:aws:cloudtrail:us-east-1:111111111111:trail/other"}}})
	decision([grant], delivery) == "implicit_deny"
}
