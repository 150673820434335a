package io.trailwarden.bench;

import io.trailwarden.snapshot.Organization;
import io.trailwarden.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The fewest API calls the collection's design needs for what a snapshot holds (architecture.md §3,
 * "Collection's minimum"): every call is one the rules need the answer of, listed once per resource,
 * and each list costs its pages at AWS's largest page size. Worked out from the snapshot, so it holds
 * for whatever organization was collected; the bench compares it with the calls counted.
 */
record MinimumCalls(List<Term> terms) {
  /** One part of the sum: what it stands for, its formula with the counts put in, its value, the operations it counts. */
  record Term(String name, String formula, long calls, List<String> operations) {}

  // AWS's largest page per list operation.
  static final int ORGANIZATIONS_PAGE = 20;
  static final int LOGS_PAGE = 50;
  static final int ALARMS_PAGE = 100;
  static final int SNS_PAGE = 100;

  long total() {
    return terms.stream().mapToLong(Term::calls).sum();
  }

  static MinimumCalls of(Snapshot snapshot) {
    List<Term> terms = new ArrayList<>();
    Organization org = snapshot.organization().orElseThrow(() -> new IllegalStateException("no organization collected"));
    long accounts = org.accounts().stream().filter(a -> a.status().equals("ACTIVE")).count();
    int regions = snapshot.scope().regions().size();
    terms.add(new Term("caller", "1 GetCallerIdentity", 1, List.of("Sts:GetCallerIdentity")));

    // The tree walk: per parent (root or OU) a page of child OUs and pages of child accounts.
    List<String> parents = new ArrayList<>(org.roots().stream().map(Organization.Root::id).toList());
    org.organizationalUnits().forEach(ou -> parents.add(ou.id()));
    Map<String, Long> ousPer = org.organizationalUnits().stream().collect(Collectors.groupingBy(Organization.OrganizationalUnit::parentId,
        Collectors.counting()));
    Map<String, Long> accountsPer = org.accounts().stream().filter(a -> a.parentId().isPresent())
        .collect(Collectors.groupingBy(a -> a.parentId().get(), Collectors.counting()));
    long ouPages = parents.stream().mapToLong(p -> pages(ousPer.getOrDefault(p, 0L), ORGANIZATIONS_PAGE)).sum();
    long accountPages = parents.stream().mapToLong(p -> pages(accountsPer.getOrDefault(p, 0L), ORGANIZATIONS_PAGE)).sum();
    long delegated = org.delegatedAdministrators().stream().map(Organization.DelegatedAdministrator::accountId).distinct().count();
    long scps = snapshot.scps().size();
    // AWS pages an SCP's targets 20 at a time; the emulator answers them in one page, so the minimum of
    // what is measured here is one call per SCP (AWS's figure is printed beside it).
    long awsTargetPages = snapshot.scps().stream().mapToLong(s -> pages(s.targets().size(), ORGANIZATIONS_PAGE)).sum();
    long targetPages = scps;
    long organizations = 2 + ouPages + accountPages + 2 + delegated + pages(scps, ORGANIZATIONS_PAGE) + scps + targetPages;
    terms.add(new Term("organizations", String.format(
        "DescribeOrganization + ListRoots + %d parents: %d OU pages + %d account pages (⌈n/20⌉ each) + ListAWSServiceAccess"
            + " + ListDelegatedAdministrators + %d delegated × ListDelegatedServices + ListPolicies + %d SCPs × DescribePolicy"
            + " + %d ListTargetsForPolicy (one page each on the emulator, %d on AWS)", parents.size(), ouPages, accountPages, delegated, scps,
            targetPages, awsTargetPages), organizations,
        List.of("Organizations:")));

    terms.add(new Term("assume role", String.format("(A−1) = %d AssumeRole", accounts - 1), accounts - 1, List.of("Sts:AssumeRole")));
    terms.add(new Term("trails listed", String.format("A × R = %d × %d DescribeTrails", accounts, regions), accounts * regions,
        List.of("CloudTrail:DescribeTrails")));
    long trails = snapshot.trails().size();
    terms.add(new Term("per trail", String.format("3 × T = 3 × %d (GetTrailStatus, GetEventSelectors, GetInsightSelectors)", trails),
        3 * trails, List.of("CloudTrail:GetTrailStatus", "CloudTrail:GetEventSelectors", "CloudTrail:GetInsightSelectors")));

    long buckets = snapshot.buckets().size();
    long owners = snapshot.buckets().values().stream().map(b -> b.accountId()).distinct().count();
    terms.add(new Term("per bucket", String.format("O + 10 × B + O = %d ListBuckets + 10 × %d (location, policy, public access block,"
            + " versioning, Object Lock, lifecycle, encryption, logging, ownership, ACL) + %d account public access blocks",
        owners, buckets, owners), owners + 10 * buckets + owners, List.of("S3:", "S3Control:")));

    long groups = snapshot.logGroups().size();
    long filterPages = snapshot.logGroups().values().stream().mapToLong(g -> pages(g.metricFilters().size(), LOGS_PAGE)).sum();
    terms.add(new Term("per log group", String.format("L + filter pages = %d DescribeLogGroups + %d DescribeMetricFilters", groups, filterPages),
        groups + filterPages, List.of("CloudWatchLogs:")));

    // Alarms and topics are read where the trails' log groups are.
    Set<String> places = snapshot.logGroups().values().stream().map(g -> g.accountId() + "/" + g.region()).collect(Collectors.toSet());
    Map<String, Long> alarmsPer = new HashMap<>();
    snapshot.alarms().values().forEach(a -> alarmsPer.merge(a.accountId() + "/" + a.region(), 1L, Long::sum));
    Map<String, Long> topicsPer = new HashMap<>();
    snapshot.snsTopics().values().forEach(t -> topicsPer.merge(t.accountId() + "/" + t.region(), 1L, Long::sum));
    long alarmPages = places.stream().mapToLong(p -> pages(alarmsPer.getOrDefault(p, 0L), ALARMS_PAGE)).sum();
    long topicPages = places.stream().mapToLong(p -> pages(topicsPer.getOrDefault(p, 0L), SNS_PAGE)).sum();
    long subscriptionPages = snapshot.snsTopics().values().stream().mapToLong(t -> pages(t.subscriptions().size(), SNS_PAGE)).sum();
    terms.add(new Term("per alarm place and topic", String.format("%d places: %d DescribeAlarms + %d ListTopics pages; %d topics:"
            + " %d ListSubscriptionsByTopic", places.size(), alarmPages, topicPages, snapshot.snsTopics().size(), subscriptionPages),
        alarmPages + topicPages + subscriptionPages, List.of("CloudWatch:", "Sns:")));

    // Security Hub and GuardDuty are read in every account × region; GuardDuty's delegated
    // administrator once per region from the management account.
    long detectors = snapshot.guardDuty().detectors().size();
    terms.add(new Term("security tools", String.format("2 × A × R + D + R = 2 × %d × %d (DescribeHub, ListDetectors) + %d GetDetector"
            + " + %d ListOrganizationAdminAccounts", accounts, regions, detectors, regions), 2 * accounts * regions + detectors + regions,
        List.of("SecurityHub:", "GuardDuty:")));

    long keys = snapshot.kmsKeys().size();
    terms.add(new Term("per KMS key", String.format("3 × K = 3 × %d (DescribeKey, GetKeyRotationStatus, GetKeyPolicy)", keys), 3 * keys,
        List.of("Kms:")));
    return new MinimumCalls(terms);
  }

  /** Pages of a list of n items at a page size; an empty list is still one call. */
  static long pages(long n, int pageSize) {
    return Math.max(1, (n + pageSize - 1) / pageSize);
  }

  /** The formula with counts substituted, then per term the minimum and the calls counted (operations the terms do not name are listed). */
  String describe(int members, int regions, Map<String, Long> counted) {
    StringBuilder out = new StringBuilder();
    out.append(String.format("minimum calls, %d member accounts (A = %d accounts) × %d regions:%n", members, members + 1, regions));
    out.append("  ").append(terms.stream().map(t -> Long.toString(t.calls())).collect(Collectors.joining(" + ")))
        .append(" = ").append(total()).append('\n');
    Set<String> unmatched = new TreeSet<>(counted.keySet());
    for (Term term : terms) {
      long measured = 0;
      for (var entry : counted.entrySet()) {
        if (matches(term.operations(), entry.getKey())) {
          measured += entry.getValue();
          unmatched.remove(entry.getKey());
        }
      }
      out.append(String.format("  %-26s %7d minimum %7d counted  %s%n", term.name(), term.calls(), measured, term.formula()));
    }
    unmatched.forEach(key -> out.append(String.format("  %-26s %7s minimum %7d counted  (not in the design's minimum)%n", key, "-",
        counted.get(key))));
    counted.forEach((key, value) -> out.append(String.format("    %-44s %7d%n", key, value)));
    return out.toString();
  }

  private static boolean matches(Collection<String> operations, String key) {
    return operations.stream().filter(Objects::nonNull).anyMatch(o -> o.endsWith(":") ? key.startsWith(o) : key.equals(o));
  }
}
