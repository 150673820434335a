package io.trailwarden.remediate;

import io.trailwarden.finding.Finding;
import io.trailwarden.snapshot.Snapshot;
import java.util.List;

/** Makes the organization trail record every region. */
public final class MakeTrailMultiRegion implements Remediation {
  @Override
  public String id() {
    return "MakeTrailMultiRegion";
  }

  @Override
  public String ruleId() {
    return "cloudtrail_org_trail_multi_region_enabled";
  }

  @Override
  public List<Proposal> propose(Finding finding, Snapshot snapshot, RemediationContext context) {
    return TrailSettings.find(snapshot, finding.resource())
        .<List<Proposal>>map(trail -> List.of(new Proposal.Fix(TrailSettings.FACET, TrailSettings.target(trail),
            "make the trail multi-region (with global service events, which CloudTrail requires of it)",
            // UpdateTrail refuses a multi-region trail without global service events.
            doc -> Documents.with(Documents.with(doc, "isMultiRegionTrail", true), "includeGlobalServiceEvents", true))))
        .orElse(List.of(new Proposal.Manual("the trail " + finding.resource() + " is not in the snapshot")));
  }
}
