# The TrailWarden side of PolicyDifferentialTest: every generated case posed exactly as the rules pose
# it (the same request builders of rules/lib/requests.rego and the same iam.decide), answered with the
# decision alone. The SCP cases carry a small snapshot and go through lib/organization as the SCP rules do.
package trailwarden.differential

import data.trailwarden.lib.iam
import data.trailwarden.lib.organization
import data.trailwarden.lib.requests

decisions := [decision(c) | some c in input.cases]

decision(c) := d if {
	c.question in {"scp-trail", "scp-bucket"}
	d := organization.decide(c.account, c.action, c.resource, c.region).decision with input as c.snapshot
}

decision(c) := iam.decide(request(c), iam.resource_policy_layers("bucket policy", c.policy)).decision if {
	not c.question in {"scp-trail", "scp-bucket"}
}

request(c) := requests.delivery(c.trail, c.resource, requests.acl, c.now) if c.question == "delivery"

request(c) := requests.acl_check(c.trail, c.resource, c.now) if c.question == "acl-check"

request(c) := requests.ordinary(c.account, c.org, c.region, c.action, c.resource, c.secure, c.now) if {
	c.question in {"deny-delete", "tls"}
	c.caller == "ordinary"
}

request(c) := requests.anonymous(c.action, c.resource, c.secure, c.now) if c.caller == "anonymous"

request(c) := requests.outsider(c.action, c.resource, c.secure, c.now) if c.caller == "outsider"
