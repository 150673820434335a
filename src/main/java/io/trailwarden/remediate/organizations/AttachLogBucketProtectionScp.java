package io.trailwarden.remediate.organizations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
 * Attaches at the root a new SCP denying the rule's actions (deleting the log bucket, changing its
 * policy or lifecycle) on the log bucket to every principal except the roles exempt_role_patterns
 * names, so the logging account's own administrators cannot destroy the audit record. Several log
 * buckets share the one policy: each edit adds its bucket to the statement's resources.
 */
public final class AttachLogBucketProtectionScp implements Remediation {
  static final String NAME = "trailwarden-protect-log-bucket";
  static final String RULE = "organizations_scp_protects_log_bucket";

  @Override
  public String id() {
    return "AttachLogBucketProtectionScp";
  }

  @Override
  public String ruleId() {
    return RULE;
  }

  @Override
  public List<Proposal> propose(Finding finding, Snapshot snapshot, RemediationContext context) {
    String bucketArn = finding.resource();
    String bucket = bucketArn.replaceFirst("^arn:aws:s3:::", "");
    var owner = snapshot.buckets().containsKey(bucket)
        ? java.util.Optional.of(snapshot.buckets().get(bucket).accountId()) : snapshot.scope().loggingAccountId();
    if (owner.isPresent() && owner.get().equals(snapshot.scope().managementAccountId())) {
      return List.of(new Proposal.Manual("the log bucket " + bucket + " is in the management account, where no SCP applies;"
          + " it must move to the logging account"));
    }
    var obstacle = RootScp.obstacle(snapshot, context, NAME);
    if (obstacle.isPresent()) {
      return List.of(obstacle.get());
    }
    List<String> actions = RootScp.listParam(context, RULE, "actions");
    List<String> exempt = RootScp.listParam(context, RULE, "exempt_role_patterns");
    String root = RootScp.rootId(snapshot);
    return List.of(new Proposal.Fix(ServiceControlPolicy.FACET, RootScp.target(snapshot, NAME),
        "attach at the root an SCP denying " + String.join(", ", actions) + " on " + bucketArn + " to all but "
            + String.join(", ", exempt),
        doc -> edit(doc, bucketArn, actions, exempt, root)));
  }

  /** Creates the policy for the bucket, or adds the bucket to one created by an earlier edit of this plan. */
  static JsonNode edit(JsonNode doc, String bucketArn, List<String> actions, List<String> exempt, String root) {
    if (Documents.absent(doc)) {
      ObjectNode content = RootScp.deny("TrailWardenProtectLogBucket", actions);
      ObjectNode statement = (ObjectNode) content.path("Statement").get(0);
      statement.putArray("Resource").add(bucketArn);
      // The exempt patterns are the rule's own "named security role" patterns, so the exemption counts as named.
      ArrayNode principals = statement.putObject("Condition").putObject("ArnNotLike").putArray("aws:PrincipalArn");
      exempt.forEach(principals::add);
      return ServiceControlPolicy.document(NAME, content, List.of(root));
    }
    ArrayNode resources = (ArrayNode) doc.path("content").path("Statement").path(0).path("Resource");
    if (Documents.contains(resources, bucketArn)) {
      return doc;
    }
    ObjectNode copy = ((ObjectNode) doc).deepCopy();
    ((ArrayNode) copy.path("content").path("Statement").path(0).path("Resource")).add(bucketArn);
    return copy;
  }
}
