package io.trailwarden.report;

import io.trailwarden.finding.Evaluation;
import io.trailwarden.finding.Finding;
import io.trailwarden.finding.Status;
import io.trailwarden.snapshot.Organization;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Accounts (grouped by OU) × rules, each cell the worst status of that rule's findings in that account:
 * where the organization's problems are, at a glance. Accounts come from the snapshot's organization;
 * an account a finding names that the organization does not list (or every account, when the
 * organization was not read) is grouped apart, so no finding is left out of the grid.
 */
record AccountGrid(List<String> rules, List<Group> groups) {
  /** The group of accounts findings name that the organization does not list. */
  static final String UNLISTED = "Accounts the organization does not list";

  /** One OU, by its path from the root ("Root / Workloads / Prod"), with its accounts. */
  record Group(String path, List<Row> rows) {
    long failing() {
      return rows.stream().filter(r -> r.cells().stream().anyMatch(c -> c.status().orElse(null) == Status.FAIL)).count();
    }
  }

  /** One account: its id and name ("" when unknown), and a cell per rule in the grid's order. */
  record Row(String accountId, String name, List<Cell> cells) {}

  /** The worst status of the rule's findings in the account, and how many resources it judged; empty when none. */
  record Cell(Optional<Status> status, int resources) {}

  static AccountGrid of(Evaluation evaluation) {
    List<String> rules = evaluation.rules().stream().map(r -> r.id()).sorted().toList();
    Map<String, Map<String, List<Finding>>> byAccountAndRule = new HashMap<>(); // looked up only
    for (Finding finding : evaluation.findings()) {
      byAccountAndRule.computeIfAbsent(ReportSupport.place(finding.accountId()), k -> new HashMap<>())
          .computeIfAbsent(finding.ruleId(), k -> new ArrayList<>()).add(finding);
    }

    Map<String, List<Row>> groups = new TreeMap<>();
    Set<String> listed = new TreeSet<>();
    evaluation.organization().ifPresent(organization -> {
      Map<String, String> paths = paths(organization);
      for (Organization.Account account : organization.accounts()) {
        listed.add(account.id());
        // An account the collection could not place in the tree (no parent) is listed with the unlisted ones.
        String path = account.parentId().map(paths::get).orElse(UNLISTED);
        groups.computeIfAbsent(path == null ? UNLISTED : path, k -> new ArrayList<>())
            .add(row(account.id(), account.name(), rules, byAccountAndRule));
      }
    });
    byAccountAndRule.keySet().stream().filter(a -> !listed.contains(a))
        .forEach(a -> groups.computeIfAbsent(UNLISTED, k -> new ArrayList<>()).add(row(a,
            a.equals(Finding.UNKNOWN_PLACE) ? "(the evidence names no account)" : "", rules, byAccountAndRule)));

    Comparator<Row> byName = Comparator.comparing(Row::name).thenComparing(Row::accountId);
    List<Group> sorted = new ArrayList<>();
    groups.forEach((path, rows) -> {
      if (!path.equals(UNLISTED)) {
        sorted.add(new Group(path, rows.stream().sorted(byName).toList()));
      }
    });
    Optional.ofNullable(groups.get(UNLISTED)).ifPresent(rows -> sorted.add(new Group(UNLISTED, rows.stream().sorted(byName).toList())));
    return new AccountGrid(rules, List.copyOf(sorted));
  }

  int accounts() {
    return groups.stream().mapToInt(g -> g.rows().size()).sum();
  }

  private static Row row(String accountId, String name, List<String> rules, Map<String, Map<String, List<Finding>>> findings) {
    Map<String, List<Finding>> byRule = findings.getOrDefault(accountId, Map.of());
    List<Cell> cells = new ArrayList<>();
    for (String rule : rules) {
      // a loop, not a stream per cell: a large organization's grid has accounts x rules of them
      List<Finding> these = byRule.getOrDefault(rule, List.of());
      Status worst = null;
      for (Finding finding : these) {
        if (worst == null || ControlMatrix.rank(finding.status()) < ControlMatrix.rank(worst)) {
          worst = finding.status();
        }
      }
      cells.add(new Cell(Optional.ofNullable(worst), these.size()));
    }
    return new Row(accountId, name == null ? "" : name, List.copyOf(cells));
  }

  /** The path of every root and OU id, "Root / Security" style; a cycle or a missing parent ends the path. */
  private static Map<String, String> paths(Organization organization) {
    Map<String, String> names = new HashMap<>();
    Map<String, String> parents = new HashMap<>();
    organization.roots().forEach(r -> names.put(r.id(), r.name()));
    organization.organizationalUnits().forEach(ou -> {
      names.put(ou.id(), ou.name());
      parents.put(ou.id(), ou.parentId());
    });
    Map<String, String> paths = new HashMap<>();
    for (String id : names.keySet()) {
      List<String> parts = new ArrayList<>();
      Set<String> seen = new TreeSet<>();
      for (String at = id; at != null && names.containsKey(at) && seen.add(at); at = parents.get(at)) {
        parts.add(0, names.get(at));
      }
      paths.put(id, String.join(" / ", parts));
    }
    return paths;
  }
}
