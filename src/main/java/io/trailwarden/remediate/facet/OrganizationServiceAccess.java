package io.trailwarden.remediate.facet;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwarden.aws.ClientFactory;
import io.trailwarden.snapshot.Organization;
import io.trailwarden.snapshot.Snapshot;
import java.util.List;

/** Whether a service principal (target name) has trusted access to the organization. */
public final class OrganizationServiceAccess implements Facet {
  public static final OrganizationServiceAccess FACET = new OrganizationServiceAccess();

  private OrganizationServiceAccess() {}

  @Override
  public String id() {
    return "organization-service-access";
  }

  @Override
  public Target.Kind kind() {
    return Target.Kind.ORGANIZATION;
  }

  @Override
  public int order() {
    return 15;
  }

  /**
   * An organization-wide setting about {@code name} (a service principal, an SCP): Organizations is
   * global and answers in us-east-1, from the management account.
   */
  public static Target target(Snapshot snapshot, Organization organization, String name) {
    return new Target(Target.Kind.ORGANIZATION, snapshot.scope().managementAccountId(), "us-east-1", organization.arn(), name);
  }

  @Override
  public JsonNode read(Snapshot snapshot, Target target) {
    return snapshot.organization()
        .<JsonNode>map(o -> Documents.object().put("enabled", o.serviceAccess().contains(target.name())))
        .orElse(Documents.none());
  }

  @Override
  public List<ApiCall> calls(JsonNode from, JsonNode to) {
    if (Documents.absent(from) || Documents.absent(to) || from.equals(to)) {
      return List.of();
    }
    return to.path("enabled").asBoolean()
        ? List.of(ApiCall.of("organizations", "EnableAWSServiceAccess", "organizations:EnableAWSServiceAccess"))
        : List.of(ApiCall.of("organizations", "DisableAWSServiceAccess", "organizations:DisableAWSServiceAccess"));
  }

  @Override
  public void write(ClientFactory aws, Target target, JsonNode from, JsonNode to) {
    if (calls(from, to).isEmpty()) {
      return;
    }
    var org = aws.organizations(target.accountId());
    if (to.path("enabled").asBoolean()) {
      org.enableAWSServiceAccess(r -> r.servicePrincipal(target.name()));
    } else {
      org.disableAWSServiceAccess(r -> r.servicePrincipal(target.name()));
    }
  }
}
