package io.trailwarden.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * A log bucket's configuration. Sub-documents keep S3's own shapes. An empty value means S3 reported
 * none (no policy, no lifecycle); a failed read is recorded in the snapshot's errors instead.
 */
public record Bucket(
    String accountId,
    String region,
    Optional<JsonNode> policy,
    Optional<JsonNode> publicAccessBlock,
    Optional<JsonNode> accountPublicAccessBlock,
    Optional<JsonNode> versioning,
    Optional<JsonNode> objectLock,
    Optional<JsonNode> lifecycleRules,
    Optional<JsonNode> encryption,
    Optional<JsonNode> logging,
    Optional<String> ownershipControls,
    Optional<JsonNode> acl) {}
