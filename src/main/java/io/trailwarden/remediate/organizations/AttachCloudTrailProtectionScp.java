package io.trailwarden.remediate.organizations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwarden.finding.Finding;
import io.trailwarden.remediate.Proposal;
import io.trailwarden.remediate.Remediation;
import io.trailwarden.remediate.RemediationContext;
import io.trailwarden.remediate.facet.Documents;
import io.trailwarden.remediate.facet.ServiceControlPolicy;
import io.trailwarden.snapshot.Snapshot;
import java.util.List;

/**
 * Attaches at the root a new SCP denying the rule's CloudTrail actions (StopLogging, DeleteTrail,
 * UpdateTrail by default) on every trail, so no member account can stop or change the organization
 * trail. Every failing account proposes the same policy; the plan creates it once.
 */
public final class AttachCloudTrailProtectionScp implements Remediation {
  static final String NAME = "trailwarden-protect-cloudtrail";
  static final String RULE = "organizations_scp_protects_cloudtrail";

  @Override
  public String id() {
    return "AttachCloudTrailProtectionScp";
  }

  @Override
  public String ruleId() {
    return RULE;
  }

  @Override
  public List<Proposal> propose(Finding finding, Snapshot snapshot, RemediationContext context) {
    var obstacle = RootScp.obstacle(snapshot, context, NAME);
    if (obstacle.isPresent()) {
      return List.of(obstacle.get());
    }
    List<String> actions = RootScp.listParam(context, RULE, "actions");
    ObjectNode content = RootScp.deny("TrailWardenProtectCloudTrail", actions);
    // Every trail: member accounts must not stop or change the organization trail, nor their own.
    ((ObjectNode) content.path("Statement").get(0)).put("Resource", "*");
    JsonNode created = ServiceControlPolicy.document(NAME, content, List.of(RootScp.rootId(snapshot)));
    return List.of(new Proposal.Fix(ServiceControlPolicy.FACET, RootScp.target(snapshot, NAME),
        "attach at the root an SCP denying " + String.join(", ", actions),
        // Only ever creates: an existing document (made by an identical edit in the same plan) stays.
        doc -> Documents.absent(doc) ? created.deepCopy() : doc));
  }
}
