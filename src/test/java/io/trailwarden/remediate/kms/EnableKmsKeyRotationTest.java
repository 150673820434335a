package io.trailwarden.remediate.kms;

import static io.trailwarden.remediate.RuleBench.fixes;
import static io.trailwarden.remediate.RuleBench.propose;
import static io.trailwarden.remediate.RuleBench.reason;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwarden.remediate.RuleBench;
import org.junit.jupiter.api.Test;

/**
 * The key rotation fix: the cases left to people (no key, an AWS managed key), and the real rule
 * passing after the fix.
 */
class EnableKmsKeyRotationTest {
  static final String TRAIL = "arn:aws:cloudtrail:us-east-1:111111111111:trail/acme-org-trail";
  static final String KEY = "arn:aws:kms:us-east-1:222222222222:key/0f1e2d3c-4b5a-6978-8091-a2b3c4d5e6f7";

  @Test
  void aMissingOrAwsManagedKeyIsLeftToPeople() {
    ObjectNode tree = RuleBench.example();
    RuleBench.orgTrail(tree).putNull("kmsKeyId");
    assertThat(reason(propose(new EnableKmsKeyRotation(), tree, TRAIL, false))).contains("design decision");
    ObjectNode aws = RuleBench.example();
    ((ObjectNode) aws.path("kmsKeys").path(KEY)).put("keyManager", "AWS");
    assertThat(reason(propose(new EnableKmsKeyRotation(), aws, TRAIL, false))).contains("AWS managed");
  }

  @Test
  void enableKmsKeyRotation() {
    ObjectNode tree = RuleBench.example();
    ((ObjectNode) tree.path("kmsKeys").path(KEY)).put("rotationEnabled", false);
    ObjectNode fixed = fixes(tree, "cloudtrail_org_trail_kms_encryption_enabled", false);
    assertThat(fixed.path("kmsKeys").path(KEY).path("rotationEnabled").asBoolean()).isTrue();
  }
}
