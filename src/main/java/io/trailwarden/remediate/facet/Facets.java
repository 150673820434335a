package io.trailwarden.remediate.facet;

import java.util.List;
import java.util.Optional;

/** Every facet, by id: plans and journals name facets by id, and apply and rollback look them up here. */
public final class Facets {
  private static final List<Facet> ALL = List.of(
      BucketExistence.FACET,
      BucketPolicy.FACET,
      BucketPublicAccessBlock.FACET,
      BucketVersioning.FACET,
      BucketEncryption.FACET,
      BucketLifecycle.FACET,
      BucketLogging.FACET,
      OrganizationServiceAccess.FACET,
      ServiceControlPolicy.FACET,
      KmsKeyRotation.FACET,
      LogGroupRetention.FACET,
      SnsTopicSubscriptions.FACET,
      MetricFilter.FACET,
      MetricAlarm.FACET,
      TrailSettings.FACET,
      TrailEventSelectors.FACET,
      TrailLogging.FACET);

  private Facets() {}

  static List<Facet> all() {
    return ALL;
  }

  public static Optional<Facet> find(String id) {
    return ALL.stream().filter(f -> f.id().equals(id)).findFirst();
  }
}
