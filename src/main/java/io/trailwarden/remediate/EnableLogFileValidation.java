package io.trailwarden.remediate;

import io.trailwarden.finding.Finding;
import io.trailwarden.snapshot.Snapshot;
import java.util.List;

/** Turns on log file integrity validation, so CloudTrail delivers signed digest files. */
public final class EnableLogFileValidation implements Remediation {
  @Override
  public String id() {
    return "EnableLogFileValidation";
  }

  @Override
  public String ruleId() {
    return "cloudtrail_org_trail_log_file_validation_enabled";
  }

  @Override
  public List<Proposal> propose(Finding finding, Snapshot snapshot, RemediationContext context) {
    return TrailSettings.find(snapshot, finding.resource())
        .<List<Proposal>>map(trail -> List.of(new Proposal.Fix(TrailSettings.FACET, TrailSettings.target(trail),
            "enable log file validation", doc -> Documents.with(doc, "logFileValidationEnabled", true))))
        .orElse(List.of(new Proposal.Manual("the trail " + finding.resource() + " is not in the snapshot")));
  }
}
