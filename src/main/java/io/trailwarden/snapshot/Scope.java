package io.trailwarden.snapshot;

import java.util.List;

/** Which organization and regions a snapshot covers. */
public record Scope(String managementAccountId, List<String> regions) {
  public Scope {
    regions = List.copyOf(regions);
  }
}
