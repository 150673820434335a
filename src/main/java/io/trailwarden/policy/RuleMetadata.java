package io.trailwarden.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwarden.policy.Severity;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * A rule as its {@code # METADATA} block describes it; the only source of rule documentation.
 * {@code remediationId} names the automated fix ({@code custom.remediation_id}); {@code remediationNone}
 * says why there is none ({@code custom.remediation_none}).
 */
public record RuleMetadata(
    String id,
    String title,
    String description,
    Severity severity,
    String remediation,
    Optional<String> remediationId,
    Optional<String> remediationNone,
    SortedMap<String, List<String>> frameworks,
    JsonNode params,
    List<Reference> references,
    String file) {

  public RuleMetadata {
    frameworks = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(frameworks));
    references = List.copyOf(references);
  }

  /** A documentation link from {@code related_resources}. */
  public record Reference(String url, String description) {}
}
