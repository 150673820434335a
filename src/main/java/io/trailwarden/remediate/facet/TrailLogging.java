package io.trailwarden.remediate.facet;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwarden.aws.ClientFactory;
import io.trailwarden.snapshot.Snapshot;
import java.util.List;

/**
 * Whether a trail is logging (GetTrailStatus IsLogging). Applied last, so a trail only starts once its
 * bucket, key and selectors are in place; the rollback of a start is a stop.
 */
public final class TrailLogging implements Facet {
  public static final TrailLogging FACET = new TrailLogging();

  private TrailLogging() {}

  @Override
  public String id() {
    return "trail-logging";
  }

  @Override
  public Target.Kind kind() {
    return Target.Kind.TRAIL;
  }

  @Override
  public int order() {
    return 90;
  }

  /** Null when the trail is missing or its status could not be read: nothing may be decided on a guess. */
  @Override
  public JsonNode read(Snapshot snapshot, Target target) {
    return TrailSettings.find(snapshot, target.resource()).flatMap(t -> t.status())
        .<JsonNode>map(status -> Documents.object().put("isLogging", status.isLogging()))
        .orElse(Documents.none());
  }

  @Override
  public boolean goesWithItsResource() {
    return true;
  }

  @Override
  public List<ApiCall> calls(JsonNode from, JsonNode to) {
    if (Documents.absent(to) || from.path("isLogging").equals(to.path("isLogging"))) {
      return List.of();
    }
    return to.path("isLogging").asBoolean()
        ? List.of(ApiCall.of("cloudtrail", "StartLogging", "cloudtrail:StartLogging"))
        : List.of(ApiCall.of("cloudtrail", "StopLogging", "cloudtrail:StopLogging"));
  }

  @Override
  public void write(ClientFactory aws, Target target, JsonNode from, JsonNode to) {
    if (calls(from, to).isEmpty()) {
      return;
    }
    var cloudTrail = aws.cloudTrail(target.accountId(), target.region());
    if (to.path("isLogging").asBoolean()) {
      cloudTrail.startLogging(r -> r.name(target.resource()));
    } else {
      cloudTrail.stopLogging(r -> r.name(target.resource()));
    }
  }
}
