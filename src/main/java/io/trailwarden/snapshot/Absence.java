package io.trailwarden.snapshot;

/**
 * AWS's definitive answer that a resource the snapshot follows does not exist (the trail's log group,
 * KMS key or bucket, an SCP listed but gone when read). Unlike a {@link CollectionError} it is
 * evidence: the rules fail on it, naming what is gone. {@code code} is AWS's (NoSuchBucket,
 * ResourceNotFoundException, NotFoundException, PolicyNotFoundException).
 */
public record Absence(
    String service,
    String operation,
    String accountId,
    String region,
    String code,
    String message,
    String resource) {}
