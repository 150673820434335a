package io.trailwarden.logs.store;

import java.util.Iterator;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The log bucket through S3 (ListObjectsV2 and GetObject); the client belongs to the caller. */
public final class S3LogStore implements LogStore {
  private final S3Client s3;
  private final String account;

  /** @param account the account whose credentials read, named in error messages */
  public S3LogStore(S3Client s3, String account) {
    this.s3 = s3;
    this.account = account;
  }

  /** A listed object: its key, ETag and length, as ListObjectsV2 gives them. */
  public record Listed(String key, String eTag, long size) {}

  @Override
  public Stream<String> keys(String bucket, String prefix, String startAfter) {
    return objects(bucket, prefix, startAfter).map(Listed::key);
  }

  /** The objects under the prefix after {@code startAfter}, in key order, fetched lazily; close the stream. */
  public Stream<Listed> objects(String bucket, String prefix, String startAfter) {
    Iterator<S3Object> pages = call("ListObjectsV2", bucket, prefix, () -> s3.listObjectsV2Paginator(r -> r.bucket(bucket)
        .prefix(prefix).startAfter(startAfter)).contents().iterator());
    // The pages are fetched as the stream is read, so a failure on a later page must be translated there too.
    Iterator<Listed> objects = new Iterator<>() {
      @Override
      public boolean hasNext() {
        return call("ListObjectsV2", bucket, prefix, pages::hasNext);
      }

      @Override
      public Listed next() {
        S3Object object = call("ListObjectsV2", bucket, prefix, pages::next);
        return new Listed(object.key(), object.eTag(), object.size());
      }
    };
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(objects, Spliterator.ORDERED | Spliterator.NONNULL), false);
  }

  @Override
  public Optional<StoredObject> get(String bucket, String key) {
    return call("GetObject", bucket, key, () -> {
      try {
        var response = s3.getObject(r -> r.bucket(bucket).key(key));
        return Optional.of(new StoredObject(response, response.response().metadata(), response.response().eTag()));
      } catch (NoSuchKeyException e) {
        return Optional.empty();
      }
    });
  }

  private <T> T call(String operation, String bucket, String key, Supplier<T> call) {
    try {
      return call.get();
    } catch (AwsServiceException e) {
      String code = e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null ? "HTTP " + e.statusCode()
          : e.awsErrorDetails().errorCode();
      throw new StoreException(code, "s3 " + operation + " on s3://" + bucket + "/" + key + " as account " + account + ": "
          + (e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage()));
    } catch (SdkException e) {
      throw new StoreException("ClientError", "s3 " + operation + " on s3://" + bucket + "/" + key + ": " + e.getMessage());
    }
  }
}
