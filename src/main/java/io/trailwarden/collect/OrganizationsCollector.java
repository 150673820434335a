package io.trailwarden.collect;

import io.trailwarden.snapshot.Organization;
import io.trailwarden.snapshot.Scp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.PolicyType;
import software.amazon.awssdk.services.organizations.model.PolicyTypeStatus;

/**
 * The organization as seen from the management account: roots and the policy types enabled on them,
 * the OU tree, the accounts with their parents (every account, placed or not, when part of the tree
 * could not be listed), SCPs with their documents and every target, trusted
 * service access and delegated administrators.
 */
final class OrganizationsCollector {
  private static final String SERVICE = "organizations";
  private static final java.util.Set<String> POLICY_GONE = java.util.Set.of("PolicyNotFoundException");

  record Result(Optional<Organization> organization, List<Scp> scps) {}

  private final Calls calls;
  private final Fanout fanout;

  OrganizationsCollector(Calls calls, Fanout fanout) {
    this.calls = calls;
    this.fanout = fanout;
  }

  Result collect(OrganizationsClient org, String managementAccountId) {
    Calls.Target target = new Calls.Target(SERVICE, managementAccountId, "global");
    var described = calls.get(target, "DescribeOrganization", Optional.empty(), () -> org.describeOrganization().organization());
    if (described.isEmpty()) {
      return new Result(Optional.empty(), List.of());
    }
    var roots = calls.get(target, "ListRoots", Optional.empty(), () -> org.listRootsPaginator().stream().flatMap(page -> page.roots().stream())
        .map(r -> new Organization.Root(r.id(), r.name(), r.policyTypes().stream()
            .filter(p -> p.status() == PolicyTypeStatus.ENABLED).map(p -> p.typeAsString()).sorted().toList()))
        .toList());

    // Level by level, the parents of a level at once: the walk costs the tree's depth in round trips
    // (each parent's pages still follow one another), not its number of OUs.
    List<Organization.OrganizationalUnit> units = java.util.Collections.synchronizedList(new ArrayList<>());
    Map<String, Organization.Account> accounts = new java.util.concurrent.ConcurrentSkipListMap<>();
    java.util.concurrent.atomic.AtomicBoolean complete = new java.util.concurrent.atomic.AtomicBoolean(roots.isPresent());
    List<String> level = roots.orElse(List.of()).stream().map(Organization.Root::id).toList();
    while (!level.isEmpty()) {
      List<String> next = java.util.Collections.synchronizedList(new ArrayList<>());
      fanout.runAll(level, parent -> {
        var children = calls.get(target, "ListOrganizationalUnitsForParent", Optional.of(parent), () ->
            org.listOrganizationalUnitsForParentPaginator(r -> r.parentId(parent)).stream().flatMap(page -> page.organizationalUnits().stream()).toList());
        children.orElse(List.of()).forEach(ou -> {
          units.add(new Organization.OrganizationalUnit(ou.id(), ou.name(), parent));
          next.add(ou.id());
        });
        var members = calls.get(target, "ListAccountsForParent", Optional.of(parent), () ->
            org.listAccountsForParentPaginator(r -> r.parentId(parent)).stream().flatMap(page -> page.accounts().stream()).toList());
        members.orElse(List.of()).forEach(a -> accounts.put(a.id(), new Organization.Account(a.id(), a.name(), a.statusAsString(), Optional.of(parent))));
        if (children.isEmpty() || members.isEmpty()) {
          complete.set(false);
        }
      });
      level = next.stream().sorted().toList();
    }
    boolean walked = complete.get();
    if (!walked) {
      // Part of the tree could not be listed: the flat account list still names every account, so none
      // leaves the snapshot; the ones the walk did not place have no parent, and the rules that need
      // their place (SCPs) judge them UNKNOWN (architecture.md §3).
      calls.get(target, "ListAccounts", Optional.empty(), () -> org.listAccountsPaginator().stream().flatMap(page -> page.accounts().stream()).toList())
          .orElse(List.of())
          .forEach(a -> accounts.putIfAbsent(a.id(), new Organization.Account(a.id(), a.name(), a.statusAsString(), Optional.empty())));
    }

    List<String> serviceAccess = calls.get(target, "ListAWSServiceAccessForOrganization", Optional.empty(), () ->
        org.listAWSServiceAccessForOrganizationPaginator().stream().flatMap(page -> page.enabledServicePrincipals().stream())
            .map(p -> p.servicePrincipal()).sorted().toList()).orElse(List.of());

    List<Organization.DelegatedAdministrator> delegated = new ArrayList<>();
    calls.get(target, "ListDelegatedAdministrators", Optional.empty(), () ->
            org.listDelegatedAdministratorsPaginator(r -> { }).stream().flatMap(page -> page.delegatedAdministrators().stream()).map(a -> a.id()).toList())
        .orElse(List.of())
        .forEach(account -> calls.get(target, "ListDelegatedServicesForAccount", Optional.of(account), () ->
                org.listDelegatedServicesForAccountPaginator(r -> r.accountId(account)).stream().flatMap(page -> page.delegatedServices().stream())
                    .map(s -> new Organization.DelegatedAdministrator(account, s.servicePrincipal())).toList())
            .ifPresent(delegated::addAll));

    var o = described.get();
    Organization organization = new Organization(o.id(), o.arn(), o.featureSetAsString(), o.masterAccountId(), roots.orElse(List.of()),
        units.stream().sorted(Comparator.comparing(Organization.OrganizationalUnit::id)).toList(),
        List.copyOf(accounts.values()),
        serviceAccess,
        delegated.stream().sorted(Comparator.comparing(Organization.DelegatedAdministrator::accountId)
            .thenComparing(Organization.DelegatedAdministrator::servicePrincipal)).toList());
    return new Result(Optional.of(organization), scps(org, target));
  }

  private List<Scp> scps(OrganizationsClient org, Calls.Target target) {
    var summaries = calls.get(target, "ListPolicies", Optional.empty(), () ->
        org.listPoliciesPaginator(r -> r.filter(PolicyType.SERVICE_CONTROL_POLICY)).stream().flatMap(page -> page.policies().stream()).toList());
    List<Scp> scps = java.util.Collections.synchronizedList(new ArrayList<>());
    fanout.runAll(summaries.orElse(List.of()), summary -> {
      Optional<String> id = Optional.of(summary.id());
      // An SCP deleted since ListPolicies answers PolicyNotFoundException: it was detached first, so it
      // protects nothing, and its absence is evidence.
      var content = calls.getOrGone(target, "DescribePolicy", summary.id(), POLICY_GONE,
          () -> org.describePolicy(r -> r.policyId(summary.id())).policy().content());
      if (content.isEmpty() && !calls.failedOn("DescribePolicy", summary.id())) {
        return;
      }
      var targets = calls.getOrGone(target, "ListTargetsForPolicy", summary.id(), POLICY_GONE, () ->
          org.listTargetsForPolicyPaginator(r -> r.policyId(summary.id())).stream().flatMap(page -> page.targets().stream()).map(t -> t.targetId()).sorted().toList());
      // An SCP whose document or targets could not be read is left out; its error makes the rules UNKNOWN.
      if (content.isPresent() && targets.isPresent()) {
        calls.policy(target, "DescribePolicy", id, content.get()).ifPresent(document ->
            scps.add(new Scp(summary.id(), summary.name(), Boolean.TRUE.equals(summary.awsManaged()), document, targets.get())));
      }
    });
    return scps.stream().sorted(Comparator.comparing(Scp::id)).toList();
  }
}
