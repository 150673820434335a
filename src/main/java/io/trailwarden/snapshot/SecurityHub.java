package io.trailwarden.snapshot;

import java.util.Optional;

/**
 * Security Hub as DescribeHub answered it in one account and region: the hub exists, so Security Hub is
 * enabled there. Where DescribeHub answered that the account is not subscribed there is no hub, and the
 * snapshot's absent list says so.
 */
public record SecurityHub(String arn, String accountId, String region, Optional<String> subscribedAt) {}
