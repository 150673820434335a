# METADATA
# description: >-
#   IAM policy statement matching used by the bucket-policy and SCP rules: Action/NotAction,
#   Resource/NotResource with AWS wildcards, Principal forms and the condition operators rules need.
package trailwarden.lib.iam

# A policy's statements as an array, whether Statement is one object or a list.
statements(policy) := policy.Statement if is_array(policy.Statement)

statements(policy) := [policy.Statement] if is_object(policy.Statement)

as_array(x) := x if is_array(x)

as_array(x) := [x] if not is_array(x)

# AWS wildcards (* and ?) with no delimiters; actions compare case-insensitively.
wildcard_match(pattern, value) := glob.match(pattern, null, value)

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
covers_resource(statement, arn) if {
	some pattern in as_array(statement.Resource)
	wildcard_match(pattern, arn)
}

covers_resource(statement, arn) if {
	patterns := as_array(statement.NotResource)
	not any_resource_matches(patterns, arn)
}

any_resource_matches(patterns, arn) if {
	some pattern in patterns
	wildcard_match(pattern, arn)
}

# The statement's Principal includes the AWS service principal (or everyone).
principal_includes_service(statement, service) if {
	some principal in as_array(statement.Principal.Service)
	principal == service
}

principal_includes_service(statement, _) if statement.Principal == "*"

principal_includes_service(statement, _) if {
	some principal in as_array(statement.Principal.AWS)
	principal == "*"
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

# Allow statements granting `service` the action on the resource ARN.
service_allows(policy, service, action, arn) := [statement |
	some statement in statements(policy)
	statement.Effect == "Allow"
	principal_includes_service(statement, service)
	covers_action(statement, action)
	covers_resource(statement, arn)
]
