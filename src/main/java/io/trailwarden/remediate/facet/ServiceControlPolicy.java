package io.trailwarden.remediate.facet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwarden.aws.ClientFactory;
import io.trailwarden.snapshot.Scp;
import io.trailwarden.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.PolicyType;

/**
 * One service control policy, found by its name (the target name): {"name", "content": the parsed
 * policy, "targets": the root, OU and account ids it is attached to}, or null when no SCP has that
 * name. From null it creates and attaches the policy; to null it detaches and deletes it (the
 * rollback of a creation). The description is not part of the document: the snapshot does not hold
 * it, so a re-read could never confirm it; a created policy gets a fixed one.
 */
public final class ServiceControlPolicy implements Facet {
  public static final ServiceControlPolicy FACET = new ServiceControlPolicy();
  static final String DESCRIPTION = "Created by TrailWarden remediation";
  /** The tag a created policy carries: with the name, what tells TrailWarden's own half-made SCP from anyone's. */
  public static final String TAG_KEY = "trailwarden";
  static final String TAG_VALUE = "remediation";

  private ServiceControlPolicy() {}

  @Override
  public String id() {
    return "scp";
  }

  @Override
  public Target.Kind kind() {
    return Target.Kind.ORGANIZATION;
  }

  @Override
  public int order() {
    return 16;
  }

  /** The customer managed SCP with this name in the snapshot. */
  public static Optional<Scp> find(Snapshot snapshot, String name) {
    return snapshot.scps().stream().filter(s -> !s.awsManaged() && s.name().equals(name)).findFirst();
  }

  @Override
  public JsonNode read(Snapshot snapshot, Target target) {
    return find(snapshot, target.name()).<JsonNode>map(ServiceControlPolicy::document).orElse(Documents.none());
  }

  static ObjectNode document(Scp scp) {
    ObjectNode doc = Documents.object().put("name", scp.name());
    doc.set("content", scp.document().deepCopy());
    var targets = doc.putArray("targets");
    new TreeSet<>(scp.targets()).forEach(targets::add);
    return doc;
  }

  /** A new SCP document; targets are sorted, as a re-read lists them. */
  public static ObjectNode document(String name, JsonNode content, List<String> targets) {
    return document(new Scp("", name, false, content, targets));
  }

  @Override
  public Optional<String> problem(JsonNode to) {
    // Organizations refuses an SCP over 5,120 characters (its content as sent).
    if (!Documents.absent(to) && to.path("content").toString().length() > 5120) {
      return Optional.of("an SCP is at most 5,120 characters");
    }
    return Optional.empty();
  }

  @Override
  public List<ApiCall> calls(JsonNode from, JsonNode to) {
    List<ApiCall> calls = new ArrayList<>();
    if (Documents.absent(from) && Documents.absent(to)) {
      return calls;
    }
    if (!Documents.absent(from)) {
      calls.add(ApiCall.of("organizations", "ListPolicies", "organizations:ListPolicies"));
    }
    if (Documents.absent(from)) {
      calls.add(ApiCall.of("organizations", "CreatePolicy", "organizations:CreatePolicy"));
      // Creating with tags needs the tagging permission as well.
      calls.add(ApiCall.of("organizations", "CreatePolicy", "organizations:TagResource"));
    } else if (!Documents.absent(to) && !from.path("content").equals(to.path("content"))) {
      calls.add(ApiCall.of("organizations", "UpdatePolicy", "organizations:UpdatePolicy"));
    }
    if (!attached(from, to).isEmpty()) {
      calls.add(ApiCall.of("organizations", "AttachPolicy", "organizations:AttachPolicy"));
    }
    if (!attached(to, from).isEmpty()) {
      calls.add(ApiCall.of("organizations", "DetachPolicy", "organizations:DetachPolicy"));
    }
    if (Documents.absent(to)) {
      calls.add(ApiCall.of("organizations", "DeletePolicy", "organizations:DeletePolicy"));
    }
    return calls;
  }

  /** Create (unattached), change the content, then attach or detach one target at a time, then delete. */
  @Override
  public List<JsonNode> steps(JsonNode from, JsonNode to) {
    List<JsonNode> steps = new ArrayList<>();
    if (from.equals(to)) {
      return List.of(to);
    }
    JsonNode at = from;
    if (Documents.absent(at)) {
      at = document(to.path("name").asText(), to.path("content"), List.of());
      steps.add(at);
    }
    if (!Documents.absent(to) && !at.path("content").equals(to.path("content"))) {
      at = document(at.path("name").asText(), to.path("content"), targets(at));
      steps.add(at);
    }
    for (String target : attached(at, to)) {
      List<String> more = new ArrayList<>(targets(at));
      more.add(target);
      at = document(at.path("name").asText(), at.path("content"), more);
      steps.add(at);
    }
    for (String target : attached(to, at)) {
      List<String> fewer = new ArrayList<>(targets(at));
      fewer.remove(target);
      at = document(at.path("name").asText(), at.path("content"), fewer);
      steps.add(at);
    }
    if (Documents.absent(to)) {
      steps.add(Documents.none());
    }
    return steps;
  }

  private static List<String> targets(JsonNode doc) {
    List<String> targets = new ArrayList<>();
    doc.path("targets").forEach(t -> targets.add(t.asText()));
    return targets;
  }

  @Override
  public boolean madeByTrailWarden(ClientFactory aws, Target target) {
    OrganizationsClient org = aws.organizations(target.accountId());
    String id = idOf(org, target.name());
    return org.listTagsForResource(r -> r.resourceId(id)).tags().stream()
        .anyMatch(t -> t.key().equals(TAG_KEY) && t.value().equals(TAG_VALUE));
  }

  /** Targets of {@code to} that {@code from} is not attached to. */
  private static List<String> attached(JsonNode from, JsonNode to) {
    TreeSet<String> added = new TreeSet<>();
    to.path("targets").forEach(t -> added.add(t.asText()));
    from.path("targets").forEach(t -> added.remove(t.asText()));
    return List.copyOf(added);
  }

  @Override
  public void write(ClientFactory aws, Target target, JsonNode from, JsonNode to) {
    if (from.equals(to)) {
      return;
    }
    OrganizationsClient org = aws.organizations(target.accountId());
    String policyId;
    if (Documents.absent(from)) {
      policyId = org.createPolicy(r -> r.name(target.name()).description(DESCRIPTION)
          .type(PolicyType.SERVICE_CONTROL_POLICY).content(to.path("content").toString())
          .tags(t -> t.key(TAG_KEY).value(TAG_VALUE))).policy().policySummary().id();
    } else {
      policyId = idOf(org, target.name());
      if (!Documents.absent(to) && !from.path("content").equals(to.path("content"))) {
        org.updatePolicy(r -> r.policyId(policyId).content(to.path("content").toString()));
      }
    }
    attached(from, to).forEach(id -> org.attachPolicy(r -> r.policyId(policyId).targetId(id)));
    attached(to, from).forEach(id -> org.detachPolicy(r -> r.policyId(policyId).targetId(id)));
    if (Documents.absent(to)) {
      org.deletePolicy(r -> r.policyId(policyId));
    }
  }

  /** The id of the customer managed SCP with this name; names are unique per organization and type. */
  private static String idOf(OrganizationsClient org, String name) {
    return org.listPoliciesPaginator(r -> r.filter(PolicyType.SERVICE_CONTROL_POLICY)).stream()
        .flatMap(page -> page.policies().stream())
        .filter(p -> !Boolean.TRUE.equals(p.awsManaged()) && p.name().equals(name))
        .map(p -> p.id()).findFirst()
        .orElseThrow(() -> new IllegalStateException("no service control policy named " + name));
  }
}
