package io.trailwarden.remediate.facet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwarden.aws.ClientFactory;
import io.trailwarden.snapshot.Snapshot;
import io.trailwarden.snapshot.Trail;
import java.util.List;
import java.util.Optional;

/**
 * A trail's own settings (DescribeTrails): where it delivers and which flags it has. From nothing it
 * creates the trail; to nothing it deletes it (the rollback of a creation); otherwise it updates only
 * the flags that change.
 */
public final class TrailSettings implements Facet {
  public static final TrailSettings FACET = new TrailSettings();

  private TrailSettings() {}

  @Override
  public String id() {
    return "trail-settings";
  }

  @Override
  public Target.Kind kind() {
    return Target.Kind.TRAIL;
  }

  @Override
  public int order() {
    return 60;
  }

  /** The target of a trail as a finding or the snapshot names it. */
  public static Target target(Trail trail) {
    return new Target(Target.Kind.TRAIL, trail.accountId(), trail.homeRegion(), trail.arn(), trail.name());
  }

  /** The trail with this ARN in the snapshot. */
  public static Optional<Trail> find(Snapshot snapshot, String arn) {
    return snapshot.trails().stream().filter(t -> t.arn().equals(arn)).findFirst();
  }

  @Override
  public JsonNode read(Snapshot snapshot, Target target) {
    return find(snapshot, target.resource()).<JsonNode>map(TrailSettings::document).orElse(Documents.none());
  }

  static ObjectNode document(Trail trail) {
    ObjectNode doc = Documents.object();
    doc.put("name", trail.name());
    doc.put("s3BucketName", trail.s3BucketName());
    Documents.put(doc, "s3KeyPrefix", trail.s3KeyPrefix());
    doc.put("isOrganizationTrail", trail.isOrganizationTrail());
    doc.put("isMultiRegionTrail", trail.isMultiRegionTrail());
    doc.put("includeGlobalServiceEvents", trail.includeGlobalServiceEvents());
    doc.put("logFileValidationEnabled", trail.logFileValidationEnabled());
    Documents.put(doc, "kmsKeyId", trail.kmsKeyId());
    Documents.put(doc, "cloudWatchLogsLogGroupArn", trail.cloudWatchLogsLogGroupArn());
    Documents.put(doc, "cloudWatchLogsRoleArn", trail.cloudWatchLogsRoleArn());
    return doc;
  }

  @Override
  public List<ApiCall> calls(JsonNode from, JsonNode to) {
    if (Documents.absent(from)) {
      return List.of(ApiCall.of("cloudtrail", "CreateTrail", "cloudtrail:CreateTrail"));
    }
    if (Documents.absent(to)) {
      return List.of(ApiCall.of("cloudtrail", "DeleteTrail", "cloudtrail:DeleteTrail"));
    }
    return List.of(ApiCall.of("cloudtrail", "UpdateTrail", "cloudtrail:UpdateTrail"));
  }

  @Override
  public void write(ClientFactory aws, Target target, JsonNode from, JsonNode to) {
    var cloudTrail = aws.cloudTrail(target.accountId(), target.region());
    if (Documents.absent(from)) {
      cloudTrail.createTrail(r -> r.name(to.path("name").asText())
          .s3BucketName(to.path("s3BucketName").asText())
          .s3KeyPrefix(Documents.text(to, "s3KeyPrefix").orElse(null))
          .isOrganizationTrail(to.path("isOrganizationTrail").asBoolean())
          .isMultiRegionTrail(to.path("isMultiRegionTrail").asBoolean())
          .includeGlobalServiceEvents(to.path("includeGlobalServiceEvents").asBoolean())
          .enableLogFileValidation(to.path("logFileValidationEnabled").asBoolean())
          .kmsKeyId(Documents.text(to, "kmsKeyId").orElse(null))
          .cloudWatchLogsLogGroupArn(Documents.text(to, "cloudWatchLogsLogGroupArn").orElse(null))
          .cloudWatchLogsRoleArn(Documents.text(to, "cloudWatchLogsRoleArn").orElse(null)));
      return;
    }
    if (Documents.absent(to)) {
      // By name: the trail is in this account and region, and some implementations ignore an ARN here.
      cloudTrail.deleteTrail(r -> r.name(target.name()));
      return;
    }
    cloudTrail.updateTrail(r -> {
      r.name(target.resource());
      changed(from, to, "isOrganizationTrail").ifPresent(r::isOrganizationTrail);
      changed(from, to, "isMultiRegionTrail").ifPresent(r::isMultiRegionTrail);
      changed(from, to, "includeGlobalServiceEvents").ifPresent(r::includeGlobalServiceEvents);
      changed(from, to, "logFileValidationEnabled").ifPresent(r::enableLogFileValidation);
    });
  }

  private static Optional<Boolean> changed(JsonNode from, JsonNode to, String field) {
    return from.path(field).equals(to.path(field)) ? Optional.empty() : Optional.of(to.path(field).asBoolean());
  }
}
