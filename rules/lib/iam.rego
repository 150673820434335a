# METADATA
# description: >-
#   AWS's policy evaluation for the requests the rules ask about, in one decision function: decide(request,
#   layers) is allow, explicit_deny or implicit_deny, with the statements that decided. A layer is a set of
#   policies of which one must allow (the bucket policy for a service principal; each level of the
#   organization tree for SCPs); an explicit Deny in any statement of any layer beats every Allow. The
#   statement matching follows the IAM JSON policy reference: Action/NotAction, Resource/NotResource with
#   wildcards and policy variables, every Principal form and NotPrincipal, and every condition operator
#   family with IfExists, ForAnyValue/ForAllValues and Null. docs/policy-evaluation.md lists the sources and
#   the differential tests against an independent simulator.
package trailwarden.lib.iam

# A policy's statements as an array, whether Statement is one object or a list.
statements(policy) := policy.Statement if is_array(policy.Statement)

statements(policy) := [policy.Statement] if is_object(policy.Statement)

statements(policy) := [] if not is_object(policy)

as_array(x) := x if is_array(x)

as_array(x) := [x] if not is_array(x)

# AWS wildcards are * and ? only, with no delimiters: the other glob metacharacters are escaped so that
# a literal [ or { is matched as written.
wildcard_match(pattern, value) if {
	pattern == "*"
	is_string(value)
} else := glob.match(literal_wildcards(escape_glob(pattern)), null, value) if {
	has_wildcard(pattern)
} else := literal(pattern) == value

# Most patterns are plain text or "*": those are compared without building a glob.
has_wildcard(pattern) if contains(pattern, "*")

has_wildcard(pattern) if contains(pattern, "?")

# ${*} and ${?} stand for the characters themselves: substitute leaves them as placeholders, which a
# pattern matches literally and a plain comparison reads as the character.
star := "\u0001"

question_mark := "\u0002"

literal_wildcards(pattern) := replace(replace(pattern, star, "\\*"), question_mark, "\\?")

literal(s) := replace(replace(s, star, "*"), question_mark, "?")

escape_glob(pattern) := replace(replace(replace(replace(replace(pattern, "\\", "\\\\"), "[", "\\["), "]", "\\]"), "{", "\\{"), "}", "\\}")

# ---------------------------------------------------------------------------------------------
# The decision.
#
# request: {"principal": <principal>, "action": "s3:PutObject", "resource": <ARN>, "context": {<lower-cased
# condition key>: <string or list of strings>}}. A key the context lacks is absent from the request.
# layers: [{"name": "bucket policy", "policies": [{"name": "...", "document": {...}}]}].

decide(request, layers) := {"decision": "explicit_deny", "statements": denies, "levels": []} if {
	denies := hits(request, layers, "Deny")
	count(denies) > 0
} else := verdict(layers, hits(request, layers, "Allow"))

verdict(layers, allows) := {"decision": "allow", "statements": allows, "levels": []} if {
	count(unallowed(layers, allows)) == 0
} else := {"decision": "implicit_deny", "statements": [], "levels": unallowed(layers, allows)}

# Layers no statement allows: the request is implicitly denied at each of them.
unallowed(layers, allows) := [layer.name |
	some i, layer in layers
	not allowed_in(allows, i)
]

allowed_in(allows, i) if {
	some a in allows
	a.layer == i
}

# Statements of `effect` in any layer that match the request.
hits(request, layers, effect) := [{"layer": i, "policy": policy.name, "statement": label_at(statement, j), "body": statement} |
	some i, layer in layers
	some policy in layer.policies
	some j, statement in statements(policy.document)
	statement.Effect == effect
	matches(statement, request)
]

# The cheapest and most selective test first.
matches(statement, request) if {
	covers_action(statement, request.action)
	covers_resource(statement, request.resource, request.context)
	applies_to(statement, request.principal)
	condition_holds(statement, request.context)
}

# A bucket (or other resource) policy as the single layer of a service principal's request.
resource_policy_layers(name, document) := [{"name": name, "policies": [{"name": name, "document": document}]}]

# The deciding statements in words: "statement DenyAll of the bucket policy, statement [2] of ...".
describe(result) := concat(", ", sort({sprintf("%s of %s", [s.statement, s.policy]) | some s in result.statements}))

# The decision and what decided it, for a finding's message.
why(result) := sprintf("explicitly denied by %s", [describe(result)]) if result.decision == "explicit_deny"

why(result) := sprintf("allowed by %s", [describe(result)]) if result.decision == "allow"

why(result) := sprintf("implicitly denied: nothing in %s allows it", [concat(", ", result.levels)]) if {
	result.decision == "implicit_deny"
}

# A statement's label in findings: its Sid, else its index in the policy.
label_at(statement, index) := sprintf("statement %s", [statement.Sid]) if {
	is_string(object.get(statement, "Sid", null))
	statement.Sid != ""
} else := sprintf("statement [%d]", [index])

# ---------------------------------------------------------------------------------------------
# Action and Resource.

action_matches(pattern, action) := wildcard_match(lower(pattern), lower(action))

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

# Resource patterns are case-sensitive and may hold policy variables; a statement with neither Resource
# nor NotResource (an SCP may omit it) covers everything.
covers_resource(statement, arn, context) if {
	some pattern in as_array(statement.Resource)
	resource_matches(pattern, arn, context)
}

# A NotResource pattern whose variable cannot be resolved makes the statement match nothing ("any attempt
# to match it fails").
covers_resource(statement, arn, context) if {
	patterns := as_array(statement.NotResource)
	every pattern in patterns {
		not contains(substitute_resource_part(pattern, context), unresolved)
	}
	not any_resource_matches(patterns, arn, context)
}

covers_resource(statement, _, _) if {
	not "Resource" in object.keys(statement)
	not "NotResource" in object.keys(statement)
}

any_resource_matches(patterns, arn, context) if {
	some pattern in patterns
	resource_matches(pattern, arn, context)
}

# Variables count only in the resource part of a Resource ARN, after the fifth colon (IAM User Guide,
# "Where you can use policy variables"); before it they are literal text.
resource_matches(pattern, arn, context) if wildcard_match(substitute_resource_part(pattern, context), arn)

substitute_resource_part(pattern, context) := pattern if {
	not contains(pattern, "${")
} else := concat(":", array.concat(array.slice(parts, 0, 5), [substitute(concat(":", array.slice(parts, 5, count(parts))), context)])) if {
	parts := split(pattern, ":")
	count(parts) >= 6
} else := pattern

# ---------------------------------------------------------------------------------------------
# Policy variables: ${key} is the request's single value of the key, ${key, 'default'} falls back to the
# default, ${*} ${?} ${$} are the literal characters. A variable whose key the request lacks (and that has
# no default) leaves the string unresolved, and an unresolved string matches nothing.

variable_pattern := `\$\{([^}]*)\}`

substitute(s, context) := s if {
	not contains(s, "${")
} else := resolved if {
	found := regex.find_all_string_submatch_n(variable_pattern, s, -1)
	replacements := {m[0]: variable_value(m[1], context) | some m in found}
	count(replacements) == count({m[0] | some m in found})
	resolved := strings.replace_n(replacements, s)
}

# A value that can never equal a request value or ARN (a NUL character), for unresolvable variables.
unresolved := "\u0000unresolved"

variable_value(name, context) := value if {
	not contains(name, ",")
	value := single_variable(trim_space(name), context)
} else := value if {
	parts := split(name, ",")
	count(parts) == 2
	value := single_variable(trim_space(parts[0]), context)
} else := default_value if {
	parts := split(name, ",")
	count(parts) == 2
	default_value := trim(trim_space(parts[1]), "'")
} else := unresolved

single_variable("*", _) := star

single_variable("?", _) := question_mark

single_variable("$", _) := "$"

single_variable(key, context) := value if {
	not key in {"*", "?", "$"}
	value := context[lower(key)]
	is_string(value)
}

# ---------------------------------------------------------------------------------------------
# Principals.
#
# A principal is one of
#   {"kind": "service", "name": "cloudtrail.amazonaws.com"}
#   {"kind": "anonymous"}
#   {"kind": "aws", "account": "111122223333", "arn": <the caller's ARN>, "chain": [<identity>...]}
# where the chain lists the caller's identities from the account down, each the set of strings a
# policy may name it by: the account (its id and root ARN), then for a role session the role ARN and
# the session ARN (for an IAM user, the user ARN).

aws_session(account, role_name, session_name) := {
	"kind": "aws",
	"account": account,
	"arn": sprintf("arn:aws:sts::%s:assumed-role/%s/%s", [account, role_name, session_name]),
	"chain": [
		{account, sprintf("arn:aws:iam::%s:root", [account])},
		{sprintf("arn:aws:iam::%s:role/%s", [account, role_name])},
		{sprintf("arn:aws:sts::%s:assumed-role/%s/%s", [account, role_name, session_name])},
	],
}

service_principal(name) := {"kind": "service", "name": name}

anonymous := {"kind": "anonymous"}

# Principal "*" and {"AWS": "*"} both mean every principal, anonymous callers and services included.
names_everyone("*")

names_everyone(element) if {
	is_object(element)
	"*" in as_array(object.get(element, "AWS", []))
}

# The element names one identity of the principal (Principal matches when any identity is named).
names_identity(element, _, _) if names_everyone(element)

names_identity(element, principal, identity) if {
	principal.kind == "aws"
	is_object(element)
	some value in as_array(object.get(element, "AWS", []))
	value in identity
}

names_identity(element, principal, _) if {
	principal.kind == "service"
	is_object(element)
	principal.name in as_array(object.get(element, "Service", []))
}

identities(principal) := principal.chain if principal.kind == "aws"

identities(principal) := [{principal.name}] if principal.kind == "service"

identities(principal) := [] if principal.kind == "anonymous"

names(element, _) if names_everyone(element)

names(element, principal) if {
	some identity in identities(principal)
	names_identity(element, principal, identity)
}

# NotPrincipal exempts a caller only when it names every identity of the caller's chain: an account ARN
# alone exempts the account's root user, not its roles; a role ARN without the session and the account
# exempts no session of the role (IAM User Guide, "AWS JSON policy elements: NotPrincipal").
exempts(element, _) if names_everyone(element)

exempts(element, principal) if {
	chain := identities(principal)
	count(chain) > 0
	every identity in chain {
		names_identity(element, principal, identity)
	}
}

# The statement applies to the principal: Principal names it, NotPrincipal does not exempt it, or the
# statement has neither (identity policies and SCPs apply to their own principals).
applies_to(statement, principal) if {
	"Principal" in object.keys(statement)
	names(statement.Principal, principal)
}

applies_to(statement, principal) if {
	"NotPrincipal" in object.keys(statement)
	not exempts(statement.NotPrincipal, principal)
}

applies_to(statement, _) if {
	not "Principal" in object.keys(statement)
	not "NotPrincipal" in object.keys(statement)
}

# ---------------------------------------------------------------------------------------------
# Conditions (IAM User Guide, "Condition operators" and "Multivalued context keys"): operators AND
# together, keys within an operator AND together, values of one key OR together (for negated operators:
# no value may match). Keys are case-insensitive; values compare as their operator says.

condition_holds(statement, context) if {
	every operator, entries in object.get(statement, "Condition", {}) {
		every key, values in entries {
			operator_holds(operator, lower(key), as_array(values), context)
		}
	}
}

# operator = [set qualifier:] base [IfExists]
parsed_operator(operator) := {"qualifier": parts[0], "base": trim_suffix(parts[1], "IfExists"), "if_exists": endswith(parts[1], "IfExists")} if {
	parts := split(operator, ":")
	count(parts) == 2
}

parsed_operator(operator) := {"qualifier": "", "base": trim_suffix(operator, "IfExists"), "if_exists": endswith(operator, "IfExists")} if {
	not contains(operator, ":")
}

# Negated operators and the positive operator they negate.
negated := {
	"StringNotEquals": "StringEquals",
	"StringNotEqualsIgnoreCase": "StringEqualsIgnoreCase",
	"StringNotLike": "StringLike",
	"NumericNotEquals": "NumericEquals",
	"DateNotEquals": "DateEquals",
	"ArnNotEquals": "ArnEquals",
	"ArnNotLike": "ArnLike",
	"NotIpAddress": "IpAddress",
}

present(key, context) if key in object.keys(context)

request_values(key, context) := [sprintf("%v", [v]) | some v in as_array(context[key])]

# Null: "true" holds for an absent key, "false" for a present one.
operator_holds("Null", key, values, context) if {
	some value in values
	presence_matches(key, context, lower(sprintf("%v", [value])))
}

presence_matches(key, context, "true") if not present(key, context)

presence_matches(key, context, "false") if present(key, context)

# An absent key fails a positive operator unless ...IfExists; it satisfies a negated operator.
operator_holds(operator, key, _, context) if {
	operator != "Null"
	op := parsed_operator(operator)
	op.qualifier == ""
	not present(key, context)
	absent_holds(op)
}

absent_holds(op) if op.if_exists

absent_holds(op) if negated[op.base]

# A single-valued comparison: a positive operator holds when some policy value matches the request
# value; a negated one when none does.
operator_holds(operator, key, values, context) if {
	operator != "Null"
	op := parsed_operator(operator)
	op.qualifier == ""
	present(key, context)
	some request_value in request_values(key, context)
	value_holds(op.base, request_value, values, context)
}

# ForAnyValue: some request value satisfies the comparison; an absent key does not.
operator_holds(operator, key, values, context) if {
	op := parsed_operator(operator)
	op.qualifier == "ForAnyValue"
	present(key, context)
	some request_value in request_values(key, context)
	value_holds(op.base, request_value, values, context)
}

# ForAllValues: every request value satisfies it; an absent key (or no values) does too.
operator_holds(operator, key, _, context) if {
	op := parsed_operator(operator)
	op.qualifier == "ForAllValues"
	not present(key, context)
}

operator_holds(operator, key, values, context) if {
	op := parsed_operator(operator)
	op.qualifier == "ForAllValues"
	present(key, context)
	every request_value in request_values(key, context) {
		value_holds(op.base, request_value, values, context)
	}
}

# A value whose policy variable cannot be resolved matches nothing, and makes a negated comparison fail
# too: "any attempt to match it fails" (IAM User Guide, "Policy variables").
value_holds(base, request_value, values, context) if {
	positive := negated[base]
	every value in values {
		comparable(positive, request_value, policy_value(positive, value, context))
	}
	not any_value_matches(positive, request_value, values, context)
}

# A negated comparison needs values it can compare: resolved variables, and for ARN operators two
# six-part ARNs (a malformed one fails the comparison either way).
comparable(base, _, value) if {
	not base in {"ArnEquals", "ArnLike"}
	not contains(value, unresolved)
}

comparable(base, request_value, value) if {
	base in {"ArnEquals", "ArnLike"}
	not contains(value, unresolved)
	arn_parts(value)
	arn_parts(request_value)
}

value_holds(base, request_value, values, context) if {
	not negated[base]
	any_value_matches(base, request_value, values, context)
}

any_value_matches(base, request_value, values, context) if {
	some value in values
	value_matches(base, request_value, policy_value(base, value, context))
}

# String and ARN values may hold policy variables; the others are compared as written.
policy_value(base, value, context) := substitute(sprintf("%v", [value]), context) if {
	variable_operators[base]
} else := sprintf("%v", [value])

variable_operators := {"StringEquals", "StringEqualsIgnoreCase", "StringLike", "ArnEquals", "ArnLike"}

value_matches("StringEquals", request_value, value) if request_value == literal(value)

value_matches("StringEqualsIgnoreCase", request_value, value) if lower(request_value) == lower(literal(value))

value_matches("StringLike", request_value, value) if wildcard_match(value, request_value)

# Bool compares "true"/"false" without regard to case.
value_matches("Bool", request_value, value) if lower(request_value) == lower(value)

value_matches("BinaryEquals", request_value, value) if request_value == value

value_matches("NumericEquals", request_value, value) if to_number(request_value) == to_number(value)

value_matches("NumericLessThan", request_value, value) if to_number(request_value) < to_number(value)

value_matches("NumericLessThanEquals", request_value, value) if to_number(request_value) <= to_number(value)

value_matches("NumericGreaterThan", request_value, value) if to_number(request_value) > to_number(value)

value_matches("NumericGreaterThanEquals", request_value, value) if to_number(request_value) >= to_number(value)

value_matches("DateEquals", request_value, value) if instant(request_value) == instant(value)

value_matches("DateLessThan", request_value, value) if instant(request_value) < instant(value)

value_matches("DateLessThanEquals", request_value, value) if instant(request_value) <= instant(value)

value_matches("DateGreaterThan", request_value, value) if instant(request_value) > instant(value)

value_matches("DateGreaterThanEquals", request_value, value) if instant(request_value) >= instant(value)

value_matches("IpAddress", request_value, value) if net.cidr_contains(cidr(value), request_value)

# ArnEquals and ArnLike are the same test: each of the six colon-separated parts matches on its own,
# with wildcards that do not cross a colon; the resource part keeps any further colons.
value_matches("ArnEquals", request_value, value) if arn_matches(value, request_value)

value_matches("ArnLike", request_value, value) if arn_matches(value, request_value)

arn_matches(pattern, arn) if {
	p := arn_parts(pattern)
	a := arn_parts(arn)
	every i in numbers.range(0, 5) {
		wildcard_match(p[i], a[i])
		not_crossing_colon(p[i], a[i], i)
	}
}

# Within the first five parts a wildcard cannot match a colon (they hold none); the resource part can.
not_crossing_colon(_, _, 5)

not_crossing_colon(_, value, i) if {
	i < 5
	not contains(value, ":")
}

arn_parts(s) := array.concat(array.slice(parts, 0, 5), [concat(":", array.slice(parts, 5, count(parts)))]) if {
	parts := split(s, ":")
	count(parts) >= 6
}

# A date is ISO 8601 (RFC 3339, or a bare date) or seconds since the epoch; compared in nanoseconds.
instant(s) := to_number(s) * 1000000000 if regex.match(`^-?[0-9]+$`, s)

instant(s) := time.parse_rfc3339_ns(s) if {
	not regex.match(`^-?[0-9]+$`, s)
	regex.match(`T`, s)
}

instant(s) := time.parse_ns("2006-01-02", s) if regex.match(`^[0-9]{4}-[0-9]{2}-[0-9]{2}$`, s)

# An address without a prefix length is a single host.
cidr(value) := value if contains(value, "/")

cidr(value) := sprintf("%s/32", [value]) if {
	not contains(value, "/")
	not contains(value, ":")
}

cidr(value) := sprintf("%s/128", [value]) if {
	not contains(value, "/")
	contains(value, ":")
}
