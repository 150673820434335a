# METADATA
# description: >-
#   A rule's parameters: the custom.params defaults of its own METADATA, overridden key by key by
#   data.trailwarden.params[<rule id>] (the engine fills that from config.yaml). Reading the defaults
#   from the METADATA keeps one source of truth, and lets opa test run a rule without any data.
package trailwarden.lib.params

# `chain` is rego.metadata.chain() as the rule sees it.
of(chain) := object.union(defaults(chain), configured(chain))

configured(chain) := data.trailwarden.params[rule_id(chain)]

configured(chain) := {} if not data.trailwarden.params[rule_id(chain)]

defaults(chain) := object.get(package_annotations(chain), ["custom", "params"], {})

rule_id(chain) := object.get(package_annotations(chain), ["custom", "id"], "")

package_annotations(chain) := [entry.annotations |
	some entry in chain
	object.get(entry, ["annotations", "scope"], "") == "package"
][0]
