package io.trailwarden.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** A KMS key a trail encrypts with; an empty rotation or policy means it could not be read. */
public record KmsKey(
    String arn,
    String accountId,
    String region,
    String keyManager,
    String keyState,
    String keySpec,
    Optional<Boolean> rotationEnabled,
    Optional<JsonNode> policy) {}
