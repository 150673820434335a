package io.trailwarden.remediate.organizations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwarden.Json;
import io.trailwarden.collect.ResourceReader;
import io.trailwarden.config.Config;
import io.trailwarden.config.OrganizationSettings;
import io.trailwarden.demo.Seeder;
import io.trailwarden.emulator.ArticleOrganization;
import io.trailwarden.emulator.Moto;
import io.trailwarden.remediate.FacetRoundTrip;
import io.trailwarden.remediate.Proposal;
import io.trailwarden.remediate.Remediation;
import io.trailwarden.remediate.RemediationContext;
import io.trailwarden.remediate.RuleBench;
import io.trailwarden.remediate.facet.ApiCall;
import io.trailwarden.remediate.facet.Documents;
import io.trailwarden.remediate.facet.OrganizationServiceAccess;
import io.trailwarden.remediate.facet.ServiceControlPolicy;
import io.trailwarden.remediate.facet.Target;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The facet contract on the emulator for every facet the Organizations remediations edit: the change
 * is re-read exactly as written, and the rollback restores what was there.
 */
class OrganizationRemediationFacetsIT {
  @RegisterExtension static final Moto MOTO = new Moto();

  static ArticleOrganization.Seeded seed() {
    try (Seeder seeder = new Seeder(MOTO.endpoint())) {
      return ArticleOrganization.seed(seeder, EnumSet.noneOf(ArticleOrganization.Fault.class));
    }
  }

  @Test
  void togglesTrustedServiceAccess() {
    seed();
    try (FacetRoundTrip roundTrip = new FacetRoundTrip(MOTO.endpoint())) {
      var snapshot = reader(roundTrip).organization();
      var org = snapshot.organization().orElseThrow();
      Target cloudTrail = OrganizationServiceAccess.target(snapshot, org, EnableCloudTrailTrustedAccess.CLOUDTRAIL);
      roundTrip.check(OrganizationServiceAccess.FACET, cloudTrail, doc -> Documents.with(doc, "enabled", false));
      Target config = OrganizationServiceAccess.target(snapshot, org, "config.amazonaws.com");
      roundTrip.check(OrganizationServiceAccess.FACET, config, doc -> Documents.with(doc, "enabled", true));
    }
  }

  @Test
  void createsAndAttachesTheScpsAtTheRootAndRemovesThemOnRollback() {
    var seeded = seed();
    try (FacetRoundTrip roundTrip = new FacetRoundTrip(MOTO.endpoint())) {
      var snapshot = reader(roundTrip).organization();
      var context = new RemediationContext(new Config.Remediation(null, true, null, null, null, null),
          OrganizationSettings.defaults(), id -> Json.mapper().createObjectNode()
              .<com.fasterxml.jackson.databind.node.ObjectNode>set("actions", Json.mapper().valueToTree(
                  id.equals(AttachCloudTrailProtectionScp.RULE)
                      ? List.of("cloudtrail:StopLogging", "cloudtrail:DeleteTrail", "cloudtrail:UpdateTrail")
                      : List.of("s3:DeleteBucket", "s3:PutBucketPolicy")))
              .set("exempt_role_patterns", Json.mapper().valueToTree(List.of("arn:aws:iam::*:role/*security*"))));
      for (Remediation remediation : List.<Remediation>of(new AttachCloudTrailProtectionScp(), new AttachLogBucketProtectionScp())) {
        String resource = remediation instanceof AttachLogBucketProtectionScp
            ? "arn:aws:s3:::" + ArticleOrganization.BUCKET
            : "arn:aws:organizations::" + Seeder.MANAGEMENT_ACCOUNT + ":account/" + seeded.organizationId() + "/" + seeded.productionAccount();
        var proposals = remediation.propose(RuleBench.failing(remediation.ruleId(), resource), snapshot, context);
        assertThat(proposals).singleElement().isInstanceOf(Proposal.Fix.class);
        var fix = (Proposal.Fix) proposals.get(0);
        JsonNode created = roundTrip.check(fix.facet(), fix.target(), fix.edit());
        assertThat(created.path("targets").toString()).isEqualTo("[\"" + seeded.rootId() + "\"]");
        assertThat(ServiceControlPolicy.FACET.calls(Documents.none(), created)).extracting(ApiCall::iamAction)
            .containsExactly("organizations:CreatePolicy", "organizations:TagResource", "organizations:AttachPolicy");
        assertThat(roundTrip.read(fix.facet(), fix.target())).as("deleted on rollback").isEqualTo(Documents.none());
      }
    }
  }

  static ResourceReader reader(FacetRoundTrip roundTrip) {
    return new ResourceReader(roundTrip.clients(), Seeder.MANAGEMENT_ACCOUNT, Seeder.HOME_REGION, Clock.systemUTC());
  }
}
