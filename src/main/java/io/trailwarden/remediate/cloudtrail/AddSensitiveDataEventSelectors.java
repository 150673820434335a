package io.trailwarden.remediate.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwarden.finding.Finding;
import io.trailwarden.remediate.Proposal;
import io.trailwarden.remediate.Remediation;
import io.trailwarden.remediate.RemediationContext;
import io.trailwarden.remediate.facet.Documents;
import io.trailwarden.remediate.facet.TrailEventSelectors;
import io.trailwarden.remediate.facet.TrailSettings;
import io.trailwarden.snapshot.Snapshot;
import io.trailwarden.snapshot.Trail;
import java.util.List;
import java.util.Optional;

/**
 * Makes the organization trail record read and write data events of a sensitive S3 bucket or DynamoDB
 * table (the finding's resource, from organization.sensitiveResources), merged into the selectors it
 * has: a basic trail gets the resource in an "All" selector, an advanced trail a whole-resource
 * advanced selector. Every existing selector is kept.
 */
public final class AddSensitiveDataEventSelectors implements Remediation {
  static final String S3_OBJECT = "AWS::S3::Object";
  static final String DYNAMODB_TABLE = "AWS::DynamoDB::Table";

  /** What to record: the data resource type, the ARN (or ARN prefix) and the advanced operator that keeps it whole. */
  record Resource(String type, String arn, String operator, String selectorName) {}

  @Override
  public String id() {
    return "AddSensitiveDataEventSelectors";
  }

  @Override
  public String ruleId() {
    return "cloudtrail_org_trail_data_events_sensitive";
  }

  @Override
  public List<Proposal> propose(Finding finding, Snapshot snapshot, RemediationContext context) {
    var sensitive = snapshot.scope().sensitiveResources();
    Optional<Resource> resource = sensitive.s3Buckets().stream()
        .filter(b -> finding.resource().equals("arn:aws:s3:::" + b)).findFirst()
        .map(b -> new Resource(S3_OBJECT, "arn:aws:s3:::" + b + "/", "startsWith", "Sensitive S3 objects"))
        .or(() -> sensitive.dynamodbTables().stream().filter(finding.resource()::equals).findFirst()
            .map(t -> new Resource(DYNAMODB_TABLE, t, "equals", "Sensitive DynamoDB tables")));
    if (resource.isEmpty()) {
      return List.of(new Proposal.Manual(finding.resource() + " is not a sensitive resource of the configuration"));
    }
    Optional<Trail> trail = organizationTrail(snapshot);
    if (trail.isEmpty()) {
      return List.of(new Proposal.Manual("there is no organization trail to record the data events; create it first"));
    }
    if (trail.get().eventSelectors().isEmpty() || trail.get().advancedEventSelectors().isEmpty()) {
      return List.of(new Proposal.Manual("the event selectors of " + trail.get().arn() + " are not in the snapshot"));
    }
    return List.of(new Proposal.Fix(TrailEventSelectors.FACET, TrailSettings.target(trail.get()),
        "record read and write data events of " + finding.resource(), doc -> edit(doc, resource.get())));
  }

  /** The organization trail the configuration names, else the first one of the management account. */
  static Optional<Trail> organizationTrail(Snapshot snapshot) {
    List<Trail> trails = snapshot.trails().stream().filter(Trail::isOrganizationTrail)
        .filter(t -> t.accountId().equals(snapshot.scope().managementAccountId())).toList();
    return trails.stream().filter(t -> snapshot.scope().trailName().map(t.name()::equals).orElse(false)).findFirst()
        .or(() -> trails.stream().findFirst());
  }

  static JsonNode edit(JsonNode doc, Resource resource) {
    if (Documents.absent(doc)) {
      return doc;
    }
    return TrailEventSelectors.advanced(doc) ? editAdvanced(doc, resource) : editBasic(doc, resource);
  }

  /** The first "All" selector gets the resource among its data resources; without one, a data-only selector is added. */
  private static JsonNode editBasic(JsonNode doc, Resource resource) {
    ObjectNode copy = ((ObjectNode) doc).deepCopy();
    ArrayNode selectors = (ArrayNode) copy.path("eventSelectors");
    for (JsonNode s : selectors) {
      if (s.path("readWriteType").asText().equals("All")) {
        for (JsonNode data : s.path("dataResources")) {
          if (data.path("type").asText().equals(resource.type())) {
            if (Documents.contains(data.path("values"), resource.arn())) {
              return doc;
            }
            ((ArrayNode) data.path("values")).add(resource.arn());
            return copy;
          }
        }
        ((ArrayNode) s.path("dataResources")).add(SelectorDocuments.dataResource(resource.type(), resource.arn()));
        return copy;
      }
    }
    // A data-only selector: management events are another rule's business.
    ObjectNode added = SelectorDocuments.basic("All", false);
    ((ArrayNode) added.path("dataResources")).add(SelectorDocuments.dataResource(resource.type(), resource.arn()));
    selectors.add(added);
    return copy;
  }

  /**
   * An advanced selector of exactly eventCategory = Data, resources.type = the type and resources.ARN
   * (the operator) listing the resource; one made by an earlier edit gets the resource added.
   */
  private static JsonNode editAdvanced(JsonNode doc, Resource resource) {
    ObjectNode copy = ((ObjectNode) doc).deepCopy();
    ArrayNode selectors = (ArrayNode) copy.path("advancedEventSelectors");
    for (JsonNode s : selectors) {
      if (wholeResourceSelector(s, resource)) {
        JsonNode arns = SelectorDocuments.fieldOf(s, "resources.ARN").path(resource.operator());
        if (Documents.contains(arns, resource.arn())) {
          return doc;
        }
        ((ArrayNode) arns).add(resource.arn());
        return copy;
      }
    }
    selectors.add(SelectorDocuments.advanced(resource.selectorName(),
        SelectorDocuments.field("eventCategory", "equals", "Data"),
        SelectorDocuments.field("resources.type", "equals", resource.type()),
        SelectorDocuments.field("resources.ARN", resource.operator(), resource.arn())));
    return copy;
  }

  private static boolean wholeResourceSelector(JsonNode selector, Resource resource) {
    if (selector.path("fieldSelectors").size() != 3) {
      return false;
    }
    JsonNode category = SelectorDocuments.fieldOf(selector, "eventCategory");
    JsonNode type = SelectorDocuments.fieldOf(selector, "resources.type");
    JsonNode arn = SelectorDocuments.fieldOf(selector, "resources.ARN");
    return !arn.isMissingNode() && SelectorDocuments.only(arn, resource.operator())
        && SelectorDocuments.only(category, "equals") && category.path("equals").size() == 1
        && Documents.contains(category.path("equals"), "Data")
        && SelectorDocuments.only(type, "equals") && type.path("equals").size() == 1
        && Documents.contains(type.path("equals"), resource.type());
  }
}
