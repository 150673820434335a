package trailwarden.lib.params_test

import data.trailwarden.lib.params

chain := [
	{"path": ["trailwarden", "rules", "r", "params"]},
	{"path": ["trailwarden", "rules", "r"], "annotations": {"scope": "package", "custom": {"id": "r", "params": {"days": 90, "classes": ["GLACIER"]}}}},
]

test_defaults_without_data if {
	params.of(chain) == {"days": 90, "classes": ["GLACIER"]}
}

test_config_overrides_key_by_key if {
	params.of(chain) == {"days": 30, "classes": ["GLACIER"]} with data.trailwarden.params.r as {"days": 30}
	params.of(chain) == {"days": 90, "classes": ["GLACIER"]} with data.trailwarden.params.other as {"days": 30}
}

test_rule_without_params if {
	params.of([{"path": ["p"], "annotations": {"scope": "package", "custom": {"id": "p"}}}]) == {}
}
