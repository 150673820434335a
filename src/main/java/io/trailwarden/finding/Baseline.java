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
   * The comparison: the state of every current failure; the baseline's failures whose resource was
   * read again and passes (fixed); and those that could not be judged again, UNKNOWN now or not
   * collected at all (not re-checked: missing evidence never reads as fixed). Both most severe first.
   * A baseline failure that is now waived is in neither list: the waived finding says so.
   */
  public record Comparison(String source, Map<String, State> states, List<Failure> fixed, List<Failure> notRechecked) {
    public Comparison {
      states = java.util.Collections.unmodifiableMap(new TreeMap<>(states));
      fixed = List.copyOf(fixed);
      notRechecked = List.copyOf(notRechecked);
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
    Map<String, Status> now = evaluation.findings().stream().collect(Collectors.toMap(Finding::fingerprint, Finding::status, (a, b) -> a));
    Comparator<Failure> order = Comparator.comparing(Failure::severity).thenComparing(Failure::ruleId).thenComparing(Failure::resource);
    List<Failure> fixed = failures.values().stream().filter(f -> now.get(f.fingerprint()) == Status.PASS).sorted(order).toList();
    List<Failure> notRechecked = failures.values().stream()
        .filter(f -> !now.containsKey(f.fingerprint()) || now.get(f.fingerprint()) == Status.UNKNOWN).sorted(order).toList();
    return new Comparison(source, states, fixed, notRechecked);
  }
}
