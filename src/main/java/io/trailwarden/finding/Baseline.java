package io.trailwarden.finding;

import io.trailwarden.InvalidInputException;
import io.trailwarden.policy.Severity;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A previous run's failures, by fingerprint (rule + resource, stable across runs and versions), read
 * from its JSON report. Compared with a new evaluation it tells which failures are new, which were
 * there before, and which are fixed.
 *
 * @param source the report file, for messages
 */
public record Baseline(String source, String managementAccountId, Optional<String> organizationId, Map<String, Failure> failures) {

  public Baseline {
    failures = java.util.Collections.unmodifiableMap(new TreeMap<>(failures));
  }

  /** The failures of a previous evaluation (read back from its JSON report). */
  public static Baseline of(String source, Evaluation previous) {
    Map<String, Failure> failures = new TreeMap<>();
    previous.findings().stream().filter(Finding::isActiveFailure).forEach(f -> failures.put(f.fingerprint(),
        new Failure(f.fingerprint(), f.ruleId(), f.resource(), f.severity(), f.message())));
    return new Baseline(source, previous.managementAccountId(), previous.organizationId(), failures);
  }

  /** A failure of the baseline run. */
  public record Failure(String fingerprint, String ruleId, String resource, Severity severity, String message) {}

  /** What a current failure is relative to the baseline. */
  public enum State {
    /** Not failing in the baseline: news. */
    NEW,
    /** Failing in the baseline too. */
    EXISTING;

    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * The comparison: the state of every current failure, and the baseline's failures that no longer
   * fail (fixed, or their resource is gone), most severe first.
   */
  public record Comparison(String source, Map<String, State> states, List<Failure> fixed) {
    public Comparison {
      states = java.util.Collections.unmodifiableMap(new TreeMap<>(states));
      fixed = List.copyOf(fixed);
    }

    public Optional<State> stateOf(Finding finding) {
      return Optional.ofNullable(states.get(finding.fingerprint()));
    }

    public long count(State state) {
      return states.values().stream().filter(s -> s == state).count();
    }
  }

  /** Compares; a baseline of another organization or management account is refused, naming the file. */
  public Comparison compare(Evaluation evaluation) {
    if (!organizationId.equals(evaluation.organizationId()) || !managementAccountId.equals(evaluation.managementAccountId())) {
      throw new InvalidInputException(source + ": the baseline is of organization " + organizationId.orElse("(none)")
          + " (management account " + managementAccountId + "), this run of " + evaluation.organizationId().orElse("(none)")
          + " (management account " + evaluation.managementAccountId() + "); a baseline compares runs of one organization.");
    }
    Map<String, State> states = evaluation.findings().stream().filter(Finding::isActiveFailure)
        .collect(Collectors.toMap(Finding::fingerprint, f -> failures.containsKey(f.fingerprint()) ? State.EXISTING : State.NEW,
            (a, b) -> a));
    Set<String> failing = states.keySet();
    List<Failure> fixed = failures.values().stream().filter(f -> !failing.contains(f.fingerprint()))
        .sorted(Comparator.comparing(Failure::severity).thenComparing(Failure::ruleId).thenComparing(Failure::resource))
        .toList();
    return new Comparison(source, states, fixed);
  }
}
