package io.trailwarden.finding;

import io.trailwarden.policy.Frameworks;
import io.trailwarden.policy.RuleMetadata;
import io.trailwarden.policy.Severity;
import io.trailwarden.snapshot.CollectionError;
import io.trailwarden.snapshot.Organization;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Everything a reporter needs from one evaluation. Its only clock is the snapshot's
 * {@code collectedAt}, so the same snapshot always gives the same reports.
 *
 * @param rules the rules that were evaluated, sorted by id
 * @param findings one per (rule, resource), sorted by rule id then resource
 * @param expiredWaivers waivers from config.yaml that matched a finding but had expired
 * @param unaccountedAccounts accounts the collection could not place in the organization's tree;
 *     empty when their number is unknown (see {@code Snapshot.unaccountedAccounts})
 * @param frameworks the frameworks and controls of the rules directory, for reports by control
 * @param organization the OU tree and accounts the snapshot read, for reports by account; empty when
 *     unreadable or when the evaluation was read back from a report
 */
public record Evaluation(
    String toolVersion,
    Instant collectedAt,
    String managementAccountId,
    Optional<String> organizationId,
    List<RuleMetadata> rules,
    List<Finding> findings,
    List<CollectionError> collectionErrors,
    List<Waiver> expiredWaivers,
    Optional<Integer> unaccountedAccounts,
    Optional<Baseline.Comparison> baseline,
    Frameworks frameworks,
    Optional<Organization> organization) {

  /** The order of {@link #findings}: rule id, then resource. */
  public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::ruleId).thenComparing(Finding::resource);

  public Evaluation {
    rules = List.copyOf(rules);
    // Kept in order here (findings come sorted: then this is one pass), so findingsOf can search.
    findings = findings.stream().sorted(ORDER).toList();
    collectionErrors = List.copyOf(collectionErrors);
    expiredWaivers = List.copyOf(expiredWaivers);
  }

  /** An evaluation compared with no baseline, every account accounted for. */
  public Evaluation(String toolVersion, Instant collectedAt, String managementAccountId, Optional<String> organizationId,
      List<RuleMetadata> rules, List<Finding> findings, List<CollectionError> collectionErrors, List<Waiver> expiredWaivers) {
    this(toolVersion, collectedAt, managementAccountId, organizationId, rules, findings, collectionErrors, expiredWaivers,
        Optional.of(0), Optional.empty(), Frameworks.none(), Optional.empty());
  }

  /** The same evaluation compared with a previous run's failures. */
  public Evaluation compareWith(Baseline previous) {
    return new Evaluation(toolVersion, collectedAt, managementAccountId, organizationId, rules, findings, collectionErrors,
        expiredWaivers, unaccountedAccounts, Optional.of(previous.compare(this)), frameworks, organization);
  }

  /** The same evaluation with the frameworks of its rules and the organization it judged. */
  public Evaluation within(Frameworks frameworks, Optional<Organization> organization) {
    return new Evaluation(toolVersion, collectedAt, managementAccountId, organizationId, rules, findings, collectionErrors,
        expiredWaivers, unaccountedAccounts, baseline, frameworks, organization);
  }

  /** NEW or EXISTING for an active failure when a baseline was given; empty otherwise. */
  public Optional<Baseline.State> baselineState(Finding finding) {
    return baseline.flatMap(b -> b.stateOf(finding));
  }

  public long count(Status status) {
    return findings.stream().filter(f -> f.status() == status).count();
  }

  /** The findings of one rule: a range of the sorted findings, found by binary search (reports ask once per rule). */
  public List<Finding> findingsOf(String ruleId) {
    return findings.subList(firstOf(ruleId), firstOf(ruleId + "\0"));
  }

  /** The index of the first finding whose rule id is not before {@code ruleId}. */
  private int firstOf(String ruleId) {
    int low = 0;
    int high = findings.size();
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (findings.get(middle).ruleId().compareTo(ruleId) < 0) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }

  public List<Finding> withStatus(Status status) {
    return findings.stream().filter(f -> f.status() == status).toList();
  }

  public RuleMetadata rule(String id) {
    return rules.stream().filter(r -> r.id().equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no rule " + id + " in this evaluation"));
  }

  /** True when any FAIL is at or above the threshold. */
  public boolean failsAt(Severity threshold) {
    return failsAt(threshold, false);
  }

  /**
   * True when any FAIL at or above the threshold counts: every failure, or with {@code newOnly} the
   * failures the baseline did not have (without a baseline every failure is new).
   */
  public boolean failsAt(Severity threshold, boolean newOnly) {
    return findings.stream().anyMatch(f -> f.status() == Status.FAIL && f.severity().atLeast(threshold)
        && (!newOnly || baselineState(f).orElse(Baseline.State.NEW) == Baseline.State.NEW));
  }

  /** True when evidence was missing: an unwaived UNKNOWN, or a call the collectors could not make. */
  public boolean isIncomplete() {
    return count(Status.UNKNOWN) > 0 || !collectionErrors.isEmpty();
  }
}
