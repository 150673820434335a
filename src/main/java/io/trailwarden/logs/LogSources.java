package io.trailwarden.logs;

import io.trailwarden.aws.ClientFactory;
import io.trailwarden.logs.keys.CloudTrailPublicKeys;
import io.trailwarden.logs.keys.PublicKeySource;
import io.trailwarden.logs.store.LogStore;
import io.trailwarden.logs.store.S3LogStore;
import io.trailwarden.snapshot.Bucket;
import io.trailwarden.snapshot.Snapshot;
import java.util.function.Function;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The online sources of a verification or a fetch: the log bucket read with its owner account's
 * credentials (the logging account's role, where the scanning role may have no access), in the
 * bucket's region, and ListPublicKeys as the management account.
 */
public final class LogSources {
  private LogSources() {}

  /** An S3 client that reads a bucket, and the account whose credentials it uses. */
  public record BucketReader(S3Client s3, String account) {}

  /** Reads as the account that owns the bucket (from the snapshot; else the logging, else the management account). */
  public static BucketReader reader(ClientFactory clients, Snapshot snapshot, String bucket) {
    Bucket known = snapshot.buckets().get(bucket);
    String owner = known != null ? known.accountId()
        : snapshot.scope().loggingAccountId().orElse(snapshot.scope().managementAccountId());
    String region = known != null ? known.region() : snapshot.scope().homeRegion().orElse("us-east-1");
    return new BucketReader(clients.s3(owner, region), owner);
  }

  /** A store per bucket name. */
  public static Function<String, LogStore> s3(ClientFactory clients, Snapshot snapshot) {
    return bucket -> {
      BucketReader reader = reader(clients, snapshot, bucket);
      return new S3LogStore(reader.s3(), reader.account());
    };
  }

  public static PublicKeySource cloudTrail(ClientFactory clients, Snapshot snapshot) {
    return new CloudTrailPublicKeys(clients, snapshot.scope().managementAccountId());
  }
}
