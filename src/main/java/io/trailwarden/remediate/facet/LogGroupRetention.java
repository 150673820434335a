package io.trailwarden.remediate.facet;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwarden.aws.ClientFactory;
import io.trailwarden.snapshot.Snapshot;
import java.util.List;

/** How long a CloudWatch Logs group keeps events; a null retention means events never expire. */
public final class LogGroupRetention implements Facet {
  public static final LogGroupRetention FACET = new LogGroupRetention();

  private LogGroupRetention() {}

  @Override
  public String id() {
    return "log-group-retention";
  }

  @Override
  public Target.Kind kind() {
    return Target.Kind.LOG_GROUP;
  }

  @Override
  public int order() {
    return 50;
  }

  /** A log group by the ARN a trail names it ({@code arn:aws:logs:REGION:ACCOUNT:log-group:NAME:*}). */
  public static Target target(String logGroupArn) {
    ArnParts arn = ArnParts.parse(logGroupArn);
    String name = arn.resource().replaceFirst("^log-group:", "").replaceFirst(":\\*$", "");
    return new Target(Target.Kind.LOG_GROUP, arn.accountId(), arn.region(), logGroupArn, name);
  }

  @Override
  public JsonNode read(Snapshot snapshot, Target target) {
    var group = snapshot.logGroups().get(target.resource());
    if (group == null) {
      return Documents.none();
    }
    var doc = Documents.object();
    group.retentionInDays().ifPresentOrElse(days -> doc.put("retentionInDays", days), () -> doc.putNull("retentionInDays"));
    return doc;
  }

  @Override
  public List<ApiCall> calls(JsonNode from, JsonNode to) {
    if (Documents.absent(from) || Documents.absent(to) || from.equals(to)) {
      return List.of();
    }
    return to.path("retentionInDays").isNull()
        ? List.of(ApiCall.of("logs", "DeleteRetentionPolicy", "logs:DeleteRetentionPolicy"))
        : List.of(ApiCall.of("logs", "PutRetentionPolicy", "logs:PutRetentionPolicy"));
  }

  @Override
  public void write(ClientFactory aws, Target target, JsonNode from, JsonNode to) {
    if (calls(from, to).isEmpty()) {
      return;
    }
    var logs = aws.logs(target.accountId(), target.region());
    JsonNode days = to.path("retentionInDays");
    if (days.isNull()) {
      logs.deleteRetentionPolicy(r -> r.logGroupName(target.name()));
    } else {
      logs.putRetentionPolicy(r -> r.logGroupName(target.name()).retentionInDays(days.asInt()));
    }
  }
}
