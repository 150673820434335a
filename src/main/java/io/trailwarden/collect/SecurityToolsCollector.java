package io.trailwarden.collect;

import io.trailwarden.aws.ClientFactory;
import io.trailwarden.snapshot.GuardDuty;
import io.trailwarden.snapshot.SecurityHub;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The security tools that analyse the organization's CloudTrail events: Security Hub (DescribeHub) and
 * GuardDuty (ListDetectors, GetDetector) in every readable account x region, and GuardDuty's delegated
 * administrator of each region (ListOrganizationAdminAccounts, from the management account). Read-only.
 */
final class SecurityToolsCollector {
  /**
   * DescribeHub's definitive "Security Hub is not enabled here": the account is not subscribed. An
   * AccessDeniedException or throttling stays an error (UNKNOWN).
   */
  private static final Set<String> HUB_GONE = Set.of("InvalidAccessException");

  private final Calls calls;
  private final ClientFactory clients;
  private final Fanout fanout;

  SecurityToolsCollector(Calls calls, ClientFactory clients, Fanout fanout) {
    this.calls = calls;
    this.clients = clients;
    this.fanout = fanout;
  }

  /** An account and a region. */
  record Place(String accountId, String region) {}

  static List<Place> places(List<String> accounts, List<String> regions) {
    List<Place> places = new ArrayList<>();
    accounts.forEach(a -> regions.forEach(r -> places.add(new Place(a, r))));
    return places;
  }

  /** The hub of every place where Security Hub is enabled; a place where it is not is an absence. */
  SortedMap<String, SecurityHub> securityHubs(List<Place> places) {
    Map<String, SecurityHub> hubs = new ConcurrentHashMap<>();
    fanout.runAll(places, place -> calls.getOrGone(new Calls.Target("securityhub", place.accountId(), place.region()), "DescribeHub",
            hubArn(place), HUB_GONE, () -> clients.securityHub(place.accountId(), place.region()).describeHub(r -> { }))
        .ifPresent(hub -> {
          String arn = hub.hubArn() == null ? hubArn(place) : hub.hubArn();
          hubs.put(arn, new SecurityHub(arn, place.accountId(), place.region(), Optional.ofNullable(hub.subscribedAt())));
        }));
    return new TreeMap<>(hubs);
  }

  /** The ARN Security Hub gives an account's hub in a region, also where there is none. */
  static String hubArn(Place place) {
    return "arn:aws:securityhub:" + place.region() + ":" + place.accountId() + ":hub/default";
  }

  /**
   * Every detector of every place, and the delegated administrator of each region when there is an
   * organization to administer.
   */
  GuardDuty guardDuty(List<Place> places, String managementAccountId, List<String> regions, boolean organization) {
    Map<String, GuardDuty.Detector> detectors = new ConcurrentHashMap<>();
    fanout.runAll(places, place -> {
      Calls.Target target = new Calls.Target("guardduty", place.accountId(), place.region());
      var client = clients.guardDuty(place.accountId(), place.region());
      calls.get(target, "ListDetectors", Optional.empty(), () -> client.listDetectorsPaginator(r -> { }).detectorIds().stream().toList())
          .orElse(List.of())
          .forEach(id -> {
            String arn = "arn:aws:guardduty:" + place.region() + ":" + place.accountId() + ":detector/" + id;
            calls.get(target, "GetDetector", Optional.of(arn), () -> client.getDetector(r -> r.detectorId(id)))
                .ifPresent(d -> detectors.put(arn, new GuardDuty.Detector(arn, place.accountId(), place.region(), id,
                    d.statusAsString() == null ? "UNKNOWN" : d.statusAsString())));
          });
    });
    Queue<GuardDuty.Administrator> administrators = new ConcurrentLinkedQueue<>();
    if (organization) {
      fanout.runAll(regions, region -> calls.get(new Calls.Target("guardduty", managementAccountId, region), "ListOrganizationAdminAccounts",
              Optional.empty(), () -> clients.guardDuty(managementAccountId, region).listOrganizationAdminAccountsPaginator(r -> { })
                  .adminAccounts().stream().toList())
          .orElse(List.of())
          .forEach(a -> administrators.add(new GuardDuty.Administrator(region, a.adminAccountId(), a.adminStatusAsString()))));
    }
    return new GuardDuty(new TreeMap<>(detectors), administrators.stream()
        .sorted(Comparator.comparing(GuardDuty.Administrator::region).thenComparing(GuardDuty.Administrator::accountId)).toList());
  }
}
