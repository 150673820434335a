package io.trailwarden.collect;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwarden.aws.ClientFactory;
import io.trailwarden.snapshot.Bucket;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.LifecycleRuleFilter;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;

/**
 * The log buckets: for each, the account that owns it (found through the candidate accounts' bucket
 * lists), then every setting the rules judge, read in the owner account. "There is none" answers
 * (no policy, no lifecycle, ...) are empty values; failures are errors naming the bucket.
 */
final class S3Collector {
  private static final String SERVICE = "s3";

  private final Calls calls;
  private final ClientFactory clients;
  private final Fanout fanout;
  private final String homeRegion;
  private final Map<String, Optional<Set<String>>> bucketsByAccount = new ConcurrentHashMap<>();
  // The account's Block Public Access is one setting per account: read once, however many of its buckets are collected.
  private final Map<String, Optional<Bucket.PublicAccessBlock>> accountBlocks = new ConcurrentHashMap<>();

  S3Collector(Calls calls, ClientFactory clients, Fanout fanout, String homeRegion) {
    this.calls = calls;
    this.clients = clients;
    this.fanout = fanout;
    this.homeRegion = homeRegion;
  }

  /** @param candidates accounts to look for owners in, most likely first */
  java.util.SortedMap<String, Bucket> collect(Set<String> names, List<String> candidates) {
    Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    fanout.runAll(List.copyOf(names), name -> owner(name, candidates).ifPresentOrElse(
        owner -> bucket(name, owner).ifPresent(b -> buckets.put(name, b)),
        () -> notOwned(name, candidates)));
    return new TreeMap<>(buckets);
  }

  /**
   * No scanned account owns the bucket. S3 answers NoSuchBucket to any caller for a name no account
   * holds, which is evidence (the bucket is gone); a bucket of an account we do not scan answers
   * AccessDenied or its location, and any failure leaves the owner simply unknown.
   */
  private void notOwned(String name, List<String> candidates) {
    if (!candidates.isEmpty()) {
      String asker = candidates.get(0);
      try {
        clients.s3(asker, homeRegion).getBucketLocation(r -> r.bucket(name));
      } catch (AwsServiceException e) {
        if (e.awsErrorDetails() != null && "NoSuchBucket".equals(e.awsErrorDetails().errorCode())) {
          calls.recordAbsent(new Calls.Target(SERVICE, asker, homeRegion), "GetBucketLocation", name, "NoSuchBucket",
              e.awsErrorDetails().errorMessage());
          return;
        }
      } catch (SdkException e) {
        // unanswered: the owner stays unknown below
      }
    }
    calls.record(new Calls.Target(SERVICE, "unknown", homeRegion), "ListBuckets", Optional.of(name),
        "BucketOwnerNotFound", "no scanned account lists this bucket among its own");
  }

  private Optional<String> owner(String name, List<String> candidates) {
    return candidates.stream().filter(account -> listed(account).map(set -> set.contains(name)).orElse(false)).findFirst();
  }

  private Optional<Set<String>> listed(String account) {
    return bucketsByAccount.computeIfAbsent(account, a -> calls.get(new Calls.Target(SERVICE, a, homeRegion), "ListBuckets",
        Optional.empty(), () -> Set.copyOf(clients.s3(a, homeRegion).listBucketsPaginator(r -> { }).buckets().stream()
            .map(b -> b.name()).toList())));
  }

  Optional<Bucket> bucket(String name, String account) {
    Optional<String> resource = Optional.of(name);
    var location = calls.get(new Calls.Target(SERVICE, account, homeRegion), "GetBucketLocation", resource,
        () -> clients.s3(account, homeRegion).getBucketLocation(r -> r.bucket(name)).locationConstraintAsString());
    if (location.isEmpty() && calls.failedOn("GetBucketLocation", name)) {
      return Optional.empty();
    }
    String region = region(location.orElse(""));
    Calls.Target target = new Calls.Target(SERVICE, account, region);
    S3Client s3 = clients.s3(account, region);

    Optional<JsonNode> policy = calls.getOrNone(target, "GetBucketPolicy", resource, Set.of("NoSuchBucketPolicy"),
        () -> s3.getBucketPolicy(r -> r.bucket(name)).policy()).flatMap(text -> calls.policy(target, "GetBucketPolicy", resource, text));
    Optional<Bucket.PublicAccessBlock> block = calls.getOrNone(target, "GetPublicAccessBlock", resource,
        Set.of("NoSuchPublicAccessBlockConfiguration"),
        () -> publicAccessBlock(s3.getPublicAccessBlock(r -> r.bucket(name)).publicAccessBlockConfiguration()));
    Optional<Bucket.PublicAccessBlock> accountBlock = accountBlock(account, region);
    Optional<Bucket.Versioning> versioning = calls.get(target, "GetBucketVersioning", resource, () -> {
      var v = s3.getBucketVersioning(r -> r.bucket(name));
      return new Bucket.Versioning(v.statusAsString() == null ? "Disabled" : v.statusAsString(),
          "Enabled".equals(v.mfaDeleteAsString()) ? "Enabled" : "Disabled");
    });
    Optional<Bucket.ObjectLock> objectLock = calls.getOrNone(target, "GetObjectLockConfiguration", resource,
        Set.of("ObjectLockConfigurationNotFoundError"), () -> {
          var c = s3.getObjectLockConfiguration(r -> r.bucket(name)).objectLockConfiguration();
          var retention = c.rule() == null ? null : c.rule().defaultRetention();
          return new Bucket.ObjectLock("Enabled".equals(c.objectLockEnabledAsString()),
              Optional.ofNullable(retention).map(d -> d.modeAsString()),
              Optional.ofNullable(retention).map(d -> d.days()), Optional.ofNullable(retention).map(d -> d.years()));
        });
    Optional<List<Bucket.LifecycleRule>> lifecycle = calls.getOrNone(target, "GetBucketLifecycleConfiguration", resource,
        Set.of("NoSuchLifecycleConfiguration"),
        () -> s3.getBucketLifecycleConfiguration(r -> r.bucket(name)).rules().stream().map(S3Collector::lifecycleRule).toList());
    Optional<Bucket.Encryption> encryption = calls.getOrNone(target, "GetBucketEncryption", resource,
        Set.of("ServerSideEncryptionConfigurationNotFoundError"),
        () -> new Bucket.Encryption(s3.getBucketEncryption(r -> r.bucket(name)).serverSideEncryptionConfiguration().rules().stream()
            .map(rule -> new Bucket.EncryptionRule(rule.applyServerSideEncryptionByDefault().sseAlgorithmAsString(),
                Optional.ofNullable(rule.applyServerSideEncryptionByDefault().kmsMasterKeyID()),
                Boolean.TRUE.equals(rule.bucketKeyEnabled())))
            .toList()));
    Optional<Bucket.Logging> logging = calls.get(target, "GetBucketLogging", resource,
        () -> s3.getBucketLogging(r -> r.bucket(name)).loggingEnabled())
        .map(l -> new Bucket.Logging(l.targetBucket(), l.targetPrefix() == null ? "" : l.targetPrefix()));
    Optional<String> ownership = calls.getOrNone(target, "GetBucketOwnershipControls", resource,
        Set.of("OwnershipControlsNotFoundError"),
        () -> s3.getBucketOwnershipControls(r -> r.bucket(name)).ownershipControls().rules().stream()
            .map(rule -> rule.objectOwnershipAsString()).findFirst().orElse(null));
    Optional<Bucket.Acl> acl = calls.get(target, "GetBucketAcl", resource, () -> {
      var a = s3.getBucketAcl(r -> r.bucket(name));
      return new Bucket.Acl(Optional.ofNullable(a.owner()).map(o -> o.id()), a.grants().stream()
          .map(g -> new Bucket.Grant(g.grantee().typeAsString(), Optional.ofNullable(g.grantee().id()),
              Optional.ofNullable(g.grantee().uri()), g.permissionAsString()))
          .toList());
    });
    return Optional.of(new Bucket(account, region, policy, block, accountBlock, versioning, objectLock, lifecycle,
        encryption, logging, ownership, acl));
  }

  private Optional<Bucket.PublicAccessBlock> accountBlock(String account, String region) {
    return accountBlocks.computeIfAbsent(account, a -> calls.getOrNone(new Calls.Target("s3control", account, region),
        "GetPublicAccessBlock", Optional.of(account), Set.of("NoSuchPublicAccessBlockConfiguration"),
        () -> {
          var c = clients.s3Control(account, region).getPublicAccessBlock(r -> r.accountId(account)).publicAccessBlockConfiguration();
          return new Bucket.PublicAccessBlock(Boolean.TRUE.equals(c.blockPublicAcls()), Boolean.TRUE.equals(c.ignorePublicAcls()),
              Boolean.TRUE.equals(c.blockPublicPolicy()), Boolean.TRUE.equals(c.restrictPublicBuckets()));
        }));
  }

  /** The rule with its whole filter: a legacy prefix, or Filter's Prefix, Tag, sizes, or And of them. */
  static Bucket.LifecycleRule lifecycleRule(LifecycleRule rule) {
    @SuppressWarnings("deprecation")
    String prefix = rule.prefix();
    Map<String, String> tags = new TreeMap<>();
    Long greaterThan = null;
    Long lessThan = null;
    LifecycleRuleFilter filter = rule.filter();
    if (filter != null) {
      var and = filter.and();
      prefix = filter.prefix() != null ? filter.prefix() : and != null && and.prefix() != null ? and.prefix() : prefix;
      if (filter.tag() != null) {
        tags.put(filter.tag().key(), filter.tag().value());
      }
      if (and != null && and.hasTags()) {
        and.tags().forEach(t -> tags.put(t.key(), t.value()));
      }
      greaterThan = filter.objectSizeGreaterThan() != null ? filter.objectSizeGreaterThan() : and == null ? null : and.objectSizeGreaterThan();
      lessThan = filter.objectSizeLessThan() != null ? filter.objectSizeLessThan() : and == null ? null : and.objectSizeLessThan();
    }
    return new Bucket.LifecycleRule(
        Optional.ofNullable(rule.id()),
        rule.statusAsString(),
        Optional.ofNullable(prefix),
        new TreeMap<>(tags),
        Optional.ofNullable(greaterThan),
        Optional.ofNullable(lessThan),
        rule.transitions().stream().filter(t -> t.days() != null)
            .map(t -> new Bucket.Transition(t.days(), t.storageClassAsString())).toList(),
        Optional.ofNullable(rule.expiration()).map(e -> e.days()),
        rule.noncurrentVersionTransitions().stream().filter(t -> t.noncurrentDays() != null)
            .map(t -> new Bucket.Transition(t.noncurrentDays(), t.storageClassAsString())).toList(),
        Optional.ofNullable(rule.noncurrentVersionExpiration()).map(e -> e.noncurrentDays()));
  }

  private static Bucket.PublicAccessBlock publicAccessBlock(PublicAccessBlockConfiguration c) {
    return new Bucket.PublicAccessBlock(Boolean.TRUE.equals(c.blockPublicAcls()), Boolean.TRUE.equals(c.ignorePublicAcls()),
        Boolean.TRUE.equals(c.blockPublicPolicy()), Boolean.TRUE.equals(c.restrictPublicBuckets()));
  }

  /** GetBucketLocation answers "" for us-east-1 and the legacy "EU" for eu-west-1. */
  private static String region(String constraint) {
    return switch (constraint) {
      case "", "null" -> "us-east-1";
      case "EU" -> "eu-west-1";
      default -> constraint;
    };
  }
}
