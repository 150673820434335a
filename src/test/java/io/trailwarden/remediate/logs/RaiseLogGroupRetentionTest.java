package io.trailwarden.remediate.logs;

import static io.trailwarden.remediate.RuleBench.fixes;
import static io.trailwarden.remediate.RuleBench.propose;
import static io.trailwarden.remediate.RuleBench.reason;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwarden.remediate.RuleBench;
import io.trailwarden.remediate.facet.Documents;
import org.junit.jupiter.api.Test;

/**
 * The log group retention edit on small documents (copy, never mutate; rounded up, never lowered), the
 * case left to people, and the real rule passing after the fix.
 */
class RaiseLogGroupRetentionTest {
  static final String TRAIL = "arn:aws:cloudtrail:us-east-1:111111111111:trail/acme-org-trail";

  @Test
  void retentionIsRoundedUpToAnAcceptedPeriodAndNeverLowered() {
    ObjectNode doc = Documents.object().put("retentionInDays", 30);
    assertThat(RaiseLogGroupRetention.raise(doc, 366).path("retentionInDays").asInt()).isEqualTo(400);
    assertThat(RaiseLogGroupRetention.raise(doc, 365).path("retentionInDays").asInt()).isEqualTo(365);
    assertThat(RaiseLogGroupRetention.raise(doc, 4000).path("retentionInDays").isNull()).isTrue();
    ObjectNode longer = Documents.object().put("retentionInDays", 3653);
    assertThat(RaiseLogGroupRetention.raise(longer, 365)).isSameAs(longer);
    ObjectNode forever = Documents.object().putNull("retentionInDays");
    assertThat(RaiseLogGroupRetention.raise(forever, 365)).isSameAs(forever);
    assertThat(doc.path("retentionInDays").asInt()).as("the input is not mutated").isEqualTo(30);
  }

  @Test
  void noLogGroupIsLeftToPeople() {
    ObjectNode tree = RuleBench.example();
    RuleBench.orgTrail(tree).putNull("cloudWatchLogsLogGroupArn").putNull("cloudWatchLogsRoleArn");
    assertThat(reason(propose(new RaiseLogGroupRetention(), tree, TRAIL, false))).contains("IAM role");
  }

  @Test
  void raiseLogGroupRetentionFrom30To365Days() {
    ObjectNode fixed = fixes(RuleBench.example(), "cloudtrail_org_trail_cloudwatch_logs_enabled", false);
    assertThat(fixed.path("logGroups").elements().next().path("retentionInDays").asInt()).isEqualTo(365);
  }
}
