package io.trailwarden.snapshot;

import java.util.List;
import java.util.SortedMap;

/**
 * GuardDuty across the organization: every detector in every readable account and region (ListDetectors,
 * GetDetector), keyed by detector ARN, and the delegated administrator of each region as the management
 * account lists it (ListOrganizationAdminAccounts). A place with no detector and no error has none.
 */
public record GuardDuty(SortedMap<String, Detector> detectors, List<Administrator> administrators) {
  public GuardDuty {
    detectors = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(detectors));
    administrators = List.copyOf(administrators);
  }

  /** No detector and no administrator: what a snapshot holds when GuardDuty was not collected. */
  public static GuardDuty none() {
    return new GuardDuty(new java.util.TreeMap<>(), List.of());
  }

  /** A detector and its status: ENABLED, or DISABLED (suspended: it analyses nothing). */
  public record Detector(String arn, String accountId, String region, String detectorId, String status) {}

  /** The delegated GuardDuty administrator account of one region, and its status (ENABLED or DISABLE_IN_PROGRESS). */
  public record Administrator(String region, String accountId, String status) {}
}
