package io.trailwarden.remediate;

import io.trailwarden.finding.Finding;
import io.trailwarden.snapshot.Snapshot;
import java.util.List;

/**
 * A fix, named by its verb (EnableLogFileValidation), for the rule whose METADATA names it in
 * {@code custom.remediation_id}. Remediations only propose edits; they make no AWS call, so planning is
 * free of side effects.
 */
public interface Remediation {
  /** The verb, e.g. {@code EnableLogFileValidation}; the rule's {@code remediation_id}. */
  String id();

  /** The rule whose failures this fixes. */
  String ruleId();

  /** Edits (or reasons for none) that make this failing finding pass. */
  List<Proposal> propose(Finding finding, Snapshot snapshot, RemediationContext context);
}
