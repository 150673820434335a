# METADATA
# description: >-
#   IAM policy statement matching used by the bucket-policy and SCP rules: Action/NotAction,
#   Resource/NotResource with AWS wildcards, every Principal form (and NotPrincipal), and condition
#   evaluation against a request context.
package trailwarden.lib.iam

# A policy's statements as an array, whether Statement is one object or a list.
statements(policy) := policy.Statement if is_array(policy.Statement)

statements(policy) := [policy.Statement] if is_object(policy.Statement)

as_array(x) := x if is_array(x)

as_array(x) := [x] if not is_array(x)

# AWS wildcards are * and ? only, with no delimiters: the other glob metacharacters are escaped so
# that a policy variable such as ${aws:username} or a literal [ is matched as written.
wildcard_match(pattern, value) := glob.match(escape_glob(pattern), null, value)

escape_glob(pattern) := replace(replace(replace(replace(replace(pattern, "\\", "\\\\"), "[", "\\["), "]", "\\]"), "{", "\\{"), "}", "\\}")

action_matches(pattern, action) := wildcard_match(lower(pattern), lower(action))

# The statement covers the action through Action, or through NotAction not naming it.
covers_action(statement, action) if {
	some pattern in as_array(statement.Action)
	action_matches(pattern, action)
}

covers_action(statement, action) if {
	patterns := as_array(statement.NotAction)
	not any_action_matches(patterns, action)
}

any_action_matches(patterns, action) if {
	some pattern in patterns
	action_matches(pattern, action)
}

# The statement covers the resource ARN through Resource, or through NotResource not naming it.
# A statement with neither (an SCP may omit Resource) covers everything.
covers_resource(statement, arn) if {
	some pattern in as_array(statement.Resource)
	wildcard_match(pattern, arn)
}

covers_resource(statement, arn) if {
	patterns := as_array(statement.NotResource)
	not any_resource_matches(patterns, arn)
}

covers_resource(statement, _) if {
	not "Resource" in object.keys(statement)
	not "NotResource" in object.keys(statement)
}

any_resource_matches(patterns, arn) if {
	some pattern in patterns
	wildcard_match(pattern, arn)
}

# ---------------------------------------------------------------------------------------------
# Principals. A principal is {"type": "AWS"|"Service"|"Federated"|"CanonicalUser", "id": ...,
# "account": ...} ("account" for AWS principals only). Principal "*" and {"AWS": "*"} mean everyone,
# anonymous callers included.

# The statement's Principal names everyone.
principal_is_everyone(statement) if statement.Principal == "*"

principal_is_everyone(statement) if {
	some value in as_array(statement.Principal.AWS)
	value == "*"
}

# The statement applies to the principal: it is named by Principal, or not named by NotPrincipal,
# or the policy has neither (identity policies and SCPs apply to their own principals).
applies_to(statement, _) if principal_is_everyone(statement)

applies_to(statement, principal) if {
	is_object(statement.Principal)
	names(statement.Principal, principal)
}

applies_to(statement, principal) if {
	"NotPrincipal" in object.keys(statement)
	not names(statement.NotPrincipal, principal)
}

applies_to(statement, _) if {
	not "Principal" in object.keys(statement)
	not "NotPrincipal" in object.keys(statement)
}

# A Principal (or NotPrincipal) element names the principal.
names("*", _)

names(element, principal) if {
	is_object(element)
	some value in as_array(object.get(element, principal.type, []))
	names_value(principal, value)
}

names_value(_, "*")

names_value(principal, value) if value == principal.id

# An AWS account, by id or root ARN, stands for every principal in it.
names_value(principal, value) if {
	principal.type == "AWS"
	value in {principal.account, sprintf("arn:aws:iam::%s:root", [principal.account])}
}

service(name) := {"type": "Service", "id": name}

# The statement's Principal includes the AWS service principal (or everyone).
principal_includes_service(statement, name) if {
	"Principal" in object.keys(statement)
	applies_to(statement, service(name))
}

# ---------------------------------------------------------------------------------------------
# Conditions. A request context maps lower-cased condition keys to a value or a list of values; a key
# the context lacks is absent from the request. condition_holds follows IAM's evaluation: operators
# AND together, keys within an operator AND together, values of one key OR together (for negated
# operators: none may match); an absent key fails a positive operator and satisfies a negated one;
# ...IfExists is satisfied by an absent key; ForAnyValue:/ForAllValues: compare each request value.
# Numeric, date, IP address and binary operators are not modelled: they never hold here, so a Deny
# guarded by one is not relied on, and an Allow guarded by one is not called public (as AWS treats a
# fixed aws:SourceIp as non-public).

condition_holds(statement, context) if {
	every operator, entries in object.get(statement, "Condition", {}) {
		every key, values in entries {
			operator_holds(operator, lower(key), as_array(values), context)
		}
	}
}

# Condition values for an operator and key; condition keys are case-insensitive, operators are not.
condition_values(statement, operator, key) := [value |
	some k, v in object.get(statement, ["Condition", operator], {})
	lower(k) == lower(key)
	some value in as_array(v)
]

# The statement allows only when the key equals `value` (StringEquals with that single value).
requires_string_equals(statement, key, value) if {
	values := condition_values(statement, "StringEquals", key)
	count(values) > 0
	every v in values {
		v == value
	}
}

# operator = [set qualifier] base [IfExists]
parsed_operator(operator) := {"qualifier": qualifier, "base": trim_suffix(rest, "IfExists"), "if_exists": endswith(rest, "IfExists")} if {
	parts := split(operator, ":")
	count(parts) == 2
	qualifier := parts[0]
	rest := parts[1]
}

parsed_operator(operator) := {"qualifier": "", "base": trim_suffix(operator, "IfExists"), "if_exists": endswith(operator, "IfExists")} if {
	not contains(operator, ":")
}

operator_holds("Null", key, values, context) if {
	every value in values {
		presence_matches(key, context, lower(sprintf("%v", [value])))
	}
}

# Null true: the key is absent; Null false: it is present.
presence_matches(key, context, "true") if not key in object.keys(context)

presence_matches(key, context, "false") if key in object.keys(context)

operator_holds(operator, key, _, context) if {
	operator != "Null"
	op := parsed_operator(operator)
	op.qualifier == ""
	not key in object.keys(context)
	op.if_exists
}

operator_holds(operator, key, _, context) if {
	operator != "Null"
	op := parsed_operator(operator)
	op.qualifier == ""
	not key in object.keys(context)
	not op.if_exists
	negated[op.base]
}

operator_holds(operator, key, values, context) if {
	op := parsed_operator(operator)
	op.qualifier == ""
	some request_value in as_array(context[key])
	value_holds(op.base, request_value, values)
}

operator_holds(operator, key, values, context) if {
	op := parsed_operator(operator)
	op.qualifier == "ForAnyValue"
	some request_value in as_array(context[key])
	value_holds(op.base, request_value, values)
}

operator_holds(operator, key, values, context) if {
	op := parsed_operator(operator)
	op.qualifier == "ForAllValues"
	every request_value in as_array(object.get(context, key, [])) {
		value_holds(op.base, request_value, values)
	}
}

# Negated operators hold when no policy value matches.
negated := {
	"StringNotEquals": "StringEquals",
	"StringNotEqualsIgnoreCase": "StringEqualsIgnoreCase",
	"StringNotLike": "StringLike",
	"ArnNotEquals": "ArnEquals",
	"ArnNotLike": "ArnLike",
}

value_holds(base, request_value, values) if {
	positive := negated[base]
	not any_value_matches(positive, request_value, values)
}

value_holds(base, request_value, values) if {
	not negated[base]
	any_value_matches(base, request_value, values)
}

any_value_matches(base, request_value, values) if {
	some value in values
	value_matches(base, sprintf("%v", [request_value]), sprintf("%v", [value]))
}

value_matches("StringEquals", request_value, value) if request_value == value

value_matches("StringEqualsIgnoreCase", request_value, value) if lower(request_value) == lower(value)

value_matches("StringLike", request_value, value) if wildcard_match(value, request_value)

value_matches("ArnEquals", request_value, value) if wildcard_match(value, request_value)

value_matches("ArnLike", request_value, value) if wildcard_match(value, request_value)

value_matches("Bool", request_value, value) if lower(request_value) == lower(value)

# ---------------------------------------------------------------------------------------------
# Request contexts the rules judge statements against.

# An ordinary principal of `account`: a role no exemption is written for, calling over HTTPS with MFA
# (the caller a condition is least likely to stop) in `region`. A Deny protects only if it applies to
# this caller; a Deny that lets it through exempts, in effect, everyone.
ordinary_principal(account) := {
	"type": "AWS",
	"id": sprintf("arn:aws:iam::%s:role/trailwarden-ordinary-principal", [account]),
	"account": account,
}

ordinary_context(account, region, org_id) := object.union(
	{
		"aws:principalarn": ordinary_principal(account).id,
		"aws:principalaccount": account,
		"aws:principaltype": "AssumedRole",
		"aws:userid": "AROATRAILWARDENORDINARY:session",
		"aws:securetransport": "true",
		"aws:multifactorauthpresent": "true",
		"aws:principalisawsservice": "false",
		"aws:viaawsservice": "false",
		"aws:requestedregion": region,
	},
	org_keys(org_id),
)

org_keys(null) := {}

org_keys(org_id) := {"aws:principalorgid": org_id} if org_id != null

# A caller from outside the organization, or a service acting for such a caller's resource (a
# confused deputy): an Allow whose condition holds for it is open to anyone.
outsider_account := "000000000000"

outsider := {"type": "AWS", "id": sprintf("arn:aws:iam::%s:role/outsider", [outsider_account]), "account": outsider_account}

outsider_context := {
	"aws:principalarn": outsider.id,
	"aws:principalaccount": outsider_account,
	"aws:principaltype": "AssumedRole",
	"aws:securetransport": "true",
	"aws:sourcearn": sprintf("arn:aws:cloudtrail:us-east-1:%s:trail/outsider", [outsider_account]),
	"aws:sourceaccount": outsider_account,
	"aws:sourceorgid": "o-outsider000",
	"s3:x-amz-acl": "bucket-owner-full-control",
}

# Statements of `effect` that apply to the principal, cover the action and resource and whose
# condition holds in the context.
matching(policy, effect, principal, action, resource, context) := [statement |
	some statement in statements(policy)
	statement.Effect == effect
	applies_to(statement, principal)
	covers_action(statement, action)
	covers_resource(statement, resource)
	condition_holds(statement, context)
]

# Allow statements granting `service` the action on the resource ARN (whatever their condition).
service_allows(policy, service_name, action, arn) := [statement |
	some statement in statements(policy)
	statement.Effect == "Allow"
	principal_includes_service(statement, service_name)
	covers_action(statement, action)
	covers_resource(statement, arn)
]

# Allow statements open to the public: everyone (or everyone but a few, through NotPrincipal) as
# principal, with no condition that stops an outsider.
public_allows(policy) := [statement |
	some statement in statements(policy)
	statement.Effect == "Allow"
	open_principal(statement)
	condition_holds(statement, outsider_context)
]

open_principal(statement) if principal_is_everyone(statement)

open_principal(statement) if "NotPrincipal" in object.keys(statement)

# The statement's label in messages.
label(statement) := sprintf("statement %s", [statement.Sid]) if is_string(object.get(statement, "Sid", null))

label(statement) := "a statement without Sid" if not is_string(object.get(statement, "Sid", null))
