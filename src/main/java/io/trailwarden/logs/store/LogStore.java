package io.trailwarden.logs.store;

import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where the log files and digests are read from: the bucket itself ({@link S3LogStore}) or an evidence
 * locker on disk ({@link LockerStore}). The verifier reads both the same way.
 */
public interface LogStore {
  /** Keys under the prefix that sort after {@code startAfter}, in key order, fetched lazily; close the stream. */
  Stream<String> keys(String bucket, String prefix, String startAfter);

  /** The object, or empty when there is no such key. Close the body. */
  Optional<StoredObject> get(String bucket, String key);

  /** An object's body, its user metadata (without the {@code x-amz-meta-} prefix) and ETag. */
  record StoredObject(InputStream body, Map<String, String> metadata, String eTag) implements AutoCloseable {
    public StoredObject {
      metadata = Map.copyOf(metadata);
    }

    @Override
    public void close() {
      try {
        body.close();
      } catch (java.io.IOException e) {
        // Only a read stream; nothing was written.
      }
    }
  }

  /** A read failed for another reason than "no such key": AccessDenied, say. {@code code} is AWS's error code. */
  final class StoreException extends RuntimeException {
    private final String code;

    public StoreException(String code, String message) {
      super(message);
      this.code = code;
    }

    public String code() {
      return code;
    }
  }
}
