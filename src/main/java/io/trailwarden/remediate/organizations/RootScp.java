package io.trailwarden.remediate.organizations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwarden.remediate.Proposal;
import io.trailwarden.remediate.RemediationContext;
import io.trailwarden.remediate.facet.Documents;
import io.trailwarden.remediate.facet.OrganizationServiceAccess;
import io.trailwarden.remediate.facet.ServiceControlPolicy;
import io.trailwarden.remediate.facet.Target;
import io.trailwarden.snapshot.Organization;
import io.trailwarden.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the SCP remediations share: a new SCP of TrailWarden's own, attached at the root. They never
 * edit an SCP the organization already has, so an SCP with the fixed name is reported, not changed.
 */
final class RootScp {
  static final String ROOT_NOT_ALLOWED = "attaching at the root touches every account; set remediation.allowRootScp: true";

  private RootScp() {}

  /** Why the SCP cannot be attached at the root automatically, if it cannot. */
  static Optional<Proposal.Manual> obstacle(Snapshot snapshot, RemediationContext context, String name) {
    Optional<Organization> org = snapshot.organization();
    if (org.isEmpty()) {
      return Optional.of(new Proposal.Manual("the organization is not in the snapshot"));
    }
    if (!context.settings().allowRootScp()) {
      return Optional.of(new Proposal.Manual(ROOT_NOT_ALLOWED));
    }
    if (org.get().roots().size() != 1) {
      return Optional.of(new Proposal.Manual("the organization has " + org.get().roots().size() + " roots, not one"));
    }
    if (!"ALL".equals(org.get().featureSet())
        || !org.get().roots().get(0).policyTypesEnabled().contains("SERVICE_CONTROL_POLICY")) {
      return Optional.of(new Proposal.Manual("service control policies are not enabled on the root; enabling all features"
          + " and the SCP policy type changes every account (see organizations_all_features_enabled)"));
    }
    if (ServiceControlPolicy.find(snapshot, name).isPresent()) {
      return Optional.of(new Proposal.Manual("an SCP named " + name + " already exists and does not make the rule pass;"
          + " it is never edited automatically, review it"));
    }
    return Optional.empty();
  }

  static Target target(Snapshot snapshot, String name) {
    return OrganizationServiceAccess.target(snapshot, snapshot.organization().orElseThrow(), name);
  }

  static String rootId(Snapshot snapshot) {
    return snapshot.organization().orElseThrow().roots().get(0).id();
  }

  /** A list parameter of a rule (its METADATA default, or config.yaml's value). */
  static List<String> listParam(RemediationContext context, String ruleId, String name) {
    JsonNode value = context.ruleParams().apply(ruleId).path(name);
    if (!value.isArray() || value.isEmpty()) {
      throw new IllegalStateException("rule " + ruleId + " has no list parameter " + name);
    }
    List<String> values = new ArrayList<>();
    value.forEach(v -> values.add(v.asText()));
    return values;
  }

  /** A policy document with one Deny statement of {@code actions}. */
  static ObjectNode deny(String sid, List<String> actions) {
    ObjectNode policy = Documents.object().put("Version", "2012-10-17");
    ObjectNode statement = policy.putArray("Statement").addObject().put("Sid", sid).put("Effect", "Deny");
    ArrayNode array = statement.putArray("Action");
    actions.forEach(array::add);
    return policy;
  }
}
