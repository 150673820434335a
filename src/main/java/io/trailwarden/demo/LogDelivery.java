package io.trailwarden.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwarden.Json;
import io.trailwarden.logs.digest.DigestKeys;
import io.trailwarden.logs.digest.DigestSignature;
import io.trailwarden.logs.digest.Pkcs1;
import io.trailwarden.logs.digest.Sha256;
import io.trailwarden.logs.keys.ListedKey;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Plays CloudTrail's part on the emulator, which delivers no logs: writes gzipped log files in the
 * documented {@code Records} format and, hour by hour, the signed digest that lists them and chains
 * to the one before (digest file structure, SHA256withRSA over the documented signing string, the
 * signature in {@code x-amz-meta-signature}). The demo seeder and the tests' fixture use it; the key
 * pair is made at run time and never written anywhere.
 */
public final class LogDelivery {
  private static final String[][] EVENTS = {
      {"ec2.amazonaws.com", "DescribeInstances", "true"}, {"s3.amazonaws.com", "ListBuckets", "true"},
      {"iam.amazonaws.com", "GetRole", "true"}, {"sts.amazonaws.com", "AssumeRole", "true"},
      {"kms.amazonaws.com", "Decrypt", "true"}, {"ec2.amazonaws.com", "CreateTags", "false"},
      {"lambda.amazonaws.com", "UpdateFunctionCode20150331v2", "false"}, {"ssm.amazonaws.com", "GetParameter", "true"}};

  private final S3Client s3;
  private final String bucket;

  public LogDelivery(S3Client s3, String bucket) {
    this.s3 = s3;
    this.bucket = bucket;
  }

  /** CloudTrail's signing key of a region, made at run time; the fingerprint is the MD5 of its PKCS#1 DER, in hex. */
  public record Signer(String fingerprint, KeyPair keys) {
    public static Signer generate() {
      try {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        byte[] der = Pkcs1.encode((RSAPublicKey) keys.getPublic());
        return new Signer(HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(der)), keys);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("cannot make an RSA key pair: " + e.getMessage(), e);
      }
    }

    /** The key as ListPublicKeys lists it: the PKCS#1 DER. */
    public ListedKey listed(Instant validFrom, Instant validTo) {
      return new ListedKey(fingerprint, Pkcs1.encode((RSAPublicKey) keys.getPublic()), Optional.of(validFrom), Optional.of(validTo));
    }
  }

  /** What one chain delivery wrote, oldest first, and the newest digest's signature (the next one chains to it). */
  public record Delivered(List<String> digestKeys, List<String> logKeys, Optional<String> lastSignature) {
    public Delivered {
      digestKeys = List.copyOf(digestKeys);
      logKeys = List.copyOf(logKeys);
    }
  }

  /**
   * Delivers {@code hours} consecutive hours of one account and region from {@code start} (truncated to
   * the hour): {@code logFilesPerHour} log files and one digest per hour, the first digest chaining to nothing.
   */
  public Delivered deliver(DigestKeys keys, Instant start, int hours, int logFilesPerHour, Signer signer, Random random) {
    Instant hour = start.truncatedTo(ChronoUnit.HOURS);
    List<String> digests = new ArrayList<>();
    List<String> logs = new ArrayList<>();
    Previous previous = null;
    for (int h = 0; h < hours; h++) {
      Instant begin = hour.plus(Duration.ofHours(h));
      List<ObjectNode> logFiles = new ArrayList<>();
      for (int f = 0; f < logFilesPerHour; f++) {
        Instant delivered = begin.plus(Duration.ofMinutes(5 + f * 50L / Math.max(1, logFilesPerHour)));
        logFiles.add(putLogFile(keys, delivered, random, logs));
      }
      previous = putDigest(keys, begin, begin.plus(Duration.ofHours(1)), logFiles, previous, signer, false);
      digests.add(previous.key());
    }
    return new Delivered(digests, logs, Optional.ofNullable(previous).map(Previous::signature));
  }

  /** A backfill digest for the hour at {@code start} with one log file of its own; it begins its own chain. */
  public String backfill(DigestKeys keys, Instant start, Signer signer, Random random) {
    Instant begin = start.truncatedTo(ChronoUnit.HOURS);
    List<String> logs = new ArrayList<>();
    ObjectNode logFile = putLogFile(keys, begin.plus(Duration.ofMinutes(30)), random, logs);
    return putDigest(keys, begin, begin.plus(Duration.ofHours(1)), List.of(logFile), null, signer, true).key();
  }

  private record Previous(String key, String signature, String sha256) {}

  /**
   * One log file of the given records, delivered at {@code delivered} (no digest lists it): the
   * events an investigation looks for, written as CloudTrail writes them. Returns its key.
   */
  public String putRecords(DigestKeys keys, Instant delivered, List<ObjectNode> records, Random random) {
    String unique = Long.toHexString(random.nextLong() | Long.MIN_VALUE).toUpperCase().substring(0, 16);
    String key = keys.logKey(delivered, unique);
    ObjectNode file = Json.mapper().createObjectNode();
    file.putArray("Records").addAll(records);
    s3.putObject(r -> r.bucket(bucket).key(key).contentType("application/json").contentEncoding("gzip"),
        RequestBody.fromBytes(gzip(Json.pretty(file).getBytes(StandardCharsets.UTF_8))));
    return key;
  }

  private ObjectNode putLogFile(DigestKeys keys, Instant delivered, Random random, List<String> written) {
    String unique = Long.toHexString(random.nextLong() | Long.MIN_VALUE).toUpperCase().substring(0, 16);
    String key = keys.logKey(delivered, unique);
    ObjectNode file = Json.mapper().createObjectNode();
    ArrayNode records = file.putArray("Records");
    int events = 3 + random.nextInt(6);
    Instant newest = delivered.minus(Duration.ofMinutes(10));
    Instant oldest = newest;
    for (int i = 0; i < events; i++) {
      Instant at = delivered.minus(Duration.ofSeconds(60 + random.nextInt(600)));
      oldest = at.isBefore(oldest) ? at : oldest;
      newest = at.isAfter(newest) ? at : newest;
      records.add(event(keys, at, random));
    }
    byte[] json = Json.pretty(file).getBytes(StandardCharsets.UTF_8);
    s3.putObject(r -> r.bucket(bucket).key(key).contentType("application/json").contentEncoding("gzip"),
        RequestBody.fromBytes(gzip(json)));
    written.add(key);
    ObjectNode entry = Json.mapper().createObjectNode();
    entry.put("s3Bucket", bucket);
    entry.put("s3Object", key);
    entry.put("hashValue", Sha256.hex(json));
    entry.put("hashAlgorithm", "SHA-256");
    entry.put("newestEventTime", newest.truncatedTo(ChronoUnit.SECONDS).toString());
    entry.put("oldestEventTime", oldest.truncatedTo(ChronoUnit.SECONDS).toString());
    return entry;
  }

  private static ObjectNode event(DigestKeys keys, Instant at, Random random) {
    String[] kind = EVENTS[random.nextInt(EVENTS.length)];
    ObjectNode event = Json.mapper().createObjectNode();
    event.put("eventVersion", "1.09");
    ObjectNode identity = event.putObject("userIdentity");
    identity.put("type", "AssumedRole");
    identity.put("principalId", "AROAEXAMPLE" + Integer.toString(100000 + random.nextInt(900000)) + ":deploy");
    identity.put("arn", "arn:aws:sts::" + keys.accountId() + ":assumed-role/Deploy/deploy");
    identity.put("accountId", keys.accountId());
    event.put("eventTime", at.truncatedTo(ChronoUnit.SECONDS).toString());
    event.put("eventSource", kind[0]);
    event.put("eventName", kind[1]);
    event.put("awsRegion", keys.region());
    event.put("sourceIPAddress", "198.51.100." + (1 + random.nextInt(254)));
    event.put("userAgent", "aws-cli/2.15.0 Python/3.11.6 Linux/6.1 exe/x86_64");
    event.putObject("requestParameters").put("maxResults", 100);
    event.putNull("responseElements");
    event.put("requestID", new UUID(random.nextLong(), random.nextLong()).toString());
    event.put("eventID", new UUID(random.nextLong(), random.nextLong()).toString());
    event.put("readOnly", Boolean.parseBoolean(kind[2]));
    event.put("eventType", "AwsApiCall");
    event.put("managementEvent", true);
    event.put("recipientAccountId", keys.accountId());
    event.put("eventCategory", "Management");
    return event;
  }

  private Previous putDigest(DigestKeys keys, Instant start, Instant end, List<ObjectNode> logFiles, Previous previous,
      Signer signer, boolean backfill) {
    String key = keys.digestKey(end, backfill);
    ObjectNode digest = Json.mapper().createObjectNode();
    digest.put("awsAccountId", keys.accountId());
    digest.put("digestStartTime", start.toString());
    digest.put("digestEndTime", end.toString());
    digest.put("digestS3Bucket", bucket);
    digest.put("digestS3Object", key);
    digest.put("digestPublicKeyFingerprint", signer.fingerprint());
    digest.put("digestSignatureAlgorithm", DigestSignature.ALGORITHM);
    digest.put("newestEventTime", logFiles.isEmpty() ? null : logFiles.get(logFiles.size() - 1).get("newestEventTime").asText());
    digest.put("oldestEventTime", logFiles.isEmpty() ? null : logFiles.get(0).get("oldestEventTime").asText());
    digest.put("previousDigestS3Bucket", previous == null ? null : bucket);
    digest.put("previousDigestS3Object", previous == null ? null : previous.key());
    digest.put("previousDigestHashValue", previous == null ? null : previous.sha256());
    digest.put("previousDigestHashAlgorithm", previous == null ? null : "SHA-256");
    digest.put("previousDigestSignature", previous == null ? null : previous.signature());
    digest.putArray("logFiles").addAll(logFiles);
    byte[] json = Json.pretty(digest).getBytes(StandardCharsets.UTF_8);
    String sha256 = Sha256.hex(json);
    String signature = DigestSignature.sign(DigestSignature.signingString(end.toString(), bucket, key, sha256,
        previous == null ? null : previous.signature()), signer.keys().getPrivate());
    Map<String, String> metadata = backfill
        ? Map.of("signature", signature, "signature-algorithm", DigestSignature.ALGORITHM,
            "backfill-generation-timestamp", end.plus(Duration.ofDays(1)).toString())
        : Map.of("signature", signature, "signature-algorithm", DigestSignature.ALGORITHM);
    s3.putObject(r -> r.bucket(bucket).key(key).metadata(metadata).contentType("application/json").contentEncoding("gzip"),
        RequestBody.fromBytes(gzip(json)));
    return new Previous(key, signature, sha256);
  }

  /** One gzip member, as CloudTrail writes its files. */
  public static byte[] gzip(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
