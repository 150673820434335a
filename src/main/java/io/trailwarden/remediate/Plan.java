package io.trailwarden.remediate;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;
import io.trailwarden.remediate.facet.ApiCall;
import io.trailwarden.remediate.facet.Target;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What {@code remediate plan} decided and {@code remediate apply} executes: ordered changes with their
 * exact before and after documents, and notes on what it will not do and why. {@code planId} is a
 * digest of everything else, so a plan edited by hand is refused.
 */
public record Plan(
    int formatVersion,
    String planId,
    Instant createdAt,
    String toolVersion,
    String managementAccountId,
    Optional<String> organizationId,
    List<Change> changes,
    List<Note> notes) {

  static final int FORMAT_VERSION = 1;

  public Plan {
    changes = List.copyOf(changes);
    notes = List.copyOf(notes);
  }

  /**
   * One facet of one target from {@code before} to {@code after}, fixing {@code findings} (fingerprints)
   * of {@code rules} through {@code remediations}; {@code newFindings} are those a baseline given to the
   * plan did not have (empty without one). It is applied only after every change in {@code dependsOn} was.
   */
  public record Change(
      String id,
      String facet,
      Target target,
      List<String> remediations,
      List<String> rules,
      List<String> findings,
      List<String> newFindings,
      List<String> summaries,
      List<ApiCall> apiCalls,
      List<String> iamActions,
      JsonNode before,
      JsonNode after,
      List<String> dependsOn) {
    public Change {
      remediations = List.copyOf(remediations);
      rules = List.copyOf(rules);
      findings = List.copyOf(findings);
      newFindings = List.copyOf(newFindings);
      summaries = List.copyOf(summaries);
      apiCalls = List.copyOf(apiCalls);
      iamActions = List.copyOf(iamActions);
      dependsOn = List.copyOf(dependsOn);
    }
  }

  /** A failing finding the plan does not fix, and why: manual, not allowed by config.yaml, or refused. */
  public record Note(String ruleId, String resource, Kind kind, String reason) {
    public enum Kind { MANUAL, NOT_ALLOWED, REFUSED }
  }

  @JsonIgnore
  public boolean isEmpty() {
    return changes.isEmpty();
  }
}
