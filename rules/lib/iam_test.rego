package trailwarden.lib.iam_test

import data.trailwarden.lib.iam

bucket := "arn:aws:s3:::logs"

allow(fields) := object.union({"Effect": "Allow", "Principal": {"Service": "cloudtrail.amazonaws.com"}, "Action": "s3:PutObject", "Resource": "arn:aws:s3:::logs/*"}, fields)

# The allow statement with one field replaced, not merged.
replaced(field, value) := object.union(object.remove(allow({}), [field]), {field: value})

test_statements_single_object_or_list if {
	count(iam.statements({"Statement": allow({})})) == 1
	count(iam.statements({"Statement": [allow({}), allow({})]})) == 2
}

test_action_wildcards_ignore_case if {
	iam.covers_action(allow({"Action": "S3:put*"}), "s3:PutObject")
	iam.covers_action(allow({"Action": ["s3:Get*", "s3:P?tObject"]}), "s3:PutObject")
	not iam.covers_action(allow({"Action": "s3:Get*"}), "s3:PutObject")
}

test_not_action if {
	iam.covers_action(object.union(object.remove(allow({}), ["Action"]), {"NotAction": ["s3:Delete*"]}), "s3:PutObject")
	not iam.covers_action(object.union(object.remove(allow({}), ["Action"]), {"NotAction": "s3:*"}), "s3:PutObject")
}

test_resource_and_not_resource if {
	iam.covers_resource(allow({}), "arn:aws:s3:::logs/AWSLogs/1/x")
	not iam.covers_resource(allow({}), bucket)
	iam.covers_resource(object.union(object.remove(allow({}), ["Resource"]), {"NotResource": "arn:aws:s3:::other/*"}), bucket)
	not iam.covers_resource(object.union(object.remove(allow({}), ["Resource"]), {"NotResource": ["arn:aws:s3:::logs*"]}), bucket)
}

test_principal_forms if {
	iam.principal_includes_service(allow({}), "cloudtrail.amazonaws.com")
	iam.principal_includes_service(allow({"Principal": "*"}), "cloudtrail.amazonaws.com")
	iam.principal_includes_service(replaced("Principal", {"AWS": ["*"]}), "cloudtrail.amazonaws.com")
	not iam.principal_includes_service(replaced("Principal", {"AWS": "arn:aws:iam::111111111111:root"}), "cloudtrail.amazonaws.com")
}

test_requires_string_equals if {
	iam.requires_string_equals(allow({"Condition": {"StringEquals": {"s3:x-amz-acl": "bucket-owner-full-control"}}}), "s3:x-amz-acl", "bucket-owner-full-control")
	not iam.requires_string_equals(allow({"Condition": {"StringLike": {"s3:x-amz-acl": "bucket-owner-full-control"}}}), "s3:x-amz-acl", "bucket-owner-full-control")
	not iam.requires_string_equals(allow({}), "s3:x-amz-acl", "bucket-owner-full-control")
}

test_service_allows_only_allow_statements if {
	policy := {"Statement": [allow({"Effect": "Deny"}), allow({"Sid": "yes"})]}
	[s.Sid | some s in iam.service_allows(policy, "cloudtrail.amazonaws.com", "s3:PutObject", "arn:aws:s3:::logs/a")] == ["yes"]
}

test_wildcards_match_only_star_and_question_mark if {
	iam.wildcard_match("arn:aws:s3:::logs/${aws:username}/*", "arn:aws:s3:::logs/${aws:username}/x")
	not iam.wildcard_match("arn:aws:s3:::logs/${aws:username}/*", "arn:aws:s3:::logs/$aws:username/x")
	iam.wildcard_match("arn:aws:s3:::logs[1]", "arn:aws:s3:::logs[1]")
	not iam.wildcard_match("arn:aws:s3:::logs[1]", "arn:aws:s3:::logs1")
	iam.wildcard_match("arn:aws:iam::*:role/*", "arn:aws:iam::1:role/path/name")
}

test_action_list_with_service_wildcard if {
	iam.covers_action(allow({"Action": ["cloudtrail:*"]}), "cloudtrail:StopLogging")
	iam.covers_action(allow({"Action": "*"}), "cloudtrail:StopLogging")
	iam.covers_action(allow({"Action": "cloudtrail:Stop*"}), "CloudTrail:StopLogging")
	not iam.covers_action(allow({"Action": "cloudtrail:Update*"}), "cloudtrail:StopLogging")
}

test_no_resource_element_covers_everything if {
	iam.covers_resource(object.remove(allow({}), ["Resource"]), bucket)
}

test_principal_everyone_forms if {
	iam.principal_is_everyone(replaced("Principal", "*"))
	iam.principal_is_everyone(replaced("Principal", {"AWS": "*"}))
	iam.principal_is_everyone(replaced("Principal", {"AWS": ["arn:aws:iam::111111111111:root", "*"]}))
	not iam.principal_is_everyone(replaced("Principal", {"AWS": ["arn:aws:iam::111111111111:root"]}))
	not iam.principal_is_everyone(replaced("Principal", {"Service": "cloudtrail.amazonaws.com"}))
}

alice := {"type": "AWS", "id": "arn:aws:iam::111111111111:role/alice", "account": "111111111111"}

test_applies_to_every_principal_form if {
	iam.applies_to(replaced("Principal", "*"), alice)
	iam.applies_to(replaced("Principal", {"AWS": "*"}), alice)
	iam.applies_to(replaced("Principal", {"AWS": ["arn:aws:iam::222222222222:root", alice.id]}), alice)
	iam.applies_to(replaced("Principal", {"AWS": "arn:aws:iam::111111111111:root"}), alice)
	iam.applies_to(replaced("Principal", {"AWS": "111111111111"}), alice)
	not iam.applies_to(replaced("Principal", {"AWS": "arn:aws:iam::222222222222:root"}), alice)
	iam.applies_to(replaced("Principal", {"Service": ["config.amazonaws.com", "cloudtrail.amazonaws.com"]}), iam.service("cloudtrail.amazonaws.com"))
	not iam.applies_to(replaced("Principal", {"Service": "config.amazonaws.com"}), iam.service("cloudtrail.amazonaws.com"))
	iam.applies_to(replaced("Principal", {"Federated": "cognito-identity.amazonaws.com"}), {"type": "Federated", "id": "cognito-identity.amazonaws.com"})
	not iam.applies_to(replaced("Principal", {"Federated": "cognito-identity.amazonaws.com"}), alice)
	iam.applies_to(replaced("Principal", {"CanonicalUser": "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"}), {"type": "CanonicalUser", "id": "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"})
	not iam.applies_to(replaced("Principal", {"CanonicalUser": "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"}), alice)
}

test_not_principal_and_no_principal if {
	no_principal := object.remove(allow({}), ["Principal"])
	iam.applies_to(no_principal, alice)
	not_principal := object.union(no_principal, {"NotPrincipal": {"AWS": "arn:aws:iam::111111111111:role/break-glass"}})
	iam.applies_to(not_principal, alice)
	not iam.applies_to(not_principal, {"type": "AWS", "id": "arn:aws:iam::111111111111:role/break-glass", "account": "111111111111"})
	not iam.applies_to(object.union(no_principal, {"NotPrincipal": "*"}), alice)
	not iam.principal_includes_service(not_principal, "cloudtrail.amazonaws.com")
}

ctx := {"aws:principalarn": alice.id, "aws:securetransport": "true", "aws:principaltag/team": ["red", "blue"]}

holds(condition) if iam.condition_holds({"Effect": "Deny", "Condition": condition}, ctx)

test_condition_absent_or_empty_holds if {
	iam.condition_holds(allow({}), ctx)
	holds({})
}

test_condition_string_and_arn_operators if {
	holds({"StringEquals": {"aws:PrincipalArn": alice.id}})
	not holds({"StringEquals": {"aws:PrincipalArn": upper(alice.id)}})
	holds({"StringEqualsIgnoreCase": {"aws:PrincipalArn": upper(alice.id)}})
	holds({"StringLike": {"AWS:PrincipalARN": "arn:aws:iam::*:role/al*"}})
	holds({"ArnLike": {"aws:PrincipalArn": ["arn:aws:iam::*:role/bob", "arn:aws:iam::*:role/alice"]}})
	holds({"ArnEquals": {"aws:PrincipalArn": alice.id}})
	not holds({"ArnNotLike": {"aws:PrincipalArn": "arn:aws:iam::*:role/alice"}})
	holds({"ArnNotLike": {"aws:PrincipalArn": "arn:aws:iam::*:role/BreakGlass"}})
	holds({"ArnNotEquals": {"aws:PrincipalArn": "arn:aws:iam::111111111111:role/BreakGlass"}})
	not holds({"StringNotEquals": {"aws:PrincipalArn": [alice.id, "x"]}})
	holds({"StringNotEqualsIgnoreCase": {"aws:PrincipalArn": "x"}})
	not holds({"StringNotLike": {"aws:PrincipalArn": "*"}})
}

test_condition_bool_accepts_strings_and_booleans if {
	holds({"Bool": {"aws:SecureTransport": "true"}})
	holds({"Bool": {"aws:SecureTransport": true}})
	not holds({"Bool": {"aws:SecureTransport": false}})
}

test_condition_absent_keys if {
	not holds({"StringEquals": {"aws:SourceAccount": "111111111111"}})
	holds({"StringNotEquals": {"aws:SourceAccount": "111111111111"}})
	holds({"StringEqualsIfExists": {"aws:SourceAccount": "111111111111"}})
	not holds({"StringEqualsIfExists": {"aws:PrincipalArn": "x"}})
	not holds({"Bool": {"aws:MultiFactorAuthPresent": "false"}})
	holds({"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}})
	holds({"Null": {"aws:SourceAccount": "true", "aws:PrincipalArn": false}})
	not holds({"Null": {"aws:SourceAccount": "false"}})
}

test_condition_set_operators if {
	holds({"ForAnyValue:StringEquals": {"aws:PrincipalTag/team": "blue"}})
	not holds({"ForAnyValue:StringEquals": {"aws:PrincipalTag/team": "green"}})
	not holds({"ForAllValues:StringEquals": {"aws:PrincipalTag/team": "blue"}})
	holds({"ForAllValues:StringEquals": {"aws:PrincipalTag/team": ["blue", "red"]}})
	holds({"ForAllValues:StringEquals": {"aws:RequestTag/env": "prod"}})
	not holds({"ForAnyValue:StringEquals": {"aws:RequestTag/env": "prod"}})
}

test_condition_operators_and_keys_all_must_hold if {
	holds({"StringEquals": {"aws:PrincipalArn": alice.id}, "Bool": {"aws:SecureTransport": "true"}})
	not holds({"StringEquals": {"aws:PrincipalArn": alice.id}, "Bool": {"aws:SecureTransport": "false"}})
	not holds({"StringEquals": {"aws:PrincipalArn": alice.id, "aws:SourceAccount": "1"}})
}

test_condition_unmodelled_operators_never_hold if {
	not holds({"IpAddress": {"aws:SourceIp": "10.0.0.0/8"}})
	not holds({"NumericLessThan": {"s3:TlsVersion": "1.2"}})
	not holds({"DateGreaterThan": {"aws:CurrentTime": "2020-01-01T00:00:00Z"}})
}

test_ordinary_context if {
	c := iam.ordinary_context("333333333333", "eu-west-1", "o-a1b2c3d4e5")
	c["aws:principalaccount"] == "333333333333"
	c["aws:requestedregion"] == "eu-west-1"
	c["aws:principalorgid"] == "o-a1b2c3d4e5"
	not "aws:principalorgid" in object.keys(iam.ordinary_context("333333333333", "eu-west-1", null))
}

deny_delete(fields) := object.union({"Effect": "Deny", "Principal": "*", "Action": "s3:DeleteObject", "Resource": "arn:aws:s3:::logs/*"}, fields)

test_matching_across_several_statements if {
	policy := {"Statement": [
		deny_delete({"Sid": "https-only", "Condition": {"Bool": {"aws:SecureTransport": "false"}}}),
		deny_delete({"Sid": "break-glass", "Condition": {"ArnNotLike": {"aws:PrincipalArn": "arn:aws:iam::*:role/BreakGlass"}}}),
		deny_delete({"Sid": "everyone-exempt", "Condition": {"ArnNotLike": {"aws:PrincipalArn": "arn:aws:iam::*:role/*"}}}),
		deny_delete({"Sid": "mfa", "Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}}}),
		allow({"Sid": "allow"}),
	]}
	principal := iam.ordinary_principal("222222222222")
	context := iam.ordinary_context("222222222222", "us-east-1", null)
	[s.Sid | some s in iam.matching(policy, "Deny", principal, "s3:DeleteObject", "arn:aws:s3:::logs/AWSLogs/x", context)] == ["break-glass"]
}

test_public_allows if {
	policy := {"Statement": [
		allow({"Sid": "public", "Principal": "*", "Action": "s3:GetObject"}),
		allow({"Sid": "org-only", "Principal": {"AWS": "*"}, "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}}),
		allow({"Sid": "source-arn", "Principal": "*", "Condition": {"ArnLike": {"aws:SourceArn": "arn:aws:cloudtrail:*:111111111111:trail/*"}}}),
		allow({"Sid": "any-source", "Principal": "*", "Condition": {"ArnLike": {"aws:SourceArn": "*"}}}),
		object.union(object.remove(allow({}), ["Principal"]), {"Sid": "not-principal", "NotPrincipal": {"AWS": "arn:aws:iam::111111111111:root"}}),
		allow({"Sid": "service"}),
		deny_delete({"Sid": "deny"}),
	]}
	{s.Sid | some s in iam.public_allows(policy)} == {"public", "any-source", "not-principal"}
}

test_label if {
	iam.label({"Sid": "Write"}) == "statement Write"
	iam.label({}) == "a statement without Sid"
}

test_service_wildcard_principal if {
	iam.applies_to(replaced("Principal", {"Service": "*"}), iam.service("cloudtrail.amazonaws.com"))
}
