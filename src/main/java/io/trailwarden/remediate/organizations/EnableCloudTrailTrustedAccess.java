package io.trailwarden.remediate.organizations;

import io.trailwarden.finding.Finding;
import io.trailwarden.remediate.Proposal;
import io.trailwarden.remediate.Remediation;
import io.trailwarden.remediate.RemediationContext;
import io.trailwarden.remediate.facet.Documents;
import io.trailwarden.remediate.facet.OrganizationServiceAccess;
import io.trailwarden.snapshot.Snapshot;
import java.util.List;

/** Gives CloudTrail trusted access to the organization, which organization trails need. */
public final class EnableCloudTrailTrustedAccess implements Remediation {
  static final String CLOUDTRAIL = "cloudtrail.amazonaws.com";

  @Override
  public String id() {
    return "EnableCloudTrailTrustedAccess";
  }

  @Override
  public String ruleId() {
    return "organizations_cloudtrail_trusted_access_enabled";
  }

  @Override
  public List<Proposal> propose(Finding finding, Snapshot snapshot, RemediationContext context) {
    return snapshot.organization()
        .<List<Proposal>>map(org -> List.of(new Proposal.Fix(OrganizationServiceAccess.FACET,
            OrganizationServiceAccess.target(snapshot, org, CLOUDTRAIL), "enable trusted access for " + CLOUDTRAIL,
            doc -> Documents.with(doc, "enabled", true))))
        .orElse(List.of(new Proposal.Manual("the organization is not in the snapshot")));
  }
}
