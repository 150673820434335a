package io.trailwarden.report;

import io.trailwarden.finding.Evaluation;
import io.trailwarden.finding.Finding;
import io.trailwarden.finding.Status;
import io.trailwarden.policy.Frameworks;
import io.trailwarden.policy.RuleMetadata;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Per framework, each control with the rules that implement it and its status rolled up over every
 * resource those rules judged: what an auditor reads. The frameworks are those of
 * {@code rules/frameworks.yaml} in its order, then any framework a rule names that the file lacks
 * (an evaluation read back from a report has no file), so no mapping is ever dropped.
 */
record ControlMatrix(List<FrameworkView> frameworks) {

  /** A control's status over the organization, worst first. */
  enum ControlStatus {
    /** Some resource fails. */
    FAIL,
    /** No failure, but some resource could not be judged: never a pass. */
    UNKNOWN,
    /** Only passes and waived resources: accepted, not compliant. */
    WAIVED,
    /** Every resource judged passes. */
    PASS,
    /** The rules ran and found nothing to judge: no evidence either way. */
    NO_RESOURCES,
    /** Rules implement the control, but none of them was selected for this run. */
    NOT_EVALUATED,
    /** No TrailWarden rule implements the control. */
    NOT_COVERED;

    /** "NO RESOURCES": the words shown in a status cell. */
    String label() {
      return name().replace('_', ' ');
    }

    /** The CSS class of the status colour; the label is always shown too. */
    String css() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  /** One framework: its name, source and controls. */
  record FrameworkView(String id, String name, String url, List<ControlView> controls) {
    long count(ControlStatus status) {
      return controls.stream().filter(c -> c.status() == status).count();
    }

    /** Controls some evaluated rule implements. */
    long evaluated() {
      return controls.stream().filter(c -> c.status().compareTo(ControlStatus.NO_RESOURCES) <= 0).count();
    }
  }

  /**
   * One control.
   *
   * @param rules the evaluated rules that implement it, by id
   * @param findings every finding of those rules, worst first, then by rule and resource
   * @param uncovered why no rule implements it, when the frameworks file says so
   */
  record ControlView(String id, String title, List<String> rules, ControlStatus status, List<Finding> findings,
      String uncovered) {
    long count(Status status) {
      return findings.stream().filter(f -> f.status() == status).count();
    }

    /** The resources an auditor must look at: failing, unjudged and waived. */
    List<Finding> notPassing() {
      return findings.stream().filter(f -> f.status() != Status.PASS).toList();
    }
  }

  /** Worst first: the order findings are listed in under a control. */
  static final Comparator<Finding> WORST_FIRST = Comparator.comparing((Finding f) -> rank(f.status()))
      .thenComparing(Finding::severity).thenComparing(Evaluation.ORDER);

  static ControlMatrix of(Evaluation evaluation) {
    Map<String, List<String>> evaluatedRulesByControl = new TreeMap<>();
    Map<String, Set<String>> controlsByFramework = new TreeMap<>();
    for (RuleMetadata rule : evaluation.rules()) {
      rule.frameworks().forEach((framework, controls) -> controls.forEach(control -> {
        evaluatedRulesByControl.computeIfAbsent(key(framework, control), k -> new ArrayList<>()).add(rule.id());
        controlsByFramework.computeIfAbsent(framework, k -> new TreeSet<>(ControlMatrix::compareControlIds)).add(control);
      }));
    }
    Map<String, List<Finding>> findingsByRule = new TreeMap<>();
    evaluation.findings().forEach(f -> findingsByRule.computeIfAbsent(f.ruleId(), k -> new ArrayList<>()).add(f));

    Map<String, Frameworks.Framework> known = new LinkedHashMap<>();
    evaluation.frameworks().frameworks().forEach(f -> known.put(f.id(), f));
    List<FrameworkView> views = new ArrayList<>();
    for (Frameworks.Framework framework : known.values()) {
      List<ControlView> controls = new ArrayList<>();
      Set<String> listed = new TreeSet<>();
      for (Frameworks.Control control : framework.controls()) {
        listed.add(control.id());
        controls.add(control(framework.id(), control.id(), control.title(), control.whyUncovered().orElse(null),
            evaluatedRulesByControl, findingsByRule));
      }
      // A control a rule names that the file lacks (FrameworksTest forbids it in the project's rules).
      controlsByFramework.getOrDefault(framework.id(), Set.of()).stream().filter(c -> !listed.contains(c))
          .forEach(c -> controls.add(control(framework.id(), c, "", null, evaluatedRulesByControl, findingsByRule)));
      views.add(new FrameworkView(framework.id(), framework.name(), framework.url(), controls));
    }
    controlsByFramework.forEach((framework, controlIds) -> {
      if (!known.containsKey(framework)) {
        views.add(new FrameworkView(framework, framework, "", controlIds.stream()
            .map(c -> control(framework, c, "", null, evaluatedRulesByControl, findingsByRule)).toList()));
      }
    });
    return new ControlMatrix(views);
  }

  private static ControlView control(String framework, String controlId, String title, String uncovered,
      Map<String, List<String>> rulesByControl, Map<String, List<Finding>> findingsByRule) {
    List<String> rules = rulesByControl.getOrDefault(key(framework, controlId), List.of());
    List<Finding> findings = rules.stream().flatMap(r -> findingsByRule.getOrDefault(r, List.of()).stream())
        .sorted(WORST_FIRST).toList();
    ControlStatus status;
    if (rules.isEmpty()) {
      status = uncovered != null ? ControlStatus.NOT_COVERED : ControlStatus.NOT_EVALUATED;
    } else if (findings.isEmpty()) {
      status = ControlStatus.NO_RESOURCES;
    } else {
      status = switch (findings.get(0).status()) {
        case FAIL -> ControlStatus.FAIL;
        case UNKNOWN -> ControlStatus.UNKNOWN;
        case WAIVED -> ControlStatus.WAIVED;
        case PASS -> ControlStatus.PASS;
      };
    }
    return new ControlView(controlId, title, List.copyOf(rules), status, findings, uncovered);
  }

  /** FAIL, UNKNOWN, WAIVED, PASS: the first finding under this order decides a roll-up. */
  static int rank(Status status) {
    return switch (status) {
      case FAIL -> 0;
      case UNKNOWN -> 1;
      case WAIVED -> 2;
      case PASS -> 3;
    };
  }

  private static String key(String framework, String control) {
    return framework + "\n" + control;
  }

  /** "3.2" before "3.10", "CloudTrail.2" before "CloudTrail.10": numbers compare as numbers. */
  static int compareControlIds(String a, String b) {
    String[] left = a.split("(?<=\\D)(?=\\d)|(?<=\\d)(?=\\D)");
    String[] right = b.split("(?<=\\D)(?=\\d)|(?<=\\d)(?=\\D)");
    for (int i = 0; i < Math.min(left.length, right.length); i++) {
      boolean numbers = left[i].chars().allMatch(Character::isDigit) && right[i].chars().allMatch(Character::isDigit);
      int c = numbers ? new java.math.BigInteger(left[i]).compareTo(new java.math.BigInteger(right[i]))
          : left[i].compareTo(right[i]);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(left.length, right.length) != 0 ? Integer.compare(left.length, right.length) : a.compareTo(b);
  }
}
