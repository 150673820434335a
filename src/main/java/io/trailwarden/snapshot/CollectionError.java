package io.trailwarden.snapshot;

import java.util.Optional;

/**
 * A call the collectors could not make. The rules turn it into UNKNOWN for what it affects, so
 * missing evidence never passes. {@code resource} names the bucket or trail when the call was about one.
 */
public record CollectionError(
    String service,
    String operation,
    String accountId,
    String region,
    String code,
    String message,
    Optional<String> resource) {}
