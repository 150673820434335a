package io.trailwarden.remediate.cloudtrail;

import io.trailwarden.remediate.Proposal;
import io.trailwarden.remediate.RemediationContext;
import io.trailwarden.remediate.facet.Documents;
import io.trailwarden.remediate.facet.TrailLogging;
import io.trailwarden.remediate.facet.TrailSettings;
import io.trailwarden.snapshot.Snapshot;
import io.trailwarden.snapshot.Trail;
import java.util.ArrayList;
import java.util.List;

/** Starts a stopped organization trail. A delivery error is not fixed here: its cause lives in another resource. */
public final class StartLogging extends TrailRemediation {
  @Override
  public String id() {
    return "StartLogging";
  }

  @Override
  public String ruleId() {
    return "cloudtrail_org_trail_logging";
  }

  @Override
  protected List<Proposal> propose(Trail trail, Snapshot snapshot, RemediationContext context) {
    if (trail.status().isEmpty()) {
      return List.of(new Proposal.Manual("the status of trail " + trail.arn() + " is not in the snapshot"));
    }
    var status = trail.status().get();
    List<Proposal> proposals = new ArrayList<>();
    if (!status.isLogging()) {
      proposals.add(new Proposal.Fix(TrailLogging.FACET, TrailSettings.target(trail), "start logging",
          doc -> Documents.with(doc, "isLogging", true)));
    }
    status.latestDeliveryError().filter(e -> !e.isEmpty()).ifPresent(error -> proposals.add(new Proposal.Manual(
        "CloudTrail fails to deliver (" + error + "): the cause is the bucket policy or the KMS key policy, which"
            + " their own rules fix; restarting the trail would not")));
    return proposals;
  }
}
