package io.trailwarden.remediate.s3;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwarden.remediate.Proposal;
import io.trailwarden.remediate.RemediationContext;
import io.trailwarden.remediate.facet.BucketEncryption;
import io.trailwarden.remediate.facet.Documents;
import io.trailwarden.remediate.facet.Target;
import io.trailwarden.snapshot.Bucket;
import io.trailwarden.snapshot.KmsKey;
import io.trailwarden.snapshot.Snapshot;
import io.trailwarden.snapshot.Trail;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Sets default encryption on the log bucket: SSE-S3 when the rule accepts it, SSE-KMS with the
 * organization trail's own key when the rule's require_kms is on. A key of another region cannot
 * encrypt the bucket, and choosing or creating a key is a decision about who may read the logs, so
 * without the trail's usable key it is left to a person.
 */
public final class EnableDefaultEncryption extends LogBucketRemediation {
  private static final Set<String> KMS = Set.of("aws:kms", "aws:kms:dsse");

  @Override
  public String id() {
    return "EnableDefaultEncryption";
  }

  @Override
  public String ruleId() {
    return "s3_log_bucket_encrypted";
  }

  @Override
  protected List<Proposal> propose(String name, Bucket bucket, Snapshot snapshot, RemediationContext context) {
    boolean requireKms = context.ruleParams().apply(ruleId()).path("require_kms").asBoolean(false);
    Target target = LogBuckets.target(name, bucket);
    if (!requireKms) {
      return List.of(new Proposal.Fix(BucketEncryption.FACET, target, "encrypt new objects of " + name + " with SSE-S3",
          doc -> encrypted(doc, false) ? doc : rules(BucketEncryption.rule("AES256", null, false))));
    }
    Optional<String> key = usableKey(snapshot, name, bucket);
    if (key.isEmpty()) {
      return List.of(new Proposal.Manual("require_kms is on and no organization trail of " + name + " uses an enabled"
          + " KMS key in " + bucket.region() + ": choose a customer managed key whose policy lets S3 use it, then set it"
          + " as the bucket's default encryption"));
    }
    return List.of(new Proposal.Fix(BucketEncryption.FACET, target, "encrypt new objects of " + name + " with SSE-KMS, key "
        + key.get(), doc -> encrypted(doc, true) ? doc : rules(BucketEncryption.rule("aws:kms", key.get(), true))));
  }

  /** Already passes: some rule uses an accepted algorithm. */
  static boolean encrypted(JsonNode doc, boolean requireKms) {
    if (Documents.absent(doc)) {
      return false;
    }
    for (JsonNode rule : doc.path("rules")) {
      String algorithm = rule.path("sseAlgorithm").asText();
      if (KMS.contains(algorithm) || !requireKms && algorithm.equals("AES256")) {
        return true;
      }
    }
    return false;
  }

  private static JsonNode rules(JsonNode rule) {
    var doc = Documents.object();
    doc.putArray("rules").add(rule);
    return doc;
  }

  /** The KMS key of an organization trail writing to the bucket, enabled and in the bucket's region. */
  private static Optional<String> usableKey(Snapshot snapshot, String name, Bucket bucket) {
    return LogBuckets.trails(snapshot, name).stream().map(Trail::kmsKeyId).flatMap(Optional::stream)
        .map(id -> snapshot.kmsKeys().get(id)).filter(k -> k != null && "Enabled".equals(k.keyState())
            && bucket.region().equals(k.region()))
        .map(KmsKey::arn).findFirst();
  }
}
