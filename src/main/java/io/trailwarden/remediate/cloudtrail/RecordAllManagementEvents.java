package io.trailwarden.remediate.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwarden.remediate.Proposal;
import io.trailwarden.remediate.RemediationContext;
import io.trailwarden.remediate.facet.Documents;
import io.trailwarden.remediate.facet.Target;
import io.trailwarden.remediate.facet.TrailEventSelectors;
import io.trailwarden.remediate.facet.TrailSettings;
import io.trailwarden.snapshot.Snapshot;
import io.trailwarden.snapshot.Trail;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes the organization trail record all read and write management events from every event source,
 * global services included. Data event selectors are kept as they are; the trail keeps the kind of
 * selectors (basic or advanced) it uses.
 */
public final class RecordAllManagementEvents extends TrailRemediation {
  static final String SELECTOR_NAME = "All management events";

  @Override
  public String id() {
    return "RecordAllManagementEvents";
  }

  @Override
  public String ruleId() {
    return "cloudtrail_org_trail_management_events_all";
  }

  @Override
  protected List<Proposal> propose(Trail trail, Snapshot snapshot, RemediationContext context) {
    Target target = TrailSettings.target(trail);
    List<Proposal> proposals = new ArrayList<>();
    if (!trail.includeGlobalServiceEvents()) {
      proposals.add(new Proposal.Fix(TrailSettings.FACET, target, "include global service events (IAM, STS, CloudFront)",
          doc -> Documents.with(doc, "includeGlobalServiceEvents", true)));
    }
    if (trail.eventSelectors().isPresent() && trail.advancedEventSelectors().isPresent()) {
      proposals.add(new Proposal.Fix(TrailEventSelectors.FACET, target,
          "record all read and write management events, no event source excluded", RecordAllManagementEvents::edit));
    }
    return proposals;
  }

  static JsonNode edit(JsonNode doc) {
    if (Documents.absent(doc)) {
      return doc;
    }
    return TrailEventSelectors.advanced(doc) ? editAdvanced(doc) : editBasic(doc);
  }

  /**
   * Basic selectors: the first selector with management events records them all (read and write, no
   * exclusions); without one, a management-only selector is added. A selector that also holds data
   * resources then records their writes too: wider, never narrower.
   */
  private static JsonNode editBasic(JsonNode doc) {
    ArrayNode selectors = (ArrayNode) doc.path("eventSelectors");
    for (JsonNode s : selectors) {
      if (s.path("includeManagementEvents").asBoolean() && s.path("readWriteType").asText().equals("All")
          && s.path("excludeManagementEventSources").isEmpty()) {
        return doc;
      }
    }
    ObjectNode copy = ((ObjectNode) doc).deepCopy();
    ArrayNode edited = (ArrayNode) copy.path("eventSelectors");
    for (JsonNode s : edited) {
      if (s.path("includeManagementEvents").asBoolean()) {
        ((ObjectNode) s).put("readWriteType", "All").putArray("excludeManagementEventSources");
        return copy;
      }
    }
    edited.add(SelectorDocuments.basic("All", true));
    return copy;
  }

  /**
   * Advanced selectors: one selector must be exactly "eventCategory = Management" (no readOnly or
   * eventSource filter). The first management selector becomes that, keeping its name; without one,
   * a new one is added.
   */
  private static JsonNode editAdvanced(JsonNode doc) {
    for (JsonNode s : doc.path("advancedEventSelectors")) {
      if (allManagement(s)) {
        return doc;
      }
    }
    ObjectNode copy = ((ObjectNode) doc).deepCopy();
    ArrayNode edited = (ArrayNode) copy.path("advancedEventSelectors");
    for (JsonNode s : edited) {
      if (Documents.contains(SelectorDocuments.fieldOf(s, "eventCategory").path("equals"), "Management")) {
        ((ObjectNode) s).putArray("fieldSelectors").add(SelectorDocuments.field("eventCategory", "equals", "Management"));
        return copy;
      }
    }
    edited.add(SelectorDocuments.advanced(SELECTOR_NAME, SelectorDocuments.field("eventCategory", "equals", "Management")));
    return copy;
  }

  private static boolean allManagement(JsonNode selector) {
    JsonNode fields = selector.path("fieldSelectors");
    if (fields.size() != 1) {
      return false;
    }
    JsonNode category = fields.get(0);
    return category.path("field").asText().equals("eventCategory") && SelectorDocuments.only(category, "equals")
        && category.path("equals").size() == 1 && category.path("equals").get(0).asText().equals("Management");
  }
}
