# METADATA
# description: >-
#   The organization's tree and its service control policies: which SCPs reach an account (attached
#   to the account, to any OU above it, or to the root), and what they decide, level by level, for an
#   ordinary principal of that account.
# schemas:
#   - input: schema.snapshot
package trailwarden.lib.organization

import data.trailwarden.lib.arn
import data.trailwarden.lib.iam
import data.trailwarden.lib.requests
import data.trailwarden.lib.snapshot

# Organizations was read (the organization is null when it could not be).
known if is_object(input.organization)

accounts := object.get(input, ["organization", "accounts"], [])

roots := object.get(input, ["organization", "roots"], [])

organizational_units := object.get(input, ["organization", "organizationalUnits"], [])

org_id := object.get(input, ["organization", "id"], null)

# Accounts and OUs by id: looked up once per account of a large organization, never scanned.
accounts_by_id := {a.id: a | some a in accounts}

organizational_units_by_id := {ou.id: ou | some ou in organizational_units}

account(id) := accounts_by_id[id]

# Every account but the management account, which SCPs never restrict.
member_accounts contains a if {
	some a in accounts
	a.id != snapshot.management_account_id
}

# Member accounts that can act: a suspended or closing account cannot make API calls at all.
active_member_accounts contains a if {
	some a in member_accounts
	a.status == "ACTIVE"
}

account_arn(account_id) := arn.organization_account(snapshot.management_account_id, org_id, account_id)

# A member account as a rule subject.
account_subject(account_id) := {"resource": account_arn(account_id), "accountId": account_id, "region": "global"}

# Child -> parent links of the tree; roots have no parent, nor has an account the walk did not reach.
parent_graph := object.union(
	{r.id: [] | some r in roots},
	{node.id: parents(node) | some node in array.concat(accounts, organizational_units)},
)

parents(node) := [node.parentId] if is_string(node.parentId)

parents(node) := [] if not is_string(node.parentId)

# The ids an SCP can be attached to and still reach the target: the target, every OU above it and
# the root.
path_to_root(target_id) := graph.reachable(parent_graph, {target_id})

# The targets of each SCP (by its index in input.scps) as a set: an SCP such as FullAWSAccess is attached
# to every account, and looking an account up in a list of them all, per account, would cost accounts x
# accounts.
scp_targets := [{t | some t in scp.targets} | some scp in input.scps]

# SCPs that reach the account or OU.
scps_for(target_id) := {scp |
	path := path_to_root(target_id)
	some i, scp in input.scps
	some node in path
	node in scp_targets[i]
}

# SCPs are enforced only with all features enabled and the SCP policy type enabled on the root.
scps_enforced if {
	input.organization.featureSet == "ALL"
	count(roots) > 0
	every root in roots {
		"SERVICE_CONTROL_POLICY" in root.policyTypesEnabled
	}
}

# The SCP layers of an account, root first: at each level (the root, every OU down to the account, the
# account itself) the SCPs attached there, of which one must allow a request (iam.decide).
layers(account_id) := node_layers(account_id)

attached(node_id) := [scp_policy(i) | some i in attached_indices(node_id)]

attached_indices(node_id) := [i | some i, targets in scp_targets; node_id in targets]

scp_policy(i) := {"name": sprintf("SCP %s (%s)", [input.scps[i].name, input.scps[i].id]), "document": input.scps[i].document}

# What SCPs decide for an ordinary principal of the account calling `action` on `resource` in `region`:
# for an account of an scp_group the group's decision, worked out once per group (OPA memoizes a
# function called with the same arguments), not once per account; otherwise the account's own request.
decide(account_id, action, resource, region) := for_account(shared_decision(group, action, resource, region), account_id) if {
	group := scp_group(account_id)
} else := iam.decide(
	requests.ordinary(account_id, principal_org(account_id), region, action, resource, "true", input.collectedAt),
	layers(account_id),
)

# Accounts under the same parent with the same SCPs attached to themselves have the same layers but for
# the last one's name, and when no statement of those layers reads who the caller is, the same
# decisions: such accounts form a group, {"parent": <OU or root id>, "attached": <indices into
# input.scps>}, and a rule may work out once per group what it says of each of them. Undefined for an
# account the walk did not place or whose SCPs may decide per account.
scp_group(account_id) := {"parent": parent, "attached": attached} if {
	parent := accounts_by_id[account_id].parentId
	is_string(parent)
	attached := attached_indices(account_id)
	shareable(parent, attached)
}

# The decision for any account of the group, its own layer named `account_layer`.
shared_decision(group, action, resource, region) := iam.decide(
	requests.ordinary(neutral_account, principal_org_under(group.parent), region, action, resource, "true", input.collectedAt),
	shared_layers(group.parent, group.attached),
)

shared_layers(parent, attached) := array.concat(node_layers(parent), [{"name": account_layer, "policies": [scp_policy(i) | some i in attached]}])

shareable(parent, attached) if {
	# Exactly one path up from the parent, as ordered_path requires of the account's own path.
	count(graph.reachable_paths(parent_graph, {parent})) == 1
	every layer in shared_layers(parent, attached) {
		every policy in layer.policies {
			every statement in iam.statements(policy.document) {
				account_neutral(statement)
			}
		}
	}
}

# The SCPs reaching every account of the group: those reaching its parent and those attached to it.
group_scps(group) := scps_for(group.parent) | {input.scps[i] | some i in group.attached}

# The layers from the root down to the node itself (layers(account_id) is this for an account).
node_layers(node_id) := [{"name": describe_node(id), "policies": attached(id)} |
	path := ordered_path(node_id)
	some i in numbers.range(count(path) - 1, 0)
	id := path[i]
]

neutral_account := "000000000000"

# Stands for the account layer's name in a shared decision; for_account puts the account's in.
account_layer := "\u0000account"

for_account(result, account_id) := object.union(result, {"levels": [level_name(name, account_id) | some name in result.levels]})

level_name(name, account_id) := describe_node(account_id) if {
	name == account_layer
} else := name

# The request keys whose values name the account (the principal's ARN and account): a statement
# reading one of them, a principal element or a policy variable may decide differently per account.
account_keys := {key |
	a := requests.ordinary("000000000001", null, "us-east-1", "s3:GetObject", "*", "true", input.collectedAt).context
	b := requests.ordinary("000000000002", null, "us-east-1", "s3:GetObject", "*", "true", input.collectedAt).context
	some key in (object.keys(a) | object.keys(b))
	object.get(a, key, null) != object.get(b, key, null)
}

account_neutral(statement) if {
	is_object(statement)
	not "Principal" in object.keys(statement)
	not "NotPrincipal" in object.keys(statement)
	not contains(json.marshal(statement), "${")
	every entries in object.get(statement, "Condition", {}) {
		is_object(entries)
		every key, _ in entries {
			not lower(key) in account_keys
		}
	}
}

# The account's organization as its principals' aws:PrincipalOrgID and aws:PrincipalOrgPaths carry it:
# the path runs from the organization through the root down to the account's OU.
principal_org(account_id) := {"id": org_id, "path": org_path(account_id)} if is_string(org_id)

principal_org(_) := null if not is_string(org_id)

# The same for any account under `parent`.
principal_org_under(parent) := {"id": org_id, "path": concat("", array.concat([sprintf("%s/", [org_id])], [sprintf("%s/", [path[i]]) |
	path := ordered_path(parent)
	some i in numbers.range(count(path) - 1, 0)
]))} if is_string(org_id)

principal_org_under(_) := null if not is_string(org_id)

org_path(account_id) := concat("", array.concat([sprintf("%s/", [org_id])], [sprintf("%s/", [path[i]]) |
	path := ordered_path(account_id)
	count(path) > 1
	some i in numbers.range(count(path) - 1, 1)
]))

# Errors reading the SCPs themselves; with any, a missing protection may only be unseen.
scp_errors := [e |
	some e in input.errors
	e.service == "organizations"
	e.operation in {"ListPolicies", "DescribePolicy", "ListTargetsForPolicy", "ListPoliciesForTarget"}
]

# SCPs listed, then gone when read (input.absent, PolicyNotFoundException): an SCP is detached before it
# can be deleted, so it protects nothing and the rules judge without it; the findings name it.
gone_scps := {a.resource |
	some a in object.get(input, "absent", [])
	a.service == "organizations"
}

# For a finding's message: which SCPs are gone, or "".
gone_scps_note := sprintf(" (SCP %s no longer exists: Organizations answered PolicyNotFoundException when it was read)", [concat(", ", sort(gone_scps))]) if {
	count(gone_scps) > 0
} else := ""

# Errors reading the organization (any Organizations call in the management account).
errors := snapshot.errors_for("organizations", snapshot.management_account_id)

# What was read, so that a rule fails only on evidence it has (architecture.md §3). The collector
# walks the tree from the roots (ListRoots, then ListOrganizationalUnitsForParent and
# ListAccountsForParent per parent) and, when any of those failed, lists every account with
# ListAccounts; an account the walk did not reach has a null parentId.
failed_operations := {e.operation | some e in errors}

tree_operations := {"ListRoots", "ListOrganizationalUnitsForParent", "ListAccountsForParent"}

tree_errors := [e | some e in errors; e.operation in tree_operations]

# The roots, and the policy types enabled on them, were read.
roots_known if {
	known
	not "ListRoots" in failed_operations
}

# Every account of the organization is in the snapshot: the walk reached every parent, or the flat
# list that follows a failed walk answered.
accounts_complete if {
	known
	count(tree_errors) == 0
}

accounts_complete if {
	known
	count(tree_errors) > 0
	not "ListAccounts" in failed_operations
}

# The errors that leave accounts out of the snapshot.
account_list_errors := [e | some e in errors; e.operation in (tree_operations | {"ListAccounts"})]

# The account's place in the tree (so every OU and root above it) was read.
placed(account_id) if is_string(accounts_by_id[account_id].parentId)

# The walk of the tree did not reach the account, or the account was not listed at all when the
# accounts could not all be listed: which OUs (and so which SCPs) are above it is unknown.
unplaced(account_id) if {
	accounts_by_id[account_id]
	not placed(account_id)
}

unplaced(account_id) if {
	known
	not accounts_by_id[account_id]
	not accounts_complete
}

# The UNKNOWN finding on the organization for accounts that may be missing from the snapshot: what
# a rule would have said of them (`what`) is unknown.
unlisted_accounts_finding(what) := object.union(snapshot.organization_subject, {
	"message": sprintf("The accounts of organization %s could not all be listed, so %s is unknown for the accounts not listed: %s.", [input.organization.id, what, snapshot.describe_errors(account_list_errors)]),
	"evidence": {"errors": account_list_errors},
}) if {
	known
	not accounts_complete
}

# The active member accounts scps_unknown_reason names a reason for, found in one pass rather than by
# asking of every account: all of them when the roots were not read, else those the walk did not place.
scps_unknown_accounts := active_member_accounts if {
	known
	not roots_known
}

scps_unknown_accounts := {a | some a in active_member_accounts; not placed(a.id)} if roots_known

# Why the SCPs reaching a member account cannot be worked out: the roots were not read (so whether
# SCPs are enforced at all is unknown), or its place in the tree was not.
scps_unknown_reason(account_id) := sprintf("the roots of the organization could not be read (%s)", [snapshot.describe_errors(tree_errors)]) if {
	known
	not roots_known
	accounts_by_id[account_id]
}

scps_unknown_reason(account_id) := sprintf("the place of account %s in the organization could not be read (%s)", [account_id, snapshot.describe_errors(account_list_errors)]) if {
	roots_known
	unplaced(account_id)
}

# The services with trusted access were read.
service_access_known if {
	known
	not "ListAWSServiceAccessForOrganization" in failed_operations
}

# The path from a node up to the root, in words: "account 1 (prod), OU Workloads (ou-...), root r-ab12".
# An account's is its own name before its parent's path, which is worked out once per parent.
describe_path(target_id) := concat(", ", [part | some part in [describe_node(target_id), describe_ordered(parent)]; part != ""]) if {
	parent := accounts_by_id[target_id].parentId
	is_string(parent)
	count(graph.reachable_paths(parent_graph, {parent})) == 1
} else := describe_ordered(target_id)

describe_ordered(node_id) := concat(", ", [describe_node(id) | some id in ordered_path(node_id)])

# The path from the node up to the root, in order (a tree has exactly one such path).
ordered_path(target_id) := path if {
	paths := graph.reachable_paths(parent_graph, {target_id})
	count(paths) == 1
	some path in paths
} else := [target_id]

describe_node(id) := sprintf("root %s", [id]) if startswith(id, "r-")

describe_node(id) := sprintf("OU %s (%s)", [organizational_units_by_id[id].name, id])

describe_node(id) := sprintf("account %s (%s)", [id, accounts_by_id[id].name])
