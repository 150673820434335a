package io.trailwarden.remediate;

import java.util.List;
import java.util.Optional;

/** Every facet, by id: plans and journals name facets by id, and apply and rollback look them up here. */
public final class Facets {
  private static final List<Facet> ALL = List.of(
      TrailSettings.FACET);

  private Facets() {}

  public static List<Facet> all() {
    return ALL;
  }

  public static Optional<Facet> find(String id) {
    return ALL.stream().filter(f -> f.id().equals(id)).findFirst();
  }
}
