package io.trailwarden.collect;

import io.trailwarden.aws.ClientFactory;
import io.trailwarden.snapshot.Alarm;
import io.trailwarden.snapshot.SnsTopic;
import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;

/**
 * The metric alarms where trails' log groups are (CloudWatch DescribeAlarms in each log group's account
 * and region), and the subscriptions of every SNS topic those alarms notify (ListSubscriptionsByTopic
 * in the topic's account and region). Together with the log groups' metric filters they are the chain
 * the CIS monitoring controls judge.
 */
final class AlarmsCollector {
  // AWS's largest page; its default is 50, which would double the pages of a place with many alarms.
  private static final int MAX_ALARMS_PER_PAGE = 100;

  private final Calls calls;
  private final ClientFactory clients;
  private final Fanout fanout;

  AlarmsCollector(Calls calls, ClientFactory clients, Fanout fanout) {
    this.calls = calls;
    this.clients = clients;
    this.fanout = fanout;
  }

  /** A place alarms live in: an account and a region. */
  record Place(String accountId, String region) {}

  SortedMap<String, Alarm> alarms(Collection<Place> places) {
    Map<String, Alarm> alarms = new ConcurrentHashMap<>();
    fanout.runAll(List.copyOf(Set.copyOf(places)), place -> calls.get(
            new Calls.Target("cloudwatch", place.accountId(), place.region()), "DescribeAlarms", Optional.empty(),
            () -> clients.cloudWatch(place.accountId(), place.region()).describeAlarmsPaginator(r -> r.alarmTypesWithStrings("MetricAlarm").maxRecords(MAX_ALARMS_PER_PAGE))
                .metricAlarms().stream().toList())
        .ifPresent(found -> found.forEach(a -> alarms.put(a.alarmArn(), alarm(place, a)))));
    return new TreeMap<>(alarms);
  }

  /** One alarm by name, as {@link #alarms} reads it; none when it does not exist. */
  SortedMap<String, Alarm> alarm(Place place, String name) {
    Map<String, Alarm> alarms = new TreeMap<>();
    calls.get(new Calls.Target("cloudwatch", place.accountId(), place.region()), "DescribeAlarms", Optional.of(name),
            () -> clients.cloudWatch(place.accountId(), place.region()).describeAlarms(r -> r.alarmNames(name).alarmTypesWithStrings("MetricAlarm"))
                .metricAlarms())
        .ifPresent(found -> found.stream().filter(a -> a.alarmName().equals(name)).forEach(a -> alarms.put(a.alarmArn(), alarm(place, a))));
    return new TreeMap<>(alarms);
  }

  /**
   * The SNS topics where the alarms are (ListTopics: an alarm topic the remediation would create may
   * already be there) and those among the alarms' actions elsewhere; a topic that does not exist is
   * left out (the rules say so).
   */
  SortedMap<String, SnsTopic> topics(Collection<Place> places, Collection<Alarm> alarms, Set<String> readableAccounts) {
    Set<String> arns = ConcurrentHashMap.newKeySet();
    fanout.runAll(List.copyOf(Set.copyOf(places)), place -> calls.get(new Calls.Target("sns", place.accountId(), place.region()),
            "ListTopics", Optional.empty(),
            () -> clients.sns(place.accountId(), place.region()).listTopicsPaginator().topics().stream().map(t -> t.topicArn()).toList())
        .ifPresent(arns::addAll));
    alarms.stream().flatMap(a -> a.alarmActions().stream())
        .filter(arn -> arn.startsWith("arn:") && Arns.service(arn).equals("sns"))
        .filter(arn -> readableAccounts.contains(Arns.account(arn))).forEach(arns::add);
    return topics(arns.stream().sorted().toList());
  }

  SortedMap<String, SnsTopic> topics(List<String> arns) {
    Map<String, SnsTopic> topics = new ConcurrentHashMap<>();
    fanout.runAll(arns, arn -> {
      String account = Arns.account(arn);
      String region = Arns.region(arn);
      calls.getOrNone(new Calls.Target("sns", account, region), "ListSubscriptionsByTopic", Optional.of(arn), Set.of("NotFound"),
              () -> clients.sns(account, region).listSubscriptionsByTopicPaginator(r -> r.topicArn(arn)).subscriptions().stream()
                  .map(s -> new SnsTopic.Subscription(s.protocol(), endpoint(s.endpoint()), s.subscriptionArn()))
                  .sorted(java.util.Comparator.comparing(SnsTopic.Subscription::protocol).thenComparing(SnsTopic.Subscription::endpoint))
                  .toList())
          .ifPresent(subscriptions -> topics.put(arn, new SnsTopic(arn, account, region, subscriptions)));
    });
    return new TreeMap<>(topics);
  }

  private static Alarm alarm(Place place, MetricAlarm a) {
    Map<String, String> dimensions = new TreeMap<>();
    a.dimensions().forEach(d -> dimensions.put(d.name(), d.value()));
    return new Alarm(a.alarmArn(), place.accountId(), place.region(), a.alarmName(), Optional.ofNullable(a.metricName()),
        Optional.ofNullable(a.namespace()), new TreeMap<>(dimensions), Optional.ofNullable(a.statisticAsString()),
        Optional.ofNullable(a.period()), Optional.ofNullable(a.evaluationPeriods()), Optional.ofNullable(a.threshold()),
        Optional.ofNullable(a.comparisonOperatorAsString()), Boolean.TRUE.equals(a.actionsEnabled()),
        a.alarmActions().stream().sorted().toList(), a.stateValueAsString() == null ? "INSUFFICIENT_DATA" : a.stateValueAsString());
  }

  // An HTTP(S) endpoint may carry a token in its query or user info: keep scheme, host and path only.
  static String endpoint(String endpoint) {
    if (endpoint == null) {
      return "";
    }
    if (!endpoint.regionMatches(true, 0, "http", 0, 4)) {
      return endpoint;
    }
    try {
      URI uri = URI.create(endpoint);
      return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
          + (uri.getRawPath() == null ? "" : uri.getRawPath());
    } catch (IllegalArgumentException e) {
      return "(an endpoint that is not a valid URI)";
    }
  }
}
