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
