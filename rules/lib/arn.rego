# METADATA
# description: >-
#   ARN parsing (arn:partition:service:region:account:resource) and the ARNs rules build for
#   resources that have none of their own in the snapshot.
package trailwarden.lib.arn

# The ARN's parts; undefined for a string that is not an ARN. The resource keeps any further colons
# (log-group:name:*).
parse(arn) := {
	"partition": parts[1],
	"service": parts[2],
	"region": parts[3],
	"account": parts[4],
	"resource": concat(":", array.slice(parts, 5, count(parts))),
} if {
	is_string(arn)
	parts := split(arn, ":")
	count(parts) >= 6
	parts[0] == "arn"
}

is_arn(x) if parse(x)

account(arn) := parse(arn).account

region(arn) := parse(arn).region

service(arn) := parse(arn).service

resource(arn) := parse(arn).resource

# The ARN's account, or "" when it has none (S3 buckets) or is no ARN.
account_or_empty(arn) := object.get(parse(arn), "account", "") if is_arn(arn)

account_or_empty(arn) := "" if not is_arn(arn)

region_or_empty(arn) := object.get(parse(arn), "region", "") if is_arn(arn)

region_or_empty(arn) := "" if not is_arn(arn)

bucket(name) := sprintf("arn:aws:s3:::%s", [name])

# The log group's name from its ARN (arn:aws:logs:region:account:log-group:NAME[:*]).
log_group_name(arn) := split(resource(arn), ":")[1] if startswith(resource(arn), "log-group:")

# A member account of an organization, as Organizations names it.
organization_account(management_account, org_id, account_id) := sprintf("arn:aws:organizations::%s:account/%s/%s", [management_account, org_id, account_id])

trail(region_name, account_id, name) := sprintf("arn:aws:cloudtrail:%s:%s:trail/%s", [region_name, account_id, name])
