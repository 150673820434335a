package io.trailwarden.collect;

import io.trailwarden.snapshot.Absence;
import io.trailwarden.snapshot.CollectionError;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Makes AWS calls on behalf of the collectors and fails closed: every call that does not answer becomes
 * a {@link CollectionError} (service, operation, account, region, code, message, resource), which the
 * rules turn into UNKNOWN. Thread-safe; the collectors call it from many threads.
 */
final class Calls {
  private static final int MAX_MESSAGE = 400;
  private final Queue<CollectionError> errors = new ConcurrentLinkedQueue<>();
  private final Queue<Absence> absent = new ConcurrentLinkedQueue<>();

  /** Where a call goes: service, account and region. */
  record Target(String service, String accountId, String region) {}

  /** The call's result, or empty when it failed (recorded). */
  <T> Optional<T> get(Target target, String operation, Optional<String> resource, Supplier<T> call) {
    return getOrNone(target, operation, resource, Set.of(), call);
  }

  /**
   * The call's result; empty when AWS answered one of {@code noneCodes} (there is none, e.g.
   * NoSuchBucketPolicy) or when the call failed (then recorded as an error).
   */
  <T> Optional<T> getOrNone(Target target, String operation, Optional<String> resource, Set<String> noneCodes, Supplier<T> call) {
    try {
      return Optional.ofNullable(call.get());
    } catch (AwsServiceException e) {
      // An answer that is not AWS's (a proxy, an emulator) can lack a code: it is still a failure.
      String code = e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null ? "Unknown" : e.awsErrorDetails().errorCode();
      if (noneCodes.contains(code)) {
        return Optional.empty();
      }
      record(target, operation, resource, code, e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage());
      return Optional.empty();
    } catch (SdkException e) {
      record(target, operation, resource, "ClientError", rootMessage(e));
      return Optional.empty();
    }
  }

  /**
   * The call's result; empty when AWS answered one of {@code goneCodes}, its definitive "the resource
   * does not exist" for this call (recorded as an {@link Absence}, evidence), or when the call failed
   * (recorded as an error, missing evidence). Which codes are definitive depends on the call, so the
   * collector names them.
   */
  <T> Optional<T> getOrGone(Target target, String operation, String resource, Set<String> goneCodes, Supplier<T> call) {
    try {
      return Optional.ofNullable(call.get());
    } catch (AwsServiceException e) {
      String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
      if (code != null && goneCodes.contains(code)) {
        recordAbsent(target, operation, resource, code, e.awsErrorDetails().errorMessage());
        return Optional.empty();
      }
      return getOrNone(target, operation, Optional.of(resource), Set.of(), () -> {
        throw e;
      });
    } catch (SdkException e) {
      return getOrNone(target, operation, Optional.of(resource), Set.of(), () -> {
        throw e;
      });
    }
  }

  void recordAbsent(Target target, String operation, String resource, String code, String message) {
    absent.add(new Absence(target.service(), operation, target.accountId(), target.region(), code, clean(message), resource));
  }

  /** Every absence so far, in a stable order. */
  List<Absence> absent() {
    return absent.stream()
        .sorted(Comparator.comparing(Absence::accountId).thenComparing(Absence::region).thenComparing(Absence::service)
            .thenComparing(Absence::operation).thenComparing(Absence::resource))
        .distinct()
        .toList();
  }

  /** Parses a policy document AWS returned; a malformed one is recorded as an error of that call. */
  Optional<com.fasterxml.jackson.databind.JsonNode> policy(Target target, String operation, Optional<String> resource, String text) {
    try {
      return Optional.of(io.trailwarden.Json.mapper().readTree(text));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      record(target, operation, resource, "MalformedPolicyDocument", e.getOriginalMessage());
      return Optional.empty();
    }
  }

  void record(Target target, String operation, Optional<String> resource, String code, String message) {
    errors.add(new CollectionError(target.service(), operation, target.accountId(), target.region(),
        code == null ? "Unknown" : code, clean(message), resource));
  }

  /** Every error so far, in a stable order. */
  List<CollectionError> errors() {
    return errors.stream()
        .sorted(Comparator.comparing(CollectionError::accountId)
            .thenComparing(CollectionError::region)
            .thenComparing(CollectionError::service)
            .thenComparing(CollectionError::operation)
            .thenComparing(e -> e.resource().orElse(""))
            .thenComparing(CollectionError::code))
        .distinct()
        .toList();
  }

  /** True when the operation on that resource was recorded as failed. */
  boolean failedOn(String operation, String resource) {
    return errors.stream().anyMatch(e -> e.operation().equals(operation) && e.resource().equals(Optional.of(resource)));
  }

  int errorCount() {
    return errors.size();
  }

  // Messages are AWS's own text about the request; they never contain credentials, but can be long
  // and multi-line.
  private static String clean(String message) {
    String flat = message == null ? "" : message.replaceAll("\\s+", " ").strip();
    return flat.length() > MAX_MESSAGE ? flat.substring(0, MAX_MESSAGE) + "..." : flat;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + root.getMessage() + ")";
  }
}
