package io.trailwarden.remediate.cloudtrail;

import io.trailwarden.finding.Finding;
import io.trailwarden.remediate.Proposal;
import io.trailwarden.remediate.Remediation;
import io.trailwarden.remediate.RemediationContext;
import io.trailwarden.remediate.facet.TrailSettings;
import io.trailwarden.snapshot.Snapshot;
import io.trailwarden.snapshot.Trail;
import java.util.List;

/** A remediation of an organization trail's finding: a trail the snapshot does not hold cannot be judged for a fix. */
public abstract class TrailRemediation implements Remediation {
  @Override
  public final List<Proposal> propose(Finding finding, Snapshot snapshot, RemediationContext context) {
    return TrailSettings.find(snapshot, finding.resource()).map(trail -> propose(trail, snapshot, context))
        .orElse(List.of(new Proposal.Manual("the trail " + finding.resource() + " is not in the snapshot")));
  }

  /** The proposals for a trail the snapshot holds. */
  protected abstract List<Proposal> propose(Trail trail, Snapshot snapshot, RemediationContext context);
}
