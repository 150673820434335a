# METADATA
# description: >-
#   The CIS monitoring chain, judged whole for one control: the organization trail (multi-Region,
#   logging, every management event) delivers to a log group; a metric filter there matches the
#   control's events; an alarm watches that filter's metric (name and namespace); its actions are
#   enabled; it notifies an SNS topic with at least one confirmed subscriber. The rules in
#   rules/cloudwatch/ are generated from monitoring_controls.yaml and hand their control to these
#   functions; the finding names the first link that is missing.
# schemas:
#   - input: schema.snapshot
package trailwarden.lib.monitoring

import data.trailwarden.lib.selectors
import data.trailwarden.lib.snapshot

subjects(_) := {snapshot.trail_subject(trail) | some trail in snapshot.org_trails} if count(snapshot.org_trails) > 0

subjects(_) := {snapshot.organization_subject} if {
	count(snapshot.org_trails) == 0
	not snapshot.org_trails_unseen
}

# The trails of the management account could not all be listed: the organization trail may exist.
subjects(_) := {snapshot.unseen_org_trail_subject} if snapshot.org_trails_unseen

deny(control) := {object.union(subject, object.remove(v, ["status"])) |
	some [subject, v] in verdicts(control)
	v.status == "fail"
}

unknown(control) := {object.union(subject, object.remove(v, ["status", "fix"])) |
	some [subject, v] in verdicts(control)
	v.status == "unknown"
}

verdicts(control) := [[snapshot.trail_subject(trail), chain(control, trail)] | some trail in snapshot.org_trails] if {
	count(snapshot.org_trails) > 0
}

verdicts(control) := [[snapshot.organization_subject, {
	"status": "fail",
	"message": sprintf("No organization trail, so nothing alarms on %s (CIS %s).", [control.what, control.cis]),
	"evidence": {"link": "trail"},
	"fix": "Create an organization trail (rule cloudtrail_org_trail_exists), deliver it to CloudWatch Logs, then add the metric filter and alarm.",
}]] if {
	count(snapshot.org_trails) == 0
	not snapshot.org_trails_unseen
}

verdicts(control) := [[snapshot.unseen_org_trail_subject, object.union(
	{"status": "unknown"},
	object.remove(snapshot.unseen_org_trail(sprintf("whether an alarm watches for %s", [control.what])), ["resource", "accountId", "region"]),
)]] if snapshot.org_trails_unseen

# ---------------------------------------------------------------------------------------------
# The chain, link by link: the first that does not hold decides.

chain(control, trail) := fail(control, "trail", sprintf("Organization trail %s is not multi-Region, so events of other Regions never reach its log group.", [trail.name]), {}) if {
	trail.isMultiRegionTrail != true
} else := unknown_result(sprintf("Whether organization trail %s is logging could not be read%s.", [trail.name, reason(snapshot.resource_errors("cloudtrail", trail.arn))]), {"link": "trail"}) if {
	not is_object(trail.status)
} else := fail(control, "trail", sprintf("Organization trail %s is not logging.", [trail.name]), {}) if {
	trail.status.isLogging != true
} else := unknown_result(sprintf("The event selectors of organization trail %s could not be read%s.", [trail.name, reason(snapshot.resource_errors("cloudtrail", trail.arn))]), {"link": "trail"}) if {
	selectors.mode(trail) == "unknown"
} else := fail(control, "trail", sprintf("Organization trail %s does not record every read and write management event.", [trail.name]), {}) if {
	not records_all_management(trail)
} else := fail(control, "log group", sprintf("Organization trail %s does not deliver to CloudWatch Logs, so no metric filter can see %s.", [trail.name, control.what]), {}) if {
	object.get(trail, "cloudWatchLogsLogGroupArn", null) in {null, ""}
} else := fail(control, "log group", sprintf("Log group %s of organization trail %s does not exist (%s), so no metric filter can see %s.", [trail.cloudWatchLogsLogGroupArn, trail.name, snapshot.describe_errors(snapshot.absent("logs", trail.cloudWatchLogsLogGroupArn)), control.what]), {"logGroup": trail.cloudWatchLogsLogGroupArn}) if {
	not input.logGroups[trail.cloudWatchLogsLogGroupArn]
	count(snapshot.absent("logs", trail.cloudWatchLogsLogGroupArn)) > 0
} else := unknown_result(sprintf("Log group %s of organization trail %s was not collected%s.", [trail.cloudWatchLogsLogGroupArn, trail.name, reason(group_errors(trail.cloudWatchLogsLogGroupArn))]), {"link": "log group", "logGroup": trail.cloudWatchLogsLogGroupArn}) if {
	not input.logGroups[trail.cloudWatchLogsLogGroupArn]
} else := filters_link(control, trail.cloudWatchLogsLogGroupArn, input.logGroups[trail.cloudWatchLogsLogGroupArn])

records_all_management(trail) if {
	selectors.records_management(trail, "read")
	selectors.records_management(trail, "write")
}

group_errors(group_arn) := [e |
	some e in input.errors
	e.service == "logs"
	object.get(e, "resource", "") == group_arn
]

filters_link(control, group_arn, group) := from_filters(control, group_arn, group, prepared(control), [f |
	some f in group.metricFilters
	satisfies(prepared(control), f)
])

from_filters(control, group_arn, group, p, matching) := no_filter(control, group_arn, group, p) if {
	count(matching) == 0
} else := alarms_link(control, group_arn, group, matching, watching(group, matching))

no_filter(control, group_arn, group, p) := unknown_result(sprintf("No metric filter on log group %s is known to match %s (CIS %s): the pattern of %s cannot be parsed (%s).", [group.name, control.what, control.cis, concat(", ", [f.name | some f in unparsed]), concat("; ", [f.parsed.error | some f in unparsed])]), {"link": "metric filter", "logGroup": group_arn, "unparsed": [{"name": f.name, "pattern": f.pattern, "error": f.parsed.error} | some f in unparsed]}) if {
	unparsed := [f | some f in group.metricFilters; f.parsed.syntax == "invalid"]
	count(unparsed) > 0
} else := fail(control, "metric filter", sprintf("No metric filter on log group %s matches %s (CIS %s)%s.", [group.name, control.what, control.cis, nearest_text(n)]), {"logGroup": group_arn, "nearest": n}) if {
	n := nearest(sort(scored(p, group)))
}

# ---------------------------------------------------------------------------------------------
# Filters. A term of a filter covers an alternative of the control when it has every condition of the
# alternative and nothing else but conditions the control allows (mayNarrow).

alternatives(control) := [{c | some c in array.concat(control.all, [a])} | some a in control.anyOf] if count(control.anyOf) > 0

alternatives(control) := [{c | some c in control.all}] if count(control.anyOf) == 0

# What the filter checks need of a control, computed once per control.
prepared(control) := {
	"alternatives": alternatives(control),
	"narrowing": {c | some c in control.mayNarrow},
	"conditions": {c | some a in alternatives(control); some c in a},
}

# A filter that shares no condition with the control cannot cover any of its alternatives.
related(p, filter) if {
	some t in filter.parsed.terms
	some c in t
	c in p.conditions
}

terms(filter) := {{c | some c in t} | some t in filter.parsed.terms}

covers(p, term, alternative) if {
	count(alternative - term) == 0
	count((term - alternative) - p.narrowing) == 0
}

# A term equal to the alternative is found by lookup; only a narrowed one needs the search.
covered(_, filter_terms, alternative) if alternative in filter_terms

covered(p, filter_terms, alternative) if {
	count(p.narrowing) > 0
	not alternative in filter_terms
	some term in filter_terms
	covers(p, term, alternative)
}

satisfies(p, filter) if {
	filter.parsed.syntax == "json"
	related(p, filter)
	filter_terms := terms(filter)
	every alternative in p.alternatives {
		covered(p, filter_terms, alternative)
	}
}

# [alternatives covered, filter name, what it lacks] of each JSON filter: the evidence of a near miss.
scored(p, group) := [[count(covered_alternatives), f.name, missing] |
	some f in group.metricFilters
	f.parsed.syntax == "json"
	related(p, f)
	filter_terms := terms(f)
	covered_alternatives := [a | some a in p.alternatives; covered(p, filter_terms, a)]
	missing := [text(a) | some a in p.alternatives; not covered(p, filter_terms, a)]
]

# The filter that covers most alternatives (if any covers one), and what it lacks.
nearest(ranked) := {"filter": best[1], "uncovered": best[2]} if {
	count(ranked) > 0
	best := ranked[count(ranked) - 1]
	best[0] > 0
} else := null

nearest_text(n) := sprintf("; filter %s comes nearest but has no term for exactly %s", [n.filter, concat(" or ", n.uncovered)]) if {
	is_object(n)
} else := ""

text(alternative) := concat(" && ", sort([condition_text(c) | some c in alternative]))

condition_text(c) := sprintf("%s %s", [c.selector, c.operator]) if c.kind == "none"

condition_text(c) := sprintf("%s %s %q", [c.selector, c.operator, c.value]) if c.kind == "string"

condition_text(c) := sprintf("%s %s %s", [c.selector, c.operator, c.value]) if not c.kind in {"none", "string"}

# ---------------------------------------------------------------------------------------------
# Alarms, their actions and their topics.

# Alarms in the log group's account and Region on a metric the filters publish: the same name and
# namespace, and the same dimension names (an alarm on other dimensions watches another metric).
watching(group, filters) := [a |
	some a in input.alarms
	a.accountId == group.accountId
	a.region == group.region
	some f in filters
	some t in f.metricTransformations
	a.metricName == t.metricName
	a.namespace == t.metricNamespace
	object.keys(a.dimensions) == object.keys(t.dimensions)
]

# The metrics of the filters that satisfy the control, for the finding and the fix that adds an alarm.
metric_objects(filters) := sort({{"metricName": t.metricName, "metricNamespace": t.metricNamespace} | some f in filters; some t in f.metricTransformations})

metrics(filters) := sort({sprintf("%s/%s", [t.metricNamespace, t.metricName]) | some f in filters; some t in f.metricTransformations})

alarms_link(control, group_arn, group, filters, alarms) := unknown_result(sprintf("The alarms of %s/%s could not be read%s.", [group.accountId, group.region, reason(alarm_errors(group))]), {"link": "alarm", "logGroup": group_arn}) if {
	count(alarms) == 0
	count(alarm_errors(group)) > 0
} else := fail(control, "alarm", sprintf("No alarm watches metric %s of filter %s on log group %s%s.", [concat(" or ", metrics(filters)), concat(", ", [f.name | some f in filters]), group.name, other_namespaces(group, filters)]), {"logGroup": group_arn, "filters": [f.name | some f in filters], "metrics": metric_objects(filters)}) if {
	count(alarms) == 0
} else := fail(control, "alarm actions", sprintf("The actions of alarm %s are disabled, so it notifies nobody about %s.", [concat(", ", sort({a.name | some a in alarms})), control.what]), {"logGroup": group_arn, "alarms": sort({a.name | some a in alarms}), "metrics": metric_objects(filters)}) if {
	count([a | some a in alarms; a.actionsEnabled == true]) == 0
} else := topics_link(control, group_arn, filters, [a | some a in alarms; a.actionsEnabled == true])

alarm_errors(group) := [e |
	some e in input.errors
	e.service == "cloudwatch"
	e.accountId == group.accountId
	e.region == group.region
]

# Alarms on the same metric name in another namespace: the usual near miss.
other_namespaces(group, filters) := sprintf(" (alarm %s watches %s in namespace %s)", [a.name, a.metricName, a.namespace]) if {
	some a in input.alarms
	a.accountId == group.accountId
	a.region == group.region
	some f in filters
	some t in f.metricTransformations
	a.metricName == t.metricName
	a.namespace != t.metricNamespace
} else := ""

sns_actions(alarms) := sort({action |
	some a in alarms
	some action in a.alarmActions
	startswith(action, "arn:")
	split(action, ":")[2] == "sns"
})

confirmed(topic) := [s | some s in topic.subscriptions; startswith(s.subscriptionArn, "arn:")]

topics_link(control, group_arn, filters, alarms) := {"status": "pass"} if {
	some arn in sns_actions(alarms)
	count(confirmed(input.snsTopics[arn])) > 0
} else := fail(control, "topic", sprintf("Alarm %s notifies no SNS topic.", [concat(", ", sort({a.name | some a in alarms}))]), {"logGroup": group_arn, "alarms": sort({a.name | some a in alarms}), "metrics": metric_objects(filters)}) if {
	count(sns_actions(alarms)) == 0
} else := unknown_result(sprintf("The subscriptions of SNS topic %s could not be read%s.", [concat(", ", unread), reason(topic_errors(unread))]), {"link": "subscriber", "topics": unread}) if {
	unread := [arn | some arn in sns_actions(alarms); count(topic_errors([arn])) > 0]
	count(unread) > 0
} else := fail(control, "subscriber", sprintf("SNS topic %s of alarm %s has no confirmed subscriber, so nobody hears about %s.", [concat(", ", sns_actions(alarms)), concat(", ", sort({a.name | some a in alarms})), control.what]), {"logGroup": group_arn, "metrics": metric_objects(filters), "topics": [{"arn": arn, "exists": is_object(object.get(input.snsTopics, arn, null)), "subscriptions": object.get(input.snsTopics, [arn, "subscriptions"], [])} | some arn in sns_actions(alarms)]})

topic_errors(arns) := [e |
	some e in input.errors
	e.service == "sns"
	object.get(e, "resource", "") in {a | some a in arns}
]

# ---------------------------------------------------------------------------------------------

fail(control, link, message, evidence) := {
	"status": "fail",
	"message": message,
	"evidence": object.union({"link": link}, evidence),
	"fix": fix(control),
}

unknown_result(message, evidence) := {"status": "unknown", "message": message, "evidence": evidence}

fix(control) := sprintf("aws logs put-metric-filter --log-group-name <the organization trail's log group> --filter-name %s --metric-transformations metricName=%s,metricNamespace=CISBenchmark,metricValue=1 --filter-pattern '%s' && aws cloudwatch put-metric-alarm --alarm-name %s --metric-name %s --namespace CISBenchmark --statistic Sum --period 300 --evaluation-periods 1 --threshold 1 --comparison-operator GreaterThanOrEqualToThreshold --alarm-actions <an SNS topic with a confirmed subscriber>", [control.metricName, control.metricName, control.pattern, control.metricName, control.metricName])

reason(errors) := sprintf(": %s", [snapshot.describe_errors(errors)]) if count(errors) > 0

reason(errors) := "" if count(errors) == 0
