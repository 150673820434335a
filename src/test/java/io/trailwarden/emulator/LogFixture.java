package io.trailwarden.emulator;

import io.trailwarden.demo.LogDelivery;
import io.trailwarden.logs.digest.DigestKeys;
import io.trailwarden.logs.digest.GzipMember;
import io.trailwarden.logs.keys.ListedKey;
import io.trailwarden.logs.keys.PublicKeySource;
import io.trailwarden.logs.keys.SavedPublicKeys;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Delivered CloudTrail logs on the emulator, which has none: realistic gzipped {@code Records} log
 * files and a signed digest chain per account and region ({@link LogDelivery}), signed with an RSA key
 * pair made for this test run, and the tampering an attacker (or an accident) would do to them. The
 * verifier learns the key as a saved ListPublicKeys answer, since the emulator has no ListPublicKeys.
 * Reusable by any test that needs delivered logs: {@code logs verify}, {@code logs fetch}, and the
 * investigations ({@code logs query}), whose events {@link #events} writes among the chains' everyday ones.
 */
public final class LogFixture {
  public static final String TRAIL = "org-trail";
  public static final String HOME_REGION = "us-east-1";

  private final S3Client s3;
  private final String bucket;
  private final Optional<String> organizationId;
  private final Optional<String> keyPrefix;
  private final String trailName;
  private final LogDelivery delivery;
  private final Random random = new Random(7);
  /** CloudTrail's key in this run; made fresh, never stored. */
  public final LogDelivery.Signer signer = LogDelivery.Signer.generate();
  /** The window the chains are written in: the hours before the last full hour. */
  public final Instant end = Instant.now().truncatedTo(ChronoUnit.HOURS);

  public LogFixture(S3Client s3, String bucket, Optional<String> organizationId, Optional<String> keyPrefix, String trailName) {
    this.s3 = s3;
    this.bucket = bucket;
    this.organizationId = organizationId;
    this.keyPrefix = keyPrefix;
    this.trailName = trailName;
    this.delivery = new LogDelivery(s3, bucket);
  }

  /** A fixture that makes its own bucket in the client's account. */
  public static LogFixture withNewBucket(S3Client s3, String bucket, String organizationId) {
    s3.createBucket(r -> r.bucket(bucket));
    return new LogFixture(s3, bucket, Optional.of(organizationId), Optional.empty(), TRAIL);
  }

  public String bucket() {
    return bucket;
  }

  public DigestKeys keys(String account, String region) {
    return new DigestKeys(keyPrefix, organizationId, account, region, trailName, HOME_REGION);
  }

  /** The start of the window of {@code hours} hours ending at {@link #end}. */
  public Instant start(int hours) {
    return end.minus(Duration.ofHours(hours));
  }

  /** {@code hours} hours of one account and region ending at {@link #end}, signed with this run's key. */
  public LogDelivery.Delivered chain(String account, String region, int hours, int logFilesPerHour) {
    return chain(account, region, hours, logFilesPerHour, signer);
  }

  public LogDelivery.Delivered chain(String account, String region, int hours, int logFilesPerHour, LogDelivery.Signer by) {
    return delivery.deliver(keys(account, region), start(hours), hours, logFilesPerHour, by, random);
  }

  /** Two chains back to back with nothing linking them: logging was off in between. */
  public LogDelivery.Delivered chainFrom(String account, String region, Instant start, int hours, int logFilesPerHour) {
    return delivery.deliver(keys(account, region), start, hours, logFilesPerHour, signer, random);
  }

  public String backfill(String account, String region, Instant hour) {
    return delivery.backfill(keys(account, region), hour, signer, random);
  }

  /** The verifier's keys: this run's key, as ListPublicKeys would list it. */
  public PublicKeySource publicKeys() {
    ListedKey key = signer.listed(end.minus(Duration.ofDays(30)), end.plus(Duration.ofDays(30)));
    return (region, from, to) -> List.of(key);
  }

  /** This run's key as a saved ListPublicKeys answer, the way an auditor keeps it. */
  public Path savePublicKeys(Path file) {
    try {
      Files.writeString(file, SavedPublicKeys.toJson(List.of(signer.listed(end.minus(Duration.ofDays(30)),
          end.plus(Duration.ofDays(30))))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /**
   * Log files of the given records in the folder of the account and region that logged them (the
   * record's {@code recipientAccountId} and {@code awsRegion}), one file per record, delivered five
   * minutes after it: the events an investigation looks for, among the chains' everyday ones.
   */
  public List<String> events(io.trailwarden.demo.TrailEvent... events) {
    List<String> keys = new java.util.ArrayList<>();
    for (io.trailwarden.demo.TrailEvent event : events) {
      var node = event.node();
      Instant at = Instant.parse(node.get("eventTime").asText());
      keys.add(delivery.putRecords(keys(node.get("recipientAccountId").asText(), node.get("awsRegion").asText()),
          at.plus(Duration.ofMinutes(5)), List.of(node), random));
    }
    return keys;
  }

  /** Writes raw bytes at a key, as a damaged or stray file would be. */
  public void putRaw(String key, byte[] body) {
    s3.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromBytes(body));
  }

  /** Rewrites an object's uncompressed contents, keeping its metadata (so a digest keeps its signature). */
  public void edit(String key, UnaryOperator<String> change) {
    var object = s3.getObjectAsBytes(r -> r.bucket(bucket).key(key));
    String text;
    try {
      text = new String(GzipMember.inflateAll(new ByteArrayInputStream(object.asByteArray())), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    put(key, LogDelivery.gzip(change.apply(text).getBytes(java.nio.charset.StandardCharsets.UTF_8)), object.response().metadata());
  }

  /**
   * Rewrites a digest and signs it anew with this run's key: a digest that verifies on its own but was
   * spliced in from elsewhere, which only the chain checks can catch.
   */
  public void editAndResign(String key, UnaryOperator<String> change) {
    var object = s3.getObjectAsBytes(r -> r.bucket(bucket).key(key));
    byte[] json;
    io.trailwarden.logs.digest.Digest digest;
    try {
      json = change.apply(new String(GzipMember.inflateAll(new ByteArrayInputStream(object.asByteArray())),
          java.nio.charset.StandardCharsets.UTF_8)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
      digest = io.trailwarden.logs.digest.Digest.parse(json);
    } catch (IOException | io.trailwarden.logs.digest.Digest.FormatException e) {
      throw new IllegalStateException(e);
    }
    String signature = io.trailwarden.logs.digest.DigestSignature.sign(
        io.trailwarden.logs.digest.DigestSignature.signingString(digest, json), signer.keys().getPrivate());
    Map<String, String> metadata = new java.util.HashMap<>(object.response().metadata());
    metadata.put("signature", signature);
    put(key, LogDelivery.gzip(json), metadata);
  }

  /** Appends bytes after the gzip member, as a careless concatenation would. */
  public void appendTrailingData(String key) {
    var object = s3.getObjectAsBytes(r -> r.bucket(bucket).key(key));
    byte[] body = object.asByteArray();
    byte[] longer = java.util.Arrays.copyOf(body, body.length + 5);
    System.arraycopy("extra".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, longer, body.length, 5);
    put(key, longer, object.response().metadata());
  }

  public void delete(String key) {
    s3.deleteObject(r -> r.bucket(bucket).key(key));
  }

  /** Moves an object to another key, metadata and all. */
  public void move(String key, String to) {
    var object = s3.getObjectAsBytes(r -> r.bucket(bucket).key(key));
    put(to, object.asByteArray(), object.response().metadata());
    delete(key);
  }

  private void put(String key, byte[] body, Map<String, String> metadata) {
    s3.putObject(r -> r.bucket(bucket).key(key).metadata(metadata), RequestBody.fromBytes(body));
  }
}
