package io.trailwarden.remediate.kms;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwarden.demo.Seeder;
import io.trailwarden.emulator.ArticleOrganization;
import io.trailwarden.emulator.Moto;
import io.trailwarden.remediate.FacetRoundTrip;
import io.trailwarden.remediate.facet.Documents;
import io.trailwarden.remediate.facet.KmsKeyRotation;
import io.trailwarden.remediate.facet.Target;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The facet contract on the emulator for the KMS key the rotation remediation edits: the change is
 * re-read exactly as written, and the rollback restores what was there.
 */
class EnableKmsKeyRotationIT {
  @RegisterExtension static final Moto MOTO = new Moto();

  static ArticleOrganization.Seeded seed() {
    try (Seeder seeder = new Seeder(MOTO.endpoint())) {
      return ArticleOrganization.seed(seeder, EnumSet.noneOf(ArticleOrganization.Fault.class));
    }
  }

  @Test
  void togglesKeyRotation() {
    var seeded = seed();
    Target key = KmsKeyRotation.target(seeded.kmsKeyArn());
    assertThat(key.accountId()).isEqualTo(seeded.loggingAccount());
    try (FacetRoundTrip roundTrip = new FacetRoundTrip(MOTO.endpoint())) {
      assertThat(roundTrip.read(KmsKeyRotation.FACET, key).path("rotationEnabled").asBoolean()).isTrue();
      roundTrip.check(KmsKeyRotation.FACET, key, doc -> Documents.with(doc, "rotationEnabled", false));
      roundTrip.clients().kms(key.accountId(), key.region()).disableKeyRotation(r -> r.keyId(seeded.kmsKeyArn()));
      roundTrip.check(KmsKeyRotation.FACET, key, doc -> Documents.with(doc, "rotationEnabled", true));
    }
  }
}
