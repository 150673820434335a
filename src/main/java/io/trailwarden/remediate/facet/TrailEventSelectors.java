package io.trailwarden.remediate.facet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwarden.Json;
import io.trailwarden.aws.ClientFactory;
import io.trailwarden.snapshot.Snapshot;
import io.trailwarden.snapshot.Trail;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.cloudtrail.model.AdvancedEventSelector;
import software.amazon.awssdk.services.cloudtrail.model.AdvancedFieldSelector;
import software.amazon.awssdk.services.cloudtrail.model.DataResource;
import software.amazon.awssdk.services.cloudtrail.model.EventSelector;

/**
 * A trail's event selectors, basic and advanced, exactly as the snapshot's Trail holds them. A trail
 * uses one kind or the other: PutEventSelectors takes basic OR advanced selectors, never both, and
 * replaces all of them, so the document is always the whole set. Edits keep the kind the trail uses:
 * switching kinds is not portable (moto keeps stored advanced selectors when basic ones are put).
 */
public final class TrailEventSelectors implements Facet {
  public static final TrailEventSelectors FACET = new TrailEventSelectors();
  /** CloudTrail's limit on basic event selectors per trail. */
  static final int MAX_BASIC_SELECTORS = 5;

  private TrailEventSelectors() {}

  @Override
  public String id() {
    return "trail-event-selectors";
  }

  @Override
  public Target.Kind kind() {
    return Target.Kind.TRAIL;
  }

  @Override
  public int order() {
    return 70;
  }

  /** Null when the trail is missing or its selectors could not be read (the rules call that unknown). */
  @Override
  public JsonNode read(Snapshot snapshot, Target target) {
    Optional<Trail> trail = TrailSettings.find(snapshot, target.resource());
    if (trail.isEmpty() || trail.get().eventSelectors().isEmpty() || trail.get().advancedEventSelectors().isEmpty()) {
      return Documents.none();
    }
    ObjectNode doc = Documents.object();
    doc.set("eventSelectors", Json.mapper().valueToTree(trail.get().eventSelectors().get()));
    doc.set("advancedEventSelectors", Json.mapper().valueToTree(trail.get().advancedEventSelectors().get()));
    return doc;
  }

  /** True when the document's selectors are advanced ones (they win: a trail has one kind). */
  public static boolean advanced(JsonNode doc) {
    return doc.path("advancedEventSelectors").size() > 0;
  }

  @Override
  public Optional<String> problem(JsonNode to) {
    if (Documents.absent(to)) {
      return Optional.of("the event selectors of a trail cannot be removed, only replaced");
    }
    if (advanced(to) && to.path("eventSelectors").size() > 0) {
      return Optional.of("a trail has basic or advanced event selectors, never both");
    }
    if (to.path("eventSelectors").size() > MAX_BASIC_SELECTORS) {
      return Optional.of("a trail has at most " + MAX_BASIC_SELECTORS + " basic event selectors; use advanced selectors");
    }
    return Optional.empty();
  }

  @Override
  public List<ApiCall> calls(JsonNode from, JsonNode to) {
    if (Documents.absent(from) || Documents.absent(to) || from.equals(to)) {
      return List.of();
    }
    return List.of(ApiCall.of("cloudtrail", "PutEventSelectors", "cloudtrail:PutEventSelectors"));
  }

  @Override
  public void write(ClientFactory aws, Target target, JsonNode from, JsonNode to) {
    if (calls(from, to).isEmpty()) {
      return;
    }
    var cloudTrail = aws.cloudTrail(target.accountId(), target.region());
    if (advanced(to)) {
      List<AdvancedEventSelector> selectors = new ArrayList<>();
      to.path("advancedEventSelectors").forEach(s -> selectors.add(advancedSelector(s)));
      cloudTrail.putEventSelectors(r -> r.trailName(target.resource()).advancedEventSelectors(selectors));
    } else {
      List<EventSelector> selectors = new ArrayList<>();
      to.path("eventSelectors").forEach(s -> selectors.add(basicSelector(s)));
      cloudTrail.putEventSelectors(r -> r.trailName(target.resource()).eventSelectors(selectors));
    }
  }

  private static EventSelector basicSelector(JsonNode s) {
    List<DataResource> resources = new ArrayList<>();
    s.path("dataResources").forEach(d -> resources.add(DataResource.builder().type(d.path("type").asText())
        .values(texts(d.path("values"))).build()));
    return EventSelector.builder()
        .readWriteType(s.path("readWriteType").asText("All"))
        .includeManagementEvents(s.path("includeManagementEvents").asBoolean(true))
        .dataResources(resources)
        .excludeManagementEventSources(texts(s.path("excludeManagementEventSources")))
        .build();
  }

  private static AdvancedEventSelector advancedSelector(JsonNode s) {
    List<AdvancedFieldSelector> fields = new ArrayList<>();
    s.path("fieldSelectors").forEach(f -> {
      // Operators take one value or more: an empty one is left out of the request, not sent as [].
      var field = AdvancedFieldSelector.builder().field(f.path("field").asText());
      nonEmpty(f, "equals").ifPresent(field::equalsValue);
      nonEmpty(f, "startsWith").ifPresent(field::startsWith);
      nonEmpty(f, "endsWith").ifPresent(field::endsWith);
      nonEmpty(f, "notEquals").ifPresent(field::notEquals);
      nonEmpty(f, "notStartsWith").ifPresent(field::notStartsWith);
      nonEmpty(f, "notEndsWith").ifPresent(field::notEndsWith);
      fields.add(field.build());
    });
    return AdvancedEventSelector.builder().name(Documents.text(s, "name").orElse(null)).fieldSelectors(fields).build();
  }

  private static Optional<List<String>> nonEmpty(JsonNode field, String operator) {
    List<String> values = texts(field.path(operator));
    return values.isEmpty() ? Optional.empty() : Optional.of(values);
  }

  private static List<String> texts(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }
}
