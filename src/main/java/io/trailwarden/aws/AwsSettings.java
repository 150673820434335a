package io.trailwarden.aws;

import java.net.URI;
import java.util.Optional;

/**
 * How to reach AWS: an optional endpoint override (an emulator), the role to assume in member accounts,
 * its optional external id, the home region for global services, and how many calls may run at once.
 */
public record AwsSettings(
    Optional<URI> endpoint, String homeRegion, String memberRoleName, Optional<String> externalId, int concurrency) {}
