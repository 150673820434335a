package io.trailwarden.remediate.s3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwarden.remediate.Proposal;
import io.trailwarden.remediate.RemediationContext;
import io.trailwarden.remediate.facet.BucketPublicAccessBlock;
import io.trailwarden.remediate.facet.Documents;
import io.trailwarden.snapshot.Bucket;
import io.trailwarden.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns on all four Block Public Access settings of the log bucket. The rule also fails on a public
 * policy statement or ACL grant even with the block on (the block makes S3 ignore them, the rule
 * judges what is written): removing those changes who may read the logs, so it is left to a person.
 */
public final class BlockPublicAccess extends LogBucketRemediation {
  private static final Set<String> PUBLIC_GROUPS = Set.of("http://acs.amazonaws.com/groups/global/AllUsers",
      "http://acs.amazonaws.com/groups/global/AuthenticatedUsers");

  @Override
  public String id() {
    return "BlockPublicAccess";
  }

  @Override
  public String ruleId() {
    return "s3_log_bucket_not_public";
  }

  @Override
  protected List<Proposal> propose(String name, Bucket bucket, Snapshot snapshot, RemediationContext context) {
    List<Proposal> proposals = new ArrayList<>();
    proposals.add(new Proposal.Fix(BucketPublicAccessBlock.FACET, LogBuckets.target(name, bucket),
        "turn on all four Block Public Access settings of " + name, BlockPublicAccess::blockAll));
    List<String> statements = PolicyMatch.statements(bucket.policy().orElse(null)).stream()
        .filter(s -> PolicyMatch.isAllow(s) && PolicyMatch.reachesOutsiders(s) && PolicyMatch.conditionHolds(s, PolicyMatch.OUTSIDER))
        .map(s -> s.path("Sid").isTextual() ? "statement " + s.path("Sid").asText() : "a statement without Sid").toList();
    if (!statements.isEmpty()) {
      proposals.add(new Proposal.Manual("the policy of " + name + " allows everyone (" + String.join(", ", statements)
          + "); with the block on S3 ignores it, but whoever relies on it must be asked before it is removed or given a"
          + " condition such as aws:PrincipalOrgID"));
    }
    List<String> grants = bucket.acl().map(Bucket.Acl::grants).orElse(List.of()).stream()
        .filter(g -> g.granteeUri().filter(PUBLIC_GROUPS::contains).isPresent())
        .map(g -> g.permission() + " to " + g.granteeUri().orElseThrow()).toList();
    if (!grants.isEmpty()) {
      proposals.add(new Proposal.Manual("the ACL of " + name + " grants " + String.join(", ", grants)
          + "; remove them (aws s3api put-bucket-acl --acl private, or BucketOwnerEnforced ownership) once nobody"
          + " depends on them"));
    }
    return proposals;
  }

  /** All four settings on; unchanged when they already are. */
  public static JsonNode blockAll(JsonNode doc) {
    if (Documents.absent(doc)) {
      return BucketPublicAccessBlock.blocked();
    }
    ObjectNode copy = ((ObjectNode) doc).deepCopy();
    BucketPublicAccessBlock.SETTINGS.forEach(s -> copy.put(s, true));
    return copy;
  }
}
