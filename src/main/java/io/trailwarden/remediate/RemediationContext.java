package io.trailwarden.remediate;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwarden.config.Config;
import io.trailwarden.config.OrganizationSettings;
import java.util.function.Function;

/**
 * What remediations may consult besides the snapshot: the remediation and organization settings of
 * config.yaml, and each rule's effective parameters (METADATA defaults overridden by config.yaml).
 */
public record RemediationContext(Config.Remediation settings, OrganizationSettings organization,
    Function<String, JsonNode> ruleParams) {

  /** An integer parameter of a rule, e.g. {@code min_retention_days}. */
  public int intParam(String ruleId, String name) {
    JsonNode value = ruleParams.apply(ruleId).path(name);
    if (!value.canConvertToInt()) {
      throw new IllegalStateException("rule " + ruleId + " has no integer parameter " + name);
    }
    return value.asInt();
  }
}
