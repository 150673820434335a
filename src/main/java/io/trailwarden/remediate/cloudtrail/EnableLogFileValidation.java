package io.trailwarden.remediate.cloudtrail;

import io.trailwarden.remediate.Proposal;
import io.trailwarden.remediate.RemediationContext;
import io.trailwarden.remediate.facet.Documents;
import io.trailwarden.remediate.facet.TrailSettings;
import io.trailwarden.snapshot.Snapshot;
import io.trailwarden.snapshot.Trail;
import java.util.List;

/** Turns on log file integrity validation, so CloudTrail delivers signed digest files. */
public final class EnableLogFileValidation extends TrailRemediation {
  @Override
  public String id() {
    return "EnableLogFileValidation";
  }

  @Override
  public String ruleId() {
    return "cloudtrail_org_trail_log_file_validation_enabled";
  }

  @Override
  protected List<Proposal> propose(Trail trail, Snapshot snapshot, RemediationContext context) {
    return List.of(new Proposal.Fix(TrailSettings.FACET, TrailSettings.target(trail),
        "enable log file validation", doc -> Documents.with(doc, "logFileValidationEnabled", true)));
  }
}
