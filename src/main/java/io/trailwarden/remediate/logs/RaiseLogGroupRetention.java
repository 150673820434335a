package io.trailwarden.remediate.logs;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwarden.remediate.Proposal;
import io.trailwarden.remediate.RemediationContext;
import io.trailwarden.remediate.cloudtrail.TrailRemediation;
import io.trailwarden.remediate.facet.Documents;
import io.trailwarden.remediate.facet.LogGroupRetention;
import io.trailwarden.snapshot.Snapshot;
import io.trailwarden.snapshot.Trail;
import java.util.List;

/**
 * Raises the retention of the trail's log group to min_retention_days, rounded up to a period
 * CloudWatch Logs accepts. It never lowers a retention, and "never expire" stays.
 */
public final class RaiseLogGroupRetention extends TrailRemediation {
  static final String RULE = "cloudtrail_org_trail_cloudwatch_logs_enabled";
  /** The only retention periods PutRetentionPolicy accepts. */
  static final List<Integer> PERIODS = List.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827,
      2192, 2557, 2922, 3288, 3653);

  @Override
  public String id() {
    return "RaiseLogGroupRetention";
  }

  @Override
  public String ruleId() {
    return RULE;
  }

  /** The smallest accepted period of at least {@code days}; null (never expire) beyond the longest. */
  static Integer roundUp(int days) {
    return PERIODS.stream().filter(p -> p >= days).findFirst().orElse(null);
  }

  /** Sets the retention to {@code days} (rounded up) unless events are already kept that long or forever. */
  static JsonNode raise(JsonNode doc, int days) {
    if (Documents.absent(doc)) {
      return doc;
    }
    JsonNode current = doc.path("retentionInDays");
    if (current.isNull() || current.isMissingNode() || current.asInt() >= days) {
      return doc;
    }
    return Documents.with(doc, "retentionInDays", roundUp(days));
  }

  @Override
  protected List<Proposal> propose(Trail trail, Snapshot snapshot, RemediationContext context) {
    if (trail.cloudWatchLogsLogGroupArn().isEmpty()) {
      return List.of(new Proposal.Manual("delivery to CloudWatch Logs needs an IAM role that CloudTrail assumes to write"
          + " to the log group; creating roles is left to the account's owners"));
    }
    String group = trail.cloudWatchLogsLogGroupArn().get();
    if (!snapshot.logGroups().containsKey(group)) {
      return List.of(new Proposal.Manual("the log group " + group + " is not in the snapshot"));
    }
    int days = context.intParam(RULE, "min_retention_days");
    return List.of(new Proposal.Fix(LogGroupRetention.FACET, LogGroupRetention.target(group),
        "keep log events at least " + days + " days", doc -> raise(doc, days)));
  }
}
