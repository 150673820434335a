package io.trailwarden.snapshot;

import java.util.List;
import java.util.Optional;

/** The AWS Organization: its roots, OU tree and accounts, and what it lets services do. */
public record Organization(
    String id,
    String arn,
    String featureSet,
    String managementAccountId,
    List<Root> roots,
    List<OrganizationalUnit> organizationalUnits,
    List<Account> accounts,
    List<String> serviceAccess,
    List<DelegatedAdministrator> delegatedAdministrators) {

  public Organization {
    roots = List.copyOf(roots);
    organizationalUnits = List.copyOf(organizationalUnits);
    accounts = List.copyOf(accounts);
    serviceAccess = List.copyOf(serviceAccess);
    delegatedAdministrators = List.copyOf(delegatedAdministrators);
  }

  /** A root of the OU tree; policy types are enabled per root. */
  public record Root(String id, String name, List<String> policyTypesEnabled) {
    public Root {
      policyTypesEnabled = List.copyOf(policyTypesEnabled);
    }
  }

  public record OrganizationalUnit(String id, String name, String parentId) {}

  /**
   * A member (or the management) account; no e-mail address is kept.
   *
   * @param parentId empty when the walk of the tree could not reach it (ListAccounts named it)
   */
  public record Account(String id, String name, String status, Optional<String> parentId) {}

  public record DelegatedAdministrator(String accountId, String servicePrincipal) {}
}
