package io.trailwarden.collect;

import io.trailwarden.aws.ClientFactory;
import io.trailwarden.snapshot.Trail;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.GetEventSelectorsResponse;

/**
 * Every trail visible in every account and region. Phase one lists trails (with shadow trails) in each
 * account x region and merges them by ARN, remembering where each was seen; phase two reads each
 * trail's status and selectors once, from its owner account and home region.
 */
final class CloudTrailCollector {
  private static final String SERVICE = "cloudtrail";

  private final Calls calls;
  private final ClientFactory clients;
  private final Fanout fanout;
  private final Progress progress;

  CloudTrailCollector(Calls calls, ClientFactory clients, Fanout fanout, Progress progress) {
    this.calls = calls;
    this.clients = clients;
    this.fanout = fanout;
    this.progress = progress;
  }

  record Place(String accountId, String region) {}

  List<Trail> collect(List<String> accounts, List<String> regions) {
    Map<String, software.amazon.awssdk.services.cloudtrail.model.Trail> byArn = new ConcurrentHashMap<>();
    Map<String, Set<Trail.Location>> seenFrom = new ConcurrentHashMap<>();
    List<Place> places = new ArrayList<>();
    accounts.forEach(a -> regions.forEach(r -> places.add(new Place(a, r))));
    progress.started(accounts.size(), places.size());
    fanout.runAll(places, place -> {
      Calls.Target target = new Calls.Target(SERVICE, place.accountId(), place.region());
      calls.get(target, "DescribeTrails", Optional.empty(), () -> {
            try (CloudTrailClient client = clients.openCloudTrail(place.accountId(), place.region())) {
              return client.describeTrails(r -> r.includeShadowTrails(true)).trailList();
            }
          })
          .ifPresent(trails -> trails.forEach(t -> {
            byArn.putIfAbsent(t.trailARN(), t);
            seenFrom.computeIfAbsent(t.trailARN(), k -> ConcurrentHashMap.newKeySet())
                .add(new Trail.Location(place.accountId(), place.region()));
          }));
      progress.placeDone(place.accountId(), calls.errorCount());
    });

    Map<String, Trail> trails = new ConcurrentHashMap<>();
    fanout.runAll(List.copyOf(byArn.values()), t -> {
      List<Trail.Location> locations = seenFrom.get(t.trailARN()).stream()
          .sorted(Comparator.comparing(Trail.Location::accountId).thenComparing(Trail.Location::region)).toList();
      trails.put(t.trailARN(), details(t, locations));
    });
    return new TreeMap<>(trails).values().stream().toList();
  }

  Trail details(software.amazon.awssdk.services.cloudtrail.model.Trail t, List<Trail.Location> seenFrom) {
    String owner = Arns.account(t.trailARN());
    String home = t.homeRegion();
    Optional<String> arn = Optional.of(t.trailARN());
    Calls.Target target = new Calls.Target(SERVICE, owner, home);
    CloudTrailClient client = clients.cloudTrail(owner, home);

    Optional<Trail.Status> status = calls.get(target, "GetTrailStatus", arn, () -> client.getTrailStatus(r -> r.name(t.trailARN())))
        .map(s -> new Trail.Status(Boolean.TRUE.equals(s.isLogging()), Optional.ofNullable(s.latestDeliveryError()).filter(e -> !e.isEmpty()),
            Optional.ofNullable(s.latestDeliveryTime()), Optional.ofNullable(s.startLoggingTime()), Optional.ofNullable(s.stopLoggingTime())));
    Optional<GetEventSelectorsResponse> selectors = calls.get(target, "GetEventSelectors", arn,
        () -> client.getEventSelectors(r -> r.trailName(t.trailARN())));
    // A trail without insights answers InsightNotEnabledException: that means none, not an error.
    Optional<List<Trail.InsightSelector>> insights = calls.getOrNone(target, "GetInsightSelectors", arn,
            Set.of("InsightNotEnabledException"),
            () -> client.getInsightSelectors(r -> r.trailName(t.trailARN())).insightSelectors().stream()
                .map(i -> new Trail.InsightSelector(i.insightTypeAsString())).toList())
        .or(() -> calls.failedOn("GetInsightSelectors", t.trailARN()) ? Optional.empty() : Optional.of(List.of()));

    return new Trail(t.trailARN(), t.name(), owner, home,
        Boolean.TRUE.equals(t.isOrganizationTrail()), Boolean.TRUE.equals(t.isMultiRegionTrail()),
        Boolean.TRUE.equals(t.logFileValidationEnabled()), Boolean.TRUE.equals(t.includeGlobalServiceEvents()),
        t.s3BucketName(), text(t.s3KeyPrefix()), text(t.kmsKeyId()), text(t.cloudWatchLogsLogGroupArn()),
        text(t.cloudWatchLogsRoleArn()), text(t.snsTopicARN()), status,
        selectors.map(s -> s.eventSelectors().stream().map(CloudTrailCollector::eventSelector).toList()),
        selectors.map(s -> s.advancedEventSelectors().stream().map(CloudTrailCollector::advancedSelector).toList()),
        insights, seenFrom);
  }

  private static Trail.EventSelector eventSelector(software.amazon.awssdk.services.cloudtrail.model.EventSelector e) {
    return new Trail.EventSelector(
        e.readWriteTypeAsString() == null ? "All" : e.readWriteTypeAsString(),
        !Boolean.FALSE.equals(e.includeManagementEvents()),
        e.dataResources().stream().map(d -> new Trail.DataResource(d.type(), d.values())).toList(),
        e.excludeManagementEventSources());
  }

  private static Trail.AdvancedEventSelector advancedSelector(software.amazon.awssdk.services.cloudtrail.model.AdvancedEventSelector a) {
    return new Trail.AdvancedEventSelector(text(a.name()), a.fieldSelectors().stream()
        .map(f -> new Trail.FieldSelector(f.field(), f.equalsValue(), f.startsWith(), f.endsWith(), f.notEquals(),
            f.notStartsWith(), f.notEndsWith()))
        .toList());
  }

  private static Optional<String> text(String value) {
    return Optional.ofNullable(value).filter(s -> !s.isEmpty());
  }
}
