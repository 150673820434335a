package io.trailwarden.remediate.cloudtrail;

import io.trailwarden.remediate.Proposal;
import io.trailwarden.remediate.RemediationContext;
import io.trailwarden.remediate.facet.Documents;
import io.trailwarden.remediate.facet.TrailSettings;
import io.trailwarden.snapshot.Snapshot;
import io.trailwarden.snapshot.Trail;
import java.util.List;

/** Makes the organization trail record every region. */
public final class MakeTrailMultiRegion extends TrailRemediation {
  @Override
  public String id() {
    return "MakeTrailMultiRegion";
  }

  @Override
  public String ruleId() {
    return "cloudtrail_org_trail_multi_region_enabled";
  }

  @Override
  protected List<Proposal> propose(Trail trail, Snapshot snapshot, RemediationContext context) {
    return List.of(new Proposal.Fix(TrailSettings.FACET, TrailSettings.target(trail),
        "make the trail multi-region (with global service events, which CloudTrail requires of it)",
        // UpdateTrail refuses a multi-region trail without global service events.
        doc -> Documents.with(Documents.with(doc, "isMultiRegionTrail", true), "includeGlobalServiceEvents", true)));
  }
}
