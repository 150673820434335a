package io.trailwarden.remediate;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwarden.aws.ClientFactory;
import io.trailwarden.remediate.Journal.Event;
import io.trailwarden.remediate.facet.Documents;
import io.trailwarden.remediate.facet.Facet;
import io.trailwarden.remediate.facet.Facets;
import io.trailwarden.remediate.facet.Target;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Applies a plan, and rolls back a journal, with the same guard: a resource is changed only when AWS
 * shows exactly the document the change starts from. Anything else is drift: reported, never
 * overwritten. Every change is journaled before and after its AWS call; a failed change stops only the
 * changes that depend on it.
 */
public final class Applier {
  private static final Set<Event> DONE = Set.of(Event.APPLIED, Event.ALREADY_APPLIED);

  private final ClientFactory aws;
  private final LiveState live;
  private final Journal journal;
  private final String caller;
  private final Clock clock;

  /** What became of one change. */
  public record Outcome(String changeId, String facet, Target target, Event event, String message) {}

  Applier(ClientFactory aws, LiveState live, Journal journal, String caller, Clock clock) {
    this.aws = aws;
    this.live = live;
    this.journal = journal;
    this.caller = caller;
    this.clock = clock;
  }

  /**
   * Applies every change in plan order. {@code refusal} says why config.yaml no longer allows a change
   * (empty when it does).
   */
  List<Outcome> apply(Plan plan, Function<Plan.Change, Optional<String>> refusal) {
    Map<String, Event> results = new HashMap<>();
    List<Outcome> outcomes = new ArrayList<>();
    for (Plan.Change change : plan.changes()) {
      Facet facet = Facets.find(change.facet()).orElseThrow();
      Optional<String> blocked = change.dependsOn().stream().filter(id -> !DONE.contains(results.get(id))).findFirst()
          .map(id -> "skipped: it depends on change " + id + ", which was not applied")
          .or(() -> refusal.apply(change).map(why -> "skipped: " + why));
      Outcome outcome = blocked.isPresent()
          ? record(plan.planId(), change.id(), facet, change.target(), change.before(), change.after(), Event.SKIPPED,
              blocked.get())
          : guardedWrite(plan.planId(), change.id(), facet, change.target(), change.before(), change.after(), false);
      results.put(change.id(), outcome.event());
      outcomes.add(outcome);
    }
    return outcomes;
  }

  /**
   * Restores the before documents of every change the journal shows applied and not yet rolled back,
   * newest first. A change interrupted between its intent and its outcome is included: the guard reads
   * which side AWS is on.
   */
  List<Outcome> rollback(List<Journal.Entry> entries) {
    Map<String, Journal.Entry> applied = new LinkedHashMap<>();
    for (Journal.Entry entry : entries) {
      switch (entry.event()) {
        case INTENT, APPLIED -> applied.put(entry.changeId(), entry);
        case ROLLED_BACK -> applied.remove(entry.changeId());
        default -> { }
      }
    }
    List<Outcome> outcomes = new ArrayList<>();
    applied.values().stream().sorted(Comparator.comparing(Journal.Entry::time).reversed()).forEach(entry -> {
      Facet facet = Facets.find(entry.facet()).orElseThrow(() -> new IllegalStateException(
          "the journal names facet '" + entry.facet() + "', which this TrailWarden does not know"));
      outcomes.add(guardedWrite(entry.planId(), entry.changeId(), facet, entry.target(), entry.after(), entry.before(), true));
    });
    return outcomes;
  }

  private Outcome guardedWrite(String planId, String changeId, Facet facet, Target target, JsonNode from, JsonNode to,
      boolean rollback) {
    if (rollback && Documents.absent(to) && facet.goesWithItsResource()) {
      return record(planId, changeId, facet, target, from, to, Event.ROLLED_BACK,
          "goes with " + target.resource() + " when the rollback of its creation removes it");
    }
    JsonNode current;
    try {
      current = live.read(facet, target);
    } catch (LiveState.Unreadable | SdkException e) {
      return record(planId, changeId, facet, target, from, to, rollback ? Event.ROLLBACK_REFUSED : Event.FAILED,
          "could not read the resource before changing it: " + message(e));
    }
    if (!rollback && Documents.absent(from) && facet.goesWithItsResource() && !Documents.absent(current)) {
      // The plan creates the resource in an earlier change this one depends on, and the creation set
      // this document's first state (a new trail is not logging): that state is the real before.
      from = current;
    }
    if (current.equals(to)) {
      return record(planId, changeId, facet, target, from, to, rollback ? Event.ROLLED_BACK : Event.ALREADY_APPLIED,
          rollback ? "already as it was before" : "already applied");
    }
    boolean resumed = false;
    if (!current.equals(from)) {
      resumed = halfway(facet, from, to, current) && ownedByTrailWarden(facet, target);
      if (!resumed) {
        return record(planId, changeId, facet, target, from, to, rollback ? Event.ROLLBACK_REFUSED : Event.DRIFT,
            "changed since " + (rollback ? "it was applied" : "the plan was made") + "; not overwritten. Now: " + current);
      }
    }
    // An interrupted run left the resource between two calls of this change: go on from where it is.
    JsonNode at = resumed ? current : from;
    record(planId, changeId, facet, target, from, to, rollback ? Event.ROLLBACK_INTENT : Event.INTENT,
        operations(facet, at, to) + (resumed ? " (going on from the state an interrupted run left: " + current + ")" : ""));
    try {
      List<JsonNode> steps = facet.steps(at, to);
      for (JsonNode step : steps) {
        boolean journalCall = steps.size() > 1 || resumed;
        if (journalCall) {
          record(planId, changeId, facet, target, at, step, Event.CALL_INTENT, operations(facet, at, step));
        }
        facet.write(aws, target, at, step);
        if (journalCall) {
          record(planId, changeId, facet, target, at, step, Event.CALL_DONE, operations(facet, at, step));
        }
        at = step;
      }
      JsonNode now = live.read(facet, target);
      if (!now.equals(to)) {
        return record(planId, changeId, facet, target, from, to, rollback ? Event.ROLLBACK_REFUSED : Event.FAILED,
            "AWS accepted the change but now shows " + now);
      }
      return record(planId, changeId, facet, target, from, to, rollback ? Event.ROLLED_BACK : Event.APPLIED,
          rollback ? "rolled back" : "applied");
    } catch (AwsServiceException | LiveState.Unreadable e) {
      return record(planId, changeId, facet, target, from, to, rollback ? Event.ROLLBACK_REFUSED : Event.FAILED, message(e));
    } catch (SdkException e) {
      return record(planId, changeId, facet, target, from, to, rollback ? Event.ROLLBACK_REFUSED : Event.FAILED,
          "no answer from AWS: " + e.getMessage());
    }
  }

  /** True when {@code current} is a state between two calls of the change from {@code from} to {@code to}, or of its rollback. */
  private static boolean halfway(Facet facet, JsonNode from, JsonNode to, JsonNode current) {
    List<JsonNode> forward = facet.steps(from, to);
    List<JsonNode> backward = facet.steps(to, from);
    return forward.subList(0, forward.size() - 1).contains(current) || backward.subList(0, backward.size() - 1).contains(current);
  }

  private boolean ownedByTrailWarden(Facet facet, Target target) {
    try {
      return facet.madeByTrailWarden(aws, target);
    } catch (SdkException | IllegalStateException e) {
      return false;
    }
  }

  private static String operations(Facet facet, JsonNode from, JsonNode to) {
    return String.join(", ", facet.calls(from, to).stream().map(c -> c.service() + ":" + c.operation()).distinct().toList());
  }

  private Outcome record(String planId, String changeId, Facet facet, Target target, JsonNode before, JsonNode after,
      Event event, String message) {
    journal.append(new Journal.Entry(clock.instant(), event, planId, changeId, caller, facet.id(), target, before, after,
        Optional.of(message)));
    return new Outcome(changeId, facet.id(), target, event, message);
  }

  private static String message(Exception e) {
    if (e instanceof AwsServiceException aws && aws.awsErrorDetails() != null) {
      return aws.awsErrorDetails().errorCode() + ": " + aws.awsErrorDetails().errorMessage();
    }
    return e.getMessage();
  }
}
