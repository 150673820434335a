package io.trailwarden.policy;

import java.util.List;

/** What one rule said about one snapshot. */
public record RuleResult(String ruleId, List<Verdict> subjects, List<Verdict> deny, List<Verdict> unknown) {
  public RuleResult {
    subjects = List.copyOf(subjects);
    deny = List.copyOf(deny);
    unknown = List.copyOf(unknown);
  }
}
