package io.trailwarden.logs.fetch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwarden.AtomicFiles;
import io.trailwarden.Json;
import io.trailwarden.logs.store.Locker;
import io.trailwarden.logs.store.LogStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeMap;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Copies S3 objects into a directory in the {@link Locker} layout (the evidence locker, and the
 * investigations' download cache): each through a {@code .part} file, moved into place only once its
 * bytes match the S3 ETag (MD5 for a single-part upload, the length otherwise) and the caller's check
 * passed, so nothing half-written is ever there; a file already there with the same ETag is not read again.
 */
public final class ObjectCopier {
  private final S3Client s3;
  private final String account;

  public enum Result { COPIED, ALREADY_THERE, NOT_FOUND }

  /** A check of the downloaded bytes before they are moved into place; it throws to refuse them. */
  @FunctionalInterface
  public interface Check {
    Check NONE = part -> {};

    void check(Path part) throws IOException;
  }

  /** @param account the account whose credentials read, named in error messages */
  public ObjectCopier(S3Client s3, String account) {
    this.s3 = s3;
    this.account = account;
  }

  /** Copies an object whose ETag is not known yet (HeadObject first), with its user metadata in a sidecar when asked. */
  public Result copy(String bucket, String key, Path dir, boolean sidecar) throws IOException {
    HeadObjectResponse head;
    try {
      head = s3.headObject(r -> r.bucket(bucket).key(key));
    } catch (NoSuchKeyException e) {
      return Result.NOT_FOUND;
    } catch (AwsServiceException e) {
      if (e.statusCode() == 404) {
        return Result.NOT_FOUND;
      }
      throw new LogStore.StoreException(e.awsErrorDetails() == null ? "HTTP " + e.statusCode() : e.awsErrorDetails().errorCode(),
          "s3 HeadObject on s3://" + bucket + "/" + key + " as account " + account + ": " + e.getMessage());
    }
    String eTag = unquote(head.eTag());
    Path file = Locker.file(dir, key);
    Path metadataFile = Locker.metadataFile(dir, key);
    if (Files.isRegularFile(file) && matches(file, eTag, head.contentLength()) && (!sidecar || Files.isRegularFile(metadataFile))) {
      return Result.ALREADY_THERE;
    }
    if (sidecar) {
      ObjectNode meta = Json.mapper().createObjectNode();
      meta.put("bucket", bucket);
      meta.put("key", key);
      meta.put("eTag", eTag);
      meta.set("metadata", Json.mapper().valueToTree(new TreeMap<>(head.metadata())));
      AtomicFiles.write(metadataFile, Json.pretty(meta));
    }
    download(bucket, key, eTag, head.contentLength(), file, Check.NONE);
    return Result.COPIED;
  }

  /** Copies an object whose ETag and length a listing gave: no call at all when the file is already there. */
  public Result copy(String bucket, String key, String listedETag, long length, Path dir, Check check) throws IOException {
    String eTag = unquote(listedETag);
    Path file = Locker.file(dir, key);
    if (Files.isRegularFile(file) && matches(file, eTag, length)) {
      return Result.ALREADY_THERE;
    }
    try {
      download(bucket, key, eTag, length, file, check);
    } catch (NoSuchKeyException e) {
      return Result.NOT_FOUND;
    }
    return Result.COPIED;
  }

  private void download(String bucket, String key, String eTag, long length, Path file, Check check) throws IOException {
    Files.createDirectories(file.getParent());
    Path part = file.resolveSibling(file.getFileName() + ".part");
    MessageDigest md5 = md5();
    try {
      try (InputStream body = new DigestInputStream(s3.getObject(r -> r.bucket(bucket).key(key).ifMatch("\"" + eTag + "\"")), md5);
          OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
              StandardOpenOption.WRITE)) {
        body.transferTo(out);
      } catch (AwsServiceException e) {
        if (e instanceof NoSuchKeyException) {
          throw e;
        }
        throw new LogStore.StoreException(e.awsErrorDetails() == null ? "HTTP " + e.statusCode() : e.awsErrorDetails().errorCode(),
            "s3 GetObject on s3://" + bucket + "/" + key + " as account " + account + ": " + e.getMessage());
      }
      if (!sameContent(HexFormat.of().formatHex(md5.digest()), Files.size(part), eTag, length)) {
        throw new LogStore.StoreException("ETagMismatch", "s3://" + bucket + "/" + key + ": the bytes read do not match ETag " + eTag);
      }
      check.check(part);
      try (FileChannel channel = FileChannel.open(part, StandardOpenOption.WRITE)) {
        channel.force(true);
      }
      Files.move(part, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(part);
    }
  }

  private static boolean matches(Path file, String eTag, long length) throws IOException {
    if (Files.size(file) != length) {
      return false;
    }
    MessageDigest md5 = md5();
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), md5)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return sameContent(HexFormat.of().formatHex(md5.digest()), Files.size(file), eTag, length);
  }

  // A multipart upload's ETag is not the MD5 of the object ("<md5 of the parts' md5s>-<parts>"): the length must do.
  private static boolean sameContent(String md5, long size, String eTag, long length) {
    return size == length && (eTag.contains("-") || md5.equalsIgnoreCase(eTag));
  }

  private static String unquote(String eTag) {
    return eTag == null ? "" : eTag.replace("\"", "");
  }

  private static MessageDigest md5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no MD5", e);
    }
  }
}
