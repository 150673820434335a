package io.trailwarden.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwarden.InvalidInputException;
import io.trailwarden.YamlLines;
import io.trailwarden.policy.Catalogue;
import io.trailwarden.policy.RuleMetadata;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The config's references to rules, checked against the catalogue: every rule id or framework it
 * names must exist, or the error points at the line that names it.
 */
public final class RuleSelection {
  private RuleSelection() {}

  /** The rules to evaluate: include (all when empty) minus exclude, by rule id or framework id. */
  public static List<RuleMetadata> select(ConfigLoader.Loaded loaded, Catalogue catalogue) {
    check(loaded, catalogue);
    Config.Rules rules = loaded.config().rules();
    List<RuleMetadata> selected = catalogue.rules().stream()
        .filter(r -> rules.include().isEmpty() || named(r, rules.include()))
        .filter(r -> !named(r, rules.exclude()))
        .toList();
    if (selected.isEmpty()) {
      // Zero rules judge nothing, and a run that judges nothing must not read as clean.
      throw error(loaded, List.of("rules", rules.exclude().isEmpty() ? "include" : "exclude"),
          "rules.include and rules.exclude together select no rule of the " + catalogue.rules().size()
              + "; a run needs at least one");
    }
    return selected;
  }

  static void check(ConfigLoader.Loaded loaded, Catalogue catalogue) {
    Set<String> frameworks = new HashSet<>();
    catalogue.rules().forEach(r -> frameworks.addAll(r.frameworks().keySet()));
    Config config = loaded.config();
    checkNames(loaded, catalogue, frameworks, "include", config.rules().include());
    checkNames(loaded, catalogue, frameworks, "exclude", config.rules().exclude());
    List<String> allow = config.remediation().allow();
    for (int i = 0; i < allow.size(); i++) {
      String name = allow.get(i);
      if (!name.equals(Config.Remediation.ALL) && catalogue.find(name).isEmpty() && !frameworks.contains(name)) {
        throw error(loaded, List.of("remediation", "allow", i), "remediation.allow names '" + name
            + "', which is neither a rule id, a framework id nor 'all' (see: trailwarden rules list)");
      }
    }
    for (var entry : config.rules().params().entrySet()) {
      String id = entry.getKey();
      RuleMetadata rule = catalogue.find(id).orElseThrow(
          () -> error(loaded, List.of("rules", "params", id), "rules.params names unknown rule '" + id + "'"));
      checkParams(loaded, rule, entry.getValue());
    }
    for (int i = 0; i < config.waivers().size(); i++) {
      String id = config.waivers().get(i).rule();
      if (catalogue.find(id).isEmpty()) {
        throw error(loaded, List.of("waivers", i, "rule"), "waivers[" + i + "] names unknown rule '" + id + "'");
      }
    }
  }

  private static void checkNames(ConfigLoader.Loaded loaded, Catalogue catalogue, Set<String> frameworks,
      String key, List<String> names) {
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      if (catalogue.find(name).isEmpty() && !frameworks.contains(name)) {
        throw error(loaded, List.of("rules", key, i),
            "rules." + key + " names '" + name + "', which is neither a rule id nor a framework id (see: trailwarden rules list)");
      }
    }
  }

  /**
   * A rule's parameters take the kind of their METADATA default: a whole number (0 or more), true or
   * false, a string, a list of strings, a mapping. A wrong kind would not fail loudly in Rego: a
   * comparison with "abc" is simply undefined, and the rule judges as if the parameter were not there.
   */
  private static void checkParams(ConfigLoader.Loaded loaded, RuleMetadata rule, JsonNode params) {
    List<Object> at = List.of("rules", "params", rule.id());
    if (params == null || !params.isObject()) {
      throw error(loaded, at, "rules.params." + rule.id() + " must be a mapping of parameter names to values"
          + known(rule));
    }
    for (var it = params.fields(); it.hasNext(); ) {
      var param = it.next();
      List<Object> place = List.of("rules", "params", rule.id(), param.getKey());
      JsonNode declared = rule.params().get(param.getKey());
      if (declared == null) {
        throw error(loaded, place, "rules.params." + rule.id() + ": unknown parameter '" + param.getKey() + "'" + known(rule));
      }
      String expected = kind(declared);
      if (!fits(declared, param.getValue())) {
        throw error(loaded, place, "rules.params." + rule.id() + "." + param.getKey() + " must be " + expected
            + ", not " + param.getValue() + " (its default: " + declared + ")");
      }
    }
  }

  private static String known(RuleMetadata rule) {
    List<String> names = new java.util.ArrayList<>();
    rule.params().fieldNames().forEachRemaining(names::add);
    return names.isEmpty() ? "; this rule has no parameters" : "; its parameters: " + String.join(", ", names.stream().sorted().toList());
  }

  private static String kind(JsonNode declared) {
    if (declared.isIntegralNumber()) {
      return "a whole number from 0 to " + Integer.MAX_VALUE;
    }
    if (declared.isNumber()) {
      return "a number";
    }
    if (declared.isBoolean()) {
      return "true or false";
    }
    if (declared.isTextual()) {
      return "a string";
    }
    if (declared.isArray()) {
      return declared.size() > 0 && declared.get(0).isTextual() ? "a list of strings" : "a list";
    }
    return "a mapping";
  }

  private static boolean fits(JsonNode declared, JsonNode value) {
    if (declared.isIntegralNumber()) {
      return value.isIntegralNumber() && value.canConvertToInt() && value.intValue() >= 0;
    }
    if (declared.isNumber()) {
      return value.isNumber() && Double.isFinite(value.doubleValue());
    }
    if (declared.isBoolean()) {
      return value.isBoolean();
    }
    if (declared.isTextual()) {
      return value.isTextual();
    }
    if (declared.isArray()) {
      boolean strings = declared.size() > 0 && declared.get(0).isTextual();
      if (!value.isArray()) {
        return false;
      }
      for (JsonNode element : value) {
        if (strings && !element.isTextual()) {
          return false;
        }
      }
      return true;
    }
    return declared.isObject() ? value.isObject() : value.getNodeType() == declared.getNodeType();
  }

  /** True when config.yaml's remediation.allow lets this rule's remediation run. */
  public static boolean remediationAllowed(Config config, RuleMetadata rule) {
    List<String> allow = config.remediation().allow();
    return allow.contains(Config.Remediation.ALL) || named(rule, allow);
  }

  private static boolean named(RuleMetadata rule, List<String> names) {
    return names.contains(rule.id()) || rule.frameworks().keySet().stream().anyMatch(names::contains);
  }

  private static InvalidInputException error(ConfigLoader.Loaded loaded, List<Object> path, String message) {
    String line = YamlLines.lineOf(loaded.text(), path).map(n -> ":" + n).orElse("");
    return new InvalidInputException(loaded.file() + line + ": " + message);
  }
}
