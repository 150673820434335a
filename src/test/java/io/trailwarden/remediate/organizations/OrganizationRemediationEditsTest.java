package io.trailwarden.remediate.organizations;

import static io.trailwarden.remediate.RuleBench.propose;
import static io.trailwarden.remediate.RuleBench.reason;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwarden.remediate.RuleBench;
import io.trailwarden.remediate.facet.Documents;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The edits on small documents (copy, never mutate; only their own fields) and the cases left to people. */
class OrganizationRemediationEditsTest {
  @Test
  void logBucketScpEditsFoldIntoOnePolicy() {
    List<String> actions = List.of("s3:DeleteBucket");
    List<String> exempt = List.of("arn:aws:iam::*:role/*security*");
    JsonNode one = AttachLogBucketProtectionScp.edit(Documents.none(), "arn:aws:s3:::a", actions, exempt, "r-1");
    JsonNode two = AttachLogBucketProtectionScp.edit(one, "arn:aws:s3:::b", actions, exempt, "r-1");
    assertThat(two.path("content").path("Statement").get(0).path("Resource")).hasSize(2);
    assertThat(AttachLogBucketProtectionScp.edit(two, "arn:aws:s3:::a", actions, exempt, "r-1")).isEqualTo(two);
    assertThat(one.path("content").path("Statement").get(0).path("Resource")).as("not mutated").hasSize(1);
  }

  @Test
  void rootScpsNeedTheirOwnAllowanceAndEnabledScps() {
    String account = "arn:aws:organizations::111111111111:account/o-a1b2c3d4e5/222222222222";
    ObjectNode tree = RuleBench.example();
    assertThat(reason(propose(new AttachCloudTrailProtectionScp(), tree, account, false)))
        .isEqualTo(RootScp.ROOT_NOT_ALLOWED);
    ObjectNode disabled = RuleBench.example();
    ((ObjectNode) disabled.path("organization").path("roots").get(0)).putArray("policyTypesEnabled");
    assertThat(reason(propose(new AttachCloudTrailProtectionScp(), disabled, account, true))).contains("not enabled");
    assertThat(reason(propose(new AttachLogBucketProtectionScp(), disabled, "arn:aws:s3:::acme-org-cloudtrail-logs", true)))
        .contains("not enabled");
  }

  @Test
  void anExistingScpWithTheFixedNameIsNeverEdited() {
    String account = "arn:aws:organizations::111111111111:account/o-a1b2c3d4e5/222222222222";
    ObjectNode tree = RuleBench.example();
    ((ObjectNode) OrganizationRemediationsPassRulesTest.scp(tree, "protect-cloudtrail")).put("name", AttachCloudTrailProtectionScp.NAME);
    assertThat(reason(propose(new AttachCloudTrailProtectionScp(), tree, account, true))).contains("never edited");
  }

  @Test
  void aLogBucketInTheManagementAccountIsLeftToPeople() {
    ObjectNode tree = RuleBench.example();
    ((ObjectNode) tree.path("buckets").path("acme-org-cloudtrail-logs")).put("accountId", "111111111111");
    assertThat(reason(propose(new AttachLogBucketProtectionScp(), tree, "arn:aws:s3:::acme-org-cloudtrail-logs", true)))
        .contains("management account");
  }
}
