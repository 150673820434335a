package io.trailwarden.logs;

import io.trailwarden.logs.digest.Digest;
import io.trailwarden.logs.digest.DigestKeys;
import io.trailwarden.logs.digest.DigestSignature;
import io.trailwarden.logs.digest.GzipMember;
import io.trailwarden.logs.digest.Sha256;
import io.trailwarden.logs.keys.ListedKey;
import io.trailwarden.logs.keys.PublicKeyValue;
import io.trailwarden.logs.store.LogStore;
import io.trailwarden.logs.store.LogStore.StoredObject;
import java.io.IOException;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Verifies the digests of one account and region in a window, and the log files they list, as the
 * AWS CLI's {@code validate-logs} does (required fields, location, signature metadata, SHA256withRSA
 * signature, chain, log file hashes, trailing data), plus what it leaves out: that each digest's
 * {@code previousDigestSignature} and {@code previousDigestHashValue} match the previous digest, and
 * that digests reach the end of the window. Read failures other than "no such key" propagate as
 * {@link LogStore.StoreException}: the chain then could not be judged.
 */
final class ChainVerifier {
  /** The newest digest may not be delivered yet. */
  private static final Duration DELIVERY_DELAY = DigestListing.DELIVERY_DELAY;

  private final LogStore store;
  private final String bucket;
  private final Instant from;
  private final Instant to;
  private final Instant now;

  ChainVerifier(LogStore store, String bucket, Instant from, Instant to, Instant now) {
    this.store = store;
    this.bucket = bucket;
    this.from = from;
    this.to = to;
    this.now = now;
  }

  /** A listed digest as far as it could be read; {@code digest} is null when it could not be parsed. */
  private record Loaded(String key, Instant keyTime, boolean backfill, Digest digest, String signature, String sha256,
      boolean valid) {}

  void verify(DigestKeys folder, Map<String, ListedKey> publicKeys, String region, Tally tally) {
    List<String> listed = DigestListing.inWindow(store, bucket, folder, from, to);
    tally.listed += listed.size();
    Map<String, Loaded> loaded = new LinkedHashMap<>();
    for (String key : listed) {
      load(folder, key, publicKeys, region, tally).ifPresent(l -> loaded.put(key, l));
    }
    checkChain(folder, listed, loaded, tally);
  }

  private Optional<Loaded> load(DigestKeys folder, String key, Map<String, ListedKey> publicKeys, String region, Tally tally) {
    Instant keyTime = folder.digestTime(key).orElseThrow();
    boolean backfill = DigestKeys.isBackfill(key);
    Optional<StoredObject> object = store.get(bucket, key);
    if (object.isEmpty()) {
      tally.problem("missing", key, "listed, then not found: the digest was deleted while it was read");
      return Optional.empty();
    }
    byte[] inflated;
    Map<String, String> metadata;
    try (StoredObject o = object.get()) {
      metadata = o.metadata();
      inflated = GzipMember.inflateAll(o.body());
    } catch (IOException e) {
      tally.problem("invalid", key, "invalid format: " + e.getMessage());
      return Optional.empty();
    }
    Digest digest;
    try {
      digest = Digest.parse(inflated);
    } catch (Digest.FormatException e) {
      tally.problem("invalid", key, "invalid format: " + e.getMessage());
      return Optional.empty();
    }
    String sha256 = Sha256.hex(inflated);
    String signature = metadata.get("signature");
    String algorithm = metadata.get("signature-algorithm");
    Optional<Fault> fault = fault(key, digest, sha256, signature, algorithm, backfill, metadata, publicKeys, region);
    boolean valid = fault.isEmpty();
    fault.ifPresent(f -> tally.problem(f.kind(), key, f.message()));
    if (valid) {
      if (backfill) {
        tally.backfillDigests++;
      } else {
        tally.digests++;
      }
      tally.cover(digest.startTime(), digest.endTime());
      verifyLogFiles(digest, tally);
    }
    return Optional.of(new Loaded(key, keyTime, backfill, digest, signature, sha256, valid));
  }

  private record Fault(String kind, String message) {}

  /** Why the digest is not valid, or empty when it is. */
  private Optional<Fault> fault(String key, Digest digest, String sha256, String signature, String algorithm,
      boolean backfill, Map<String, String> metadata, Map<String, ListedKey> publicKeys, String region) {
    if (signature == null || algorithm == null) {
      return Optional.of(new Fault("invalid", "the object has no x-amz-meta-signature or x-amz-meta-signature-algorithm metadata"));
    }
    if (!DigestSignature.ALGORITHM.equals(algorithm)) {
      return Optional.of(new Fault("invalid", "signature algorithm " + algorithm + " is not " + DigestSignature.ALGORITHM));
    }
    if (backfill && !metadata.containsKey("backfill-generation-timestamp")) {
      return Optional.of(new Fault("invalid", "a backfill digest without x-amz-meta-backfill-generation-timestamp metadata"));
    }
    if (!digest.digestS3Bucket().equals(bucket) || !digest.digestS3Object().equals(key)) {
      return Optional.of(new Fault("moved", "has been moved from its original location s3://" + digest.digestS3Bucket() + "/"
          + digest.digestS3Object()));
    }
    ListedKey listedKey = publicKeys.get(digest.digestPublicKeyFingerprint());
    if (listedKey == null) {
      return Optional.of(new Fault("unknown-key", "no CloudTrail public key for region " + region + " has the fingerprint "
          + digest.digestPublicKeyFingerprint()));
    }
    RSAPublicKey publicKey;
    try {
      publicKey = PublicKeyValue.decode(listedKey.value());
    } catch (IllegalArgumentException e) {
      return Optional.of(new Fault("invalid", "cannot read the public key " + digest.digestPublicKeyFingerprint() + " (" + e.getMessage() + ")"));
    }
    String signed = DigestSignature.signingString(digest.digestEndTime(), digest.digestS3Bucket(), digest.digestS3Object(),
        sha256, digest.previousDigestSignature().orElse(null));
    if (!DigestSignature.verify(signed, signature, publicKey)) {
      return Optional.of(new Fault("invalid", "signature verification failed"));
    }
    return Optional.empty();
  }

  private void verifyLogFiles(Digest digest, Tally tally) {
    for (Digest.LogFile log : digest.logFiles()) {
      if (!log.hashAlgorithm().equals("SHA-256")) {
        tally.problem("log-invalid", log.s3Object(), "hash algorithm " + log.hashAlgorithm() + " is not SHA-256");
        continue;
      }
      Optional<StoredObject> object = store.get(log.s3Bucket(), log.s3Object());
      if (object.isEmpty()) {
        tally.problem("log-missing", log.s3Object(), "listed in a digest, not found in s3://" + log.s3Bucket());
        continue;
      }
      try (StoredObject o = object.get()) {
        GzipMember.Inflated inflated = GzipMember.inflate(o.body(), null);
        if (inflated.trailingData()) {
          tally.problem("log-trailing-data", log.s3Object(), "unexpected data after the end of the compressed stream");
        } else if (!inflated.sha256Hex().equalsIgnoreCase(log.hashValue())) {
          tally.problem("log-modified", log.s3Object(), "its SHA-256 " + inflated.sha256Hex() + " is not the digest's "
              + log.hashValue());
        } else {
          tally.logFiles++;
          tally.provenLogFiles.add(log.s3Object());
        }
      } catch (IOException e) {
        tally.problem("log-invalid", log.s3Object(), "invalid format: " + e.getMessage());
      }
    }
  }

  /** Follows each verified digest's previous-digest pointer, and looks for the window's end. */
  private void checkChain(DigestKeys folder, List<String> listed, Map<String, Loaded> loaded, Tally tally) {
    List<Loaded> valid = loaded.values().stream().filter(Loaded::valid).toList();
    for (Loaded next : valid) {
      Digest digest = next.digest();
      Optional<String> previousKey = digest.previousDigestS3Object();
      if (previousKey.isEmpty() || digest.previousDigestSignature().isEmpty()) {
        if (!next.backfill()) {
          earlier(folder, listed, next).ifPresent(before -> tally.problem("gap", next.key(), "the chain starts again here: "
              + "no digest links it to " + before + ", so CloudTrail signed nothing between that digest and "
              + digest.digestStartTime() + " (logging or log file validation was off)"));
        }
        continue;
      }
      String previousBucket = digest.previousDigestS3Bucket().orElse(bucket);
      if (!previousBucket.equals(bucket)) {
        tally.problem("gap", next.key(), "the chain continues in bucket " + previousBucket + ", which this run does not read");
        continue;
      }
      Loaded previous = loaded.get(previousKey.get());
      if (previous != null) {
        if (!digest.previousDigestSignature().get().equals(previous.signature())) {
          tally.problem("chain-mismatch", next.key(), "previousDigestSignature is not the signature of " + previous.key());
        } else if (digest.previousDigestHashValue().map(h -> !h.equalsIgnoreCase(previous.sha256())).orElse(false)) {
          tally.problem("chain-mismatch", next.key(), "previousDigestHashValue is not the SHA-256 of " + previous.key());
        }
        continue;
      }
      Optional<Instant> previousTime = folder.digestTime(previousKey.get());
      boolean inWindow = previousTime.map(t -> !t.isBefore(from)).orElse(false);
      if (inWindow && !exists(previousKey.get())) {
        tally.problem("missing", previousKey.get(), "not found; " + next.key() + " names it as its previous digest");
      }
    }
    List<Loaded> standard = valid.stream().filter(l -> !l.backfill()).toList();
    Instant limit = (to.isBefore(now.minus(DELIVERY_DELAY)) ? to : now.minus(DELIVERY_DELAY)).minus(DELIVERY_DELAY);
    if (!standard.isEmpty()) {
      Loaded newest = standard.get(standard.size() - 1);
      if (newest.digest().endTime().isBefore(limit)) {
        tally.problem("missing", newest.key(), "the newest digest ends at " + newest.digest().digestEndTime()
            + "; none covers the time from then to " + to);
      }
    }
  }

  private static Optional<String> earlier(DigestKeys folder, List<String> listed, Loaded next) {
    String before = null;
    for (String key : listed) {
      if (!DigestKeys.isBackfill(key) && folder.digestTime(key).orElseThrow().isBefore(next.keyTime())) {
        before = key;
      }
    }
    return Optional.ofNullable(before);
  }

  private boolean exists(String key) {
    Optional<StoredObject> object = store.get(bucket, key);
    object.ifPresent(StoredObject::close);
    return object.isPresent();
  }
}
