package io.trailwarden.remediate.facet;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwarden.aws.ClientFactory;
import io.trailwarden.snapshot.Snapshot;
import io.trailwarden.snapshot.SnsTopic;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * An SNS topic and who is subscribed to it ({@code subscriptions}: protocol and endpoint, confirmed or
 * not); null when the topic does not exist. Creating the document creates the topic; rolling back to
 * null deletes it. Confirmation is the subscriber's to give, so it is not part of the document.
 */
public final class SnsTopicSubscriptions implements Facet {
  public static final SnsTopicSubscriptions FACET = new SnsTopicSubscriptions();

  private SnsTopicSubscriptions() {}

  @Override
  public String id() {
    return "sns-topic";
  }

  @Override
  public Target.Kind kind() {
    return Target.Kind.SNS_TOPIC;
  }

  @Override
  public int order() {
    return 54;
  }

  public static Target target(String accountId, String region, String name) {
    return new Target(Target.Kind.SNS_TOPIC, accountId, region, "arn:aws:sns:" + region + ":" + accountId + ":" + name, name);
  }

  /** A topic document with these "protocol endpoint" subscriptions. */
  public static JsonNode document(Set<String> subscriptions) {
    var doc = Documents.object();
    var list = doc.putArray("subscriptions");
    new TreeSet<>(subscriptions).forEach(list::add);
    return doc;
  }

  /** "protocol endpoint", the document's form of a subscription. */
  public static String subscription(String protocol, String endpoint) {
    return protocol + " " + endpoint;
  }

  @Override
  public JsonNode read(Snapshot snapshot, Target target) {
    SnsTopic topic = snapshot.snsTopics().get(target.resource());
    if (topic == null) {
      return Documents.none();
    }
    Set<String> subscriptions = new TreeSet<>();
    topic.subscriptions().forEach(s -> subscriptions.add(subscription(s.protocol(), s.endpoint())));
    return document(subscriptions);
  }

  @Override
  public List<ApiCall> calls(JsonNode from, JsonNode to) {
    if (from.equals(to)) {
      return List.of();
    }
    List<ApiCall> calls = new ArrayList<>();
    if (Documents.absent(from)) {
      calls.add(ApiCall.of("sns", "CreateTopic", "sns:CreateTopic"));
    }
    if (Documents.absent(to)) {
      calls.add(ApiCall.of("sns", "DeleteTopic", "sns:DeleteTopic"));
      return calls;
    }
    if (!added(from, to).isEmpty()) {
      calls.add(ApiCall.of("sns", "Subscribe", "sns:Subscribe"));
    }
    if (!added(to, from).isEmpty()) {
      calls.add(ApiCall.of("sns", "ListSubscriptionsByTopic", "sns:ListSubscriptionsByTopic"));
      calls.add(ApiCall.of("sns", "Unsubscribe", "sns:Unsubscribe"));
    }
    return calls;
  }

  @Override
  public void write(ClientFactory aws, Target target, JsonNode from, JsonNode to) {
    if (calls(from, to).isEmpty()) {
      return;
    }
    var sns = aws.sns(target.accountId(), target.region());
    if (Documents.absent(to)) {
      sns.deleteTopic(r -> r.topicArn(target.resource()));
      return;
    }
    if (Documents.absent(from)) {
      sns.createTopic(r -> r.name(target.name()));
    }
    for (String s : added(from, to)) {
      String[] parts = s.split(" ", 2);
      sns.subscribe(r -> r.topicArn(target.resource()).protocol(parts[0]).endpoint(parts[1]));
    }
    Set<String> removed = added(to, from);
    if (!removed.isEmpty()) {
      // A pending subscription has no ARN yet and cannot be removed; it lapses unconfirmed.
      sns.listSubscriptionsByTopicPaginator(r -> r.topicArn(target.resource())).subscriptions().stream()
          .filter(sub -> removed.contains(subscription(sub.protocol(), sub.endpoint())) && sub.subscriptionArn().startsWith("arn:"))
          .forEach(sub -> sns.unsubscribe(r -> r.subscriptionArn(sub.subscriptionArn())));
    }
  }

  /** Subscriptions of {@code to} that {@code from} lacks. */
  private static Set<String> added(JsonNode from, JsonNode to) {
    Set<String> have = new TreeSet<>();
    if (!Documents.absent(from)) {
      Documents.elements(from.path("subscriptions")).forEach(s -> have.add(s.asText()));
    }
    Set<String> result = new TreeSet<>();
    if (!Documents.absent(to)) {
      Documents.elements(to.path("subscriptions")).forEach(s -> {
        if (!have.contains(s.asText())) {
          result.add(s.asText());
        }
      });
    }
    return result;
  }
}
