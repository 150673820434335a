package io.trailwarden.remediate.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwarden.demo.Seeder;
import io.trailwarden.emulator.ArticleOrganization;
import io.trailwarden.emulator.Moto;
import io.trailwarden.remediate.FacetRoundTrip;
import io.trailwarden.remediate.facet.LogGroupRetention;
import io.trailwarden.remediate.facet.Target;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The facet contract on the emulator for the log group the retention remediation edits: the change is
 * re-read exactly as written, and the rollback restores what was there.
 */
class RaiseLogGroupRetentionIT {
  @RegisterExtension static final Moto MOTO = new Moto();

  static ArticleOrganization.Seeded seed() {
    try (Seeder seeder = new Seeder(MOTO.endpoint())) {
      return ArticleOrganization.seed(seeder, EnumSet.noneOf(ArticleOrganization.Fault.class));
    }
  }

  @Test
  void raisesAndRemovesLogGroupRetention() {
    var seeded = seed();
    Target group = LogGroupRetention.target(seeded.logGroupArn());
    assertThat(group.name()).isEqualTo("acme-cloudtrail");
    try (FacetRoundTrip roundTrip = new FacetRoundTrip(MOTO.endpoint())) {
      var after = roundTrip.check(LogGroupRetention.FACET, group, doc -> RaiseLogGroupRetention.raise(doc, 700));
      assertThat(after.path("retentionInDays").asInt()).isEqualTo(731);
      var forever = roundTrip.check(LogGroupRetention.FACET, group, doc -> RaiseLogGroupRetention.raise(doc, 5000));
      assertThat(forever.path("retentionInDays").isNull()).isTrue();
      assertThat(roundTrip.read(LogGroupRetention.FACET, group).path("retentionInDays").asInt()).isEqualTo(400);
    }
  }
}
