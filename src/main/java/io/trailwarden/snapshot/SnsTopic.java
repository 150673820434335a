package io.trailwarden.snapshot;

import java.util.List;

/**
 * An SNS topic an alarm notifies, with its subscriptions. A subscription whose ARN is
 * {@code PendingConfirmation} has not been confirmed and delivers nothing. HTTP(S) endpoints are kept
 * without their query and user info, which may hold tokens.
 */
public record SnsTopic(String arn, String accountId, String region, List<Subscription> subscriptions) {
  public SnsTopic {
    subscriptions = List.copyOf(subscriptions);
  }

  public record Subscription(String protocol, String endpoint, String subscriptionArn) {}
}
