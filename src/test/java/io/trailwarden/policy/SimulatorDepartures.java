package io.trailwarden.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where iam-simulate {@value IamSimulator#VERSION} departs from AWS's documentation, the simulation is
 * rewritten into an equivalent one the simulator evaluates as the documentation says, so the differential
 * test still compares every case. Each rewrite is named; {@link PolicyDifferentialTest} counts the cases
 * whose answer it changed, and docs/policy-evaluation.md lists them with the page each follows.
 */
final class SimulatorDepartures {
  /** NotPrincipal page: a Deny exempts a caller only if every identity of its chain is named. */
  static final String NOT_PRINCIPAL_CHAIN = "NotPrincipal exempts only a fully named caller";
  /** Policy variables page: variables resolve in ARN condition values; the simulator splits the ARN first. */
  static final String ARN_VARIABLES = "policy variables in ARN condition values";
  /** Condition operators page: a date is ISO 8601 or epoch seconds; the simulator compares milliseconds to seconds. */
  static final String MIXED_DATES = "ISO 8601 against epoch-second dates";

  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

  private SimulatorDepartures() {}

  /** The rewritten simulation and the departures it works around (empty when nothing changed). */
  record Rewritten(ObjectNode simulation, Set<String> departures) {}

  static Rewritten rewrite(ObjectNode original) {
    ObjectNode simulation = original.deepCopy();
    Set<String> applied = new LinkedHashSet<>();
    JsonNode request = simulation.path("request");
    List<Set<String>> chain = chain(request.path("principal"));
    ObjectNode context = (ObjectNode) request.path("contextVariables");
    for (ObjectNode statement : statements(simulation)) {
      if (statement.has("NotPrincipal") && !chain.isEmpty() && notPrincipal(statement, chain)) {
        applied.add(NOT_PRINCIPAL_CHAIN);
      }
      JsonNode condition = statement.path("Condition");
      for (Iterator<Map.Entry<String, JsonNode>> it = condition.fields(); it.hasNext();) {
        Map.Entry<String, JsonNode> operator = it.next();
        String base = operator.getKey().replaceFirst("^For(Any|All)Value:", "").replaceFirst("IfExists$", "");
        for (Iterator<Map.Entry<String, JsonNode>> keys = operator.getValue().fields(); keys.hasNext();) {
          Map.Entry<String, JsonNode> entry = keys.next();
          JsonNode rewritten = entry.getValue();
          if (base.startsWith("Arn")) {
            boolean negated = base.startsWith("ArnNot");
            rewritten = mapValues(rewritten, v -> resolveVariables(v, context, negated));
            if (!rewritten.equals(entry.getValue())) {
              applied.add(ARN_VARIABLES);
            }
          } else if (base.startsWith("Date")) {
            boolean epochKey = entry.getKey().equalsIgnoreCase("aws:EpochTime");
            rewritten = mapValues(rewritten, v -> epochKey ? toEpoch(v) : toIso(v));
            if (!rewritten.equals(entry.getValue())) {
              applied.add(MIXED_DATES);
            }
          }
          entry.setValue(rewritten);
        }
      }
    }
    return new Rewritten(simulation, applied);
  }

  /** The caller's identities from the account down, each as the strings a policy may name it by. */
  static List<Set<String>> chain(JsonNode principal) {
    Matcher m = Pattern.compile("arn:aws:sts::(\\d{12}):assumed-role/([^/]+)/(.+)").matcher(principal.asText());
    if (!principal.isTextual() || !m.matches()) {
      return List.of();
    }
    String account = m.group(1);
    return List.of(Set.of(account, "arn:aws:iam::" + account + ":root"), Set.of("arn:aws:iam::" + account + ":role/" + m.group(2)),
        Set.of(principal.asText()));
  }

  /**
   * A NotPrincipal that names some but not all of the caller's identities exempts it in the simulator, not
   * in AWS: drop those names (keeping the element valid), so the Deny applies to the caller as documented.
   */
  private static boolean notPrincipal(ObjectNode statement, List<Set<String>> chain) {
    JsonNode element = statement.get("NotPrincipal");
    JsonNode aws = element.path("AWS");
    if (element.isTextual() || !aws.isArray() && !aws.isTextual()) {
      return false;
    }
    List<String> values = new ArrayList<>();
    if (aws.isArray()) {
      aws.forEach(v -> values.add(v.asText()));
    } else {
      values.add(aws.asText());
    }
    if (values.contains("*") || chain.stream().allMatch(identity -> values.stream().anyMatch(identity::contains))) {
      return false;
    }
    List<String> kept = values.stream().filter(v -> chain.stream().noneMatch(identity -> identity.contains(v))).toList();
    if (kept.size() == values.size()) {
      return false;
    }
    ArrayNode replacement = ((ObjectNode) element).putArray("AWS");
    kept.forEach(replacement::add);
    if (kept.isEmpty()) {
      replacement.add("arn:aws:iam::999999999999:root");
    }
    return true;
  }

  /**
   * Resolves the variables the request has. A value with one it lacks fails every comparison (documented),
   * where the simulator lets a negated ARN operator hold: it becomes an ARN matching nothing for a positive
   * operator, and one matching every ARN for a negated one, so that the negated comparison fails.
   */
  private static String resolveVariables(String value, ObjectNode context, boolean negated) {
    Matcher m = VARIABLE.matcher(value);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String replacement = null;
      for (Iterator<Map.Entry<String, JsonNode>> it = context.fields(); it.hasNext();) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getKey().equalsIgnoreCase(m.group(1).trim()) && e.getValue().isTextual()) {
          replacement = e.getValue().asText();
        }
      }
      if (replacement == null) {
        return negated ? "arn:*:*:*:*:*" : "arn:aws:trailwarden-unresolved:::none";
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String toEpoch(String value) {
    try {
      return Long.toString(Instant.parse(value).getEpochSecond());
    } catch (RuntimeException notIso) {
      return value;
    }
  }

  private static String toIso(String value) {
    return value.matches("\\d+") ? Instant.ofEpochSecond(Long.parseLong(value)).toString() : value;
  }

  private static JsonNode mapValues(JsonNode values, java.util.function.UnaryOperator<String> f) {
    if (values.isTextual()) {
      return TextNode.valueOf(f.apply(values.asText()));
    }
    ArrayNode out = PolicyCases.F.arrayNode();
    values.forEach(v -> out.add(v.isTextual() ? f.apply(v.asText()) : v.asText()));
    return out;
  }

  /** Every statement of the resource policy and of every SCP in the simulation. */
  private static List<ObjectNode> statements(ObjectNode simulation) {
    List<JsonNode> policies = new ArrayList<>();
    if (simulation.has("resourcePolicy")) {
      policies.add(simulation.get("resourcePolicy"));
    }
    simulation.path("serviceControlPolicies").forEach(level -> level.path("policies").forEach(p -> policies.add(p.path("policy"))));
    List<ObjectNode> out = new ArrayList<>();
    for (JsonNode policy : policies) {
      JsonNode s = policy.path("Statement");
      if (s.isArray()) {
        s.forEach(x -> out.add((ObjectNode) x));
      } else if (s.isObject()) {
        out.add((ObjectNode) s);
      }
    }
    return out;
  }
}
