package io.trailwarden.logs.digest;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwarden.Json;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One digest file, as the CloudTrail digest file structure documents it: the hour it covers, where it
 * says it is, the key that signed it, the previous digest it chains to, and the log files it lists.
 * {@code digestEndTime} is kept as written, since the signature covers that text.
 */
public record Digest(
    String digestStartTime,
    String digestEndTime,
    String digestS3Bucket,
    String digestS3Object,
    String digestPublicKeyFingerprint,
    Optional<String> previousDigestS3Bucket,
    Optional<String> previousDigestS3Object,
    Optional<String> previousDigestHashValue,
    Optional<String> previousDigestSignature,
    List<LogFile> logFiles) {

  /** The fields the AWS CLI requires before it validates a digest; previousDigestSignature may be null. */
  static final List<String> REQUIRED = List.of("digestPublicKeyFingerprint", "digestS3Bucket", "digestS3Object",
      "previousDigestSignature", "digestEndTime", "digestStartTime", "logFiles");

  public Digest {
    logFiles = List.copyOf(logFiles);
  }

  /** A log file the digest lists, with the SHA-256 of its uncompressed contents. */
  public record LogFile(String s3Bucket, String s3Object, String hashValue, String hashAlgorithm) {}

  /** The digest is not in the documented format; the message says which field. */
  public static final class FormatException extends Exception {
    public FormatException(String message) {
      super(message);
    }
  }

  public Instant startTime() {
    return Instant.parse(digestStartTime);
  }

  public Instant endTime() {
    return Instant.parse(digestEndTime);
  }

  /** Parses the uncompressed digest JSON. */
  public static Digest parse(byte[] json) throws FormatException {
    JsonNode tree;
    try {
      tree = Json.mapper().readTree(json);
    } catch (IOException e) {
      throw new FormatException("not valid JSON");
    }
    if (tree == null || !tree.isObject()) {
      throw new FormatException("not a JSON object");
    }
    for (String field : REQUIRED) {
      if (!tree.has(field)) {
        throw new FormatException("the required field " + field + " is missing");
      }
    }
    List<LogFile> logs = new ArrayList<>();
    JsonNode files = tree.get("logFiles");
    if (!files.isArray()) {
      throw new FormatException("logFiles is not a list");
    }
    for (JsonNode f : files) {
      logs.add(new LogFile(text(f, "s3Bucket"), text(f, "s3Object"), text(f, "hashValue"),
          optional(f, "hashAlgorithm").orElse("SHA-256")));
    }
    Digest digest = new Digest(text(tree, "digestStartTime"), text(tree, "digestEndTime"), text(tree, "digestS3Bucket"),
        text(tree, "digestS3Object"), text(tree, "digestPublicKeyFingerprint"), optional(tree, "previousDigestS3Bucket"),
        optional(tree, "previousDigestS3Object"), optional(tree, "previousDigestHashValue"),
        optional(tree, "previousDigestSignature"), logs);
    try {
      digest.startTime();
      digest.endTime();
    } catch (DateTimeParseException e) {
      throw new FormatException("digestStartTime or digestEndTime is not a UTC time stamp");
    }
    return digest;
  }

  private static String text(JsonNode node, String field) throws FormatException {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw new FormatException(field + " is missing or not a string");
    }
    return value.asText();
  }

  private static Optional<String> optional(JsonNode node, String field) throws FormatException {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      throw new FormatException(field + " is not a string");
    }
    return Optional.of(value.asText());
  }
}
