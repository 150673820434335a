package io.trailwarden.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * A log bucket's configuration. An empty value means S3 reported none (no policy, no lifecycle, no
 * access logging); a failed read is recorded in the snapshot's errors, naming the bucket.
 */
public record Bucket(
    String accountId,
    String region,
    Optional<JsonNode> policy,
    Optional<PublicAccessBlock> publicAccessBlock,
    Optional<PublicAccessBlock> accountPublicAccessBlock,
    Optional<Versioning> versioning,
    Optional<ObjectLock> objectLock,
    Optional<List<LifecycleRule>> lifecycleRules,
    Optional<Encryption> encryption,
    Optional<Logging> logging,
    Optional<String> ownershipControls,
    Optional<Acl> acl) {

  public record PublicAccessBlock(
      boolean blockPublicAcls, boolean ignorePublicAcls, boolean blockPublicPolicy, boolean restrictPublicBuckets) {}

  /** {@code status} is Enabled, Suspended or Disabled (never enabled); mfaDelete Enabled or Disabled. */
  public record Versioning(String status, String mfaDelete) {}

  public record ObjectLock(boolean enabled, Optional<String> mode, Optional<Integer> days, Optional<Integer> years) {}

  /**
   * A lifecycle rule and its filter: {@code prefix} is the filter's (or legacy) prefix, empty for every
   * object; {@code tags} the object tags it requires (Filter.Tag or And.Tags, empty for none); the object
   * size bounds in bytes (Filter or And ObjectSizeGreaterThan / ObjectSizeLessThan). A rule applies to
   * an object only when every part of its filter matches.
   */
  public record LifecycleRule(
      Optional<String> id,
      String status,
      Optional<String> prefix,
      java.util.SortedMap<String, String> tags,
      Optional<Long> objectSizeGreaterThan,
      Optional<Long> objectSizeLessThan,
      List<Transition> transitions,
      Optional<Integer> expirationDays,
      List<Transition> noncurrentVersionTransitions,
      Optional<Integer> noncurrentVersionExpirationDays) {
    public LifecycleRule {
      tags = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(tags));
      transitions = List.copyOf(transitions);
      noncurrentVersionTransitions = List.copyOf(noncurrentVersionTransitions);
    }
  }

  public record Transition(int days, String storageClass) {}

  public record Encryption(List<EncryptionRule> rules) {
    public Encryption {
      rules = List.copyOf(rules);
    }
  }

  public record EncryptionRule(String sseAlgorithm, Optional<String> kmsMasterKeyId, boolean bucketKeyEnabled) {}

  public record Logging(String targetBucket, String targetPrefix) {}

  public record Acl(Optional<String> owner, List<Grant> grants) {
    public Acl {
      grants = List.copyOf(grants);
    }
  }

  public record Grant(String granteeType, Optional<String> granteeId, Optional<String> granteeUri, String permission) {}
}
