package io.trailwarden.remediate.organizations;

import static io.trailwarden.remediate.RuleBench.fixes;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwarden.remediate.Proposal;
import io.trailwarden.remediate.RuleBench;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each remediation, on a snapshot that fails its rule, proposes edits that make the real rule pass;
 * every edit is idempotent, and a second plan on the fixed snapshot is empty.
 */
class OrganizationRemediationsPassRulesTest {
  @Test
  void enableCloudTrailTrustedAccess() {
    ObjectNode tree = RuleBench.example();
    ((ObjectNode) tree.path("organization")).putArray("serviceAccess").add("config.amazonaws.com");
    ObjectNode fixed = fixes(tree, "organizations_cloudtrail_trusted_access_enabled", false);
    assertThat(fixed.path("organization").path("serviceAccess").toString()).contains("cloudtrail.amazonaws.com");
  }

  @Test
  void attachCloudTrailProtectionScpAtTheRootOnceForEveryAccount() {
    ObjectNode tree = RuleBench.example();
    List<Proposal> proposals = RuleBench.propose(tree, "organizations_scp_protects_cloudtrail", true);
    assertThat(proposals).hasSize(2);
    ObjectNode fixed = fixes(tree, "organizations_scp_protects_cloudtrail", true);
    JsonNode scp = scp(fixed, AttachCloudTrailProtectionScp.NAME);
    assertThat(scp.path("targets").toString()).isEqualTo("[\"r-ab12\"]");
    // The user's own SCP is untouched.
    assertThat(scp(fixed, "protect-cloudtrail")).isEqualTo(scp(tree, "protect-cloudtrail"));
  }

  @Test
  void attachLogBucketProtectionScpExemptsOnlyNamedSecurityRoles() {
    ObjectNode tree = RuleBench.example();
    ArrayNode scps = (ArrayNode) tree.path("scps");
    for (int i = scps.size() - 1; i >= 0; i--) {
      if (scps.get(i).path("name").asText().equals("protect-log-archive")) {
        scps.remove(i);
      }
    }
    ObjectNode fixed = fixes(tree, "organizations_scp_protects_log_bucket", true);
    JsonNode statement = scp(fixed, AttachLogBucketProtectionScp.NAME).path("document").path("Statement").get(0);
    assertThat(statement.path("Resource").toString()).isEqualTo("[\"arn:aws:s3:::acme-org-cloudtrail-logs\"]");
    assertThat(statement.path("Condition").path("ArnNotLike").path("aws:PrincipalArn")).hasSize(3);
  }

  static JsonNode scp(JsonNode tree, String name) {
    for (JsonNode scp : tree.path("scps")) {
      if (scp.path("name").asText().equals(name)) {
        return scp;
      }
    }
    throw new AssertionError("no SCP " + name);
  }
}
