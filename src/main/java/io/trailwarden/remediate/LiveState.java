package io.trailwarden.remediate;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwarden.collect.ResourceReader;
import io.trailwarden.remediate.facet.Facet;
import io.trailwarden.remediate.facet.Target;
import io.trailwarden.snapshot.CollectionError;
import io.trailwarden.snapshot.Snapshot;
import java.util.List;

/** A facet's document as AWS has it now: the target re-read by the collectors, then read by the facet. */
final class LiveState {
  private final ResourceReader reader;

  public LiveState(ResourceReader reader) {
    this.reader = reader;
  }

  /** Thrown when the resource could not be read: no change may be judged or made on a guess. */
  public static final class Unreadable extends RuntimeException {
    public Unreadable(Target target, List<CollectionError> errors) {
      super("cannot read " + target.resource() + ": " + String.join("; ", errors.stream()
          .map(e -> e.service() + " " + e.operation() + " " + e.code() + " " + e.message()).toList()));
    }
  }

  public JsonNode read(Facet facet, Target target) {
    Snapshot snapshot = switch (target.kind()) {
      case ORGANIZATION -> reader.organization();
      case BUCKET -> reader.bucket(target.accountId(), target.name());
      case TRAIL -> reader.trail(target.resource());
      case KMS_KEY -> reader.kmsKey(target.resource());
      case LOG_GROUP, METRIC_FILTER -> reader.logGroup(target.resource());
      case ALARM -> reader.alarm(target.accountId(), target.region(), target.name());
      case SNS_TOPIC -> reader.snsTopic(target.resource());
    };
    if (!snapshot.errors().isEmpty()) {
      throw new Unreadable(target, snapshot.errors());
    }
    return facet.read(snapshot, target);
  }
}
