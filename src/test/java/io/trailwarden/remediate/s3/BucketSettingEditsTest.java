package io.trailwarden.remediate.s3;

import static io.trailwarden.remediate.s3.CloudTrailBucketStatementsTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwarden.remediate.facet.BucketPublicAccessBlock;
import io.trailwarden.remediate.facet.BucketVersioning;
import io.trailwarden.remediate.facet.Documents;
import org.junit.jupiter.api.Test;

class BucketSettingEditsTest {
  @Test
  void blockPublicAccessTurnsAllFourOnOnce() {
    JsonNode partial = json("{'blockPublicAcls':true,'ignorePublicAcls':false,'blockPublicPolicy':true,'restrictPublicBuckets':false}");
    JsonNode after = BlockPublicAccess.blockAll(partial);
    assertThat(after).isEqualTo(BucketPublicAccessBlock.blocked());
    assertThat(partial.path("ignorePublicAcls").asBoolean()).isFalse();
    assertThat(BlockPublicAccess.blockAll(after)).isEqualTo(after);
    assertThat(BlockPublicAccess.blockAll(Documents.none())).isEqualTo(BucketPublicAccessBlock.blocked());
  }

  @Test
  void encryptionAcceptsWhatTheRuleAccepts() {
    JsonNode sseS3 = json("{'rules':[{'sseAlgorithm':'AES256','kmsMasterKeyId':null,'bucketKeyEnabled':false}]}");
    assertThat(EnableDefaultEncryption.encrypted(sseS3, false)).isTrue();
    assertThat(EnableDefaultEncryption.encrypted(sseS3, true)).isFalse();
    assertThat(EnableDefaultEncryption.encrypted(Documents.none(), false)).isFalse();
  }

  @Test
  void versioningDocumentsAreOnlyEnabledOrSuspended() {
    assertThat(BucketVersioning.FACET.problem(json("{'status':'Disabled'}"))).isPresent();
    assertThat(BucketVersioning.FACET.problem(json("{'status':'Suspended'}"))).isEmpty();
  }
}
