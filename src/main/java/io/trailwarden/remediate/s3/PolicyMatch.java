package io.trailwarden.remediate.s3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.trailwarden.remediate.facet.Documents;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Statement matching as rules/lib/iam.rego does it (Action/NotAction, Resource/NotResource, every
 * Principal form, String/Arn/Bool/Null conditions), so an edit can tell whether the rule already
 * passes and return the policy unchanged. Kept in step with the Rego by the remediation unit tests.
 *
 * <p>What the remediation truly needs of it is structural: which statement to extend (the CloudTrail
 * write grant, found by Principal.Service, Action and Resource), which condition values a statement
 * already requires, and array building. The decision parts (conditionHolds, denies, the ordinary and
 * outsider contexts) only answer "does the rule already pass?", which rules/lib/iam.rego answers
 * authoritatively and the planner already knows (it proposes a fix for a FAIL only, and a second plan
 * after apply is empty when the rule passes). They can disagree with iam.decide: withAclCheck counts
 * any Allow for CloudTrail, while the rule also weighs every Deny of the policy. Replacing them with
 * the rule's verdict (issue 12) is left for after the remediate split.
 */
final class PolicyMatch {
  private PolicyMatch() {}

  static final String CLOUDTRAIL = "cloudtrail.amazonaws.com";

  /** The request context iam.rego calls outsider_context: a trail of an account outside the organization. */
  static final Map<String, String> OUTSIDER = Map.of(
      "aws:principalarn", "arn:aws:iam::000000000000:role/outsider",
      "aws:principalaccount", "000000000000",
      "aws:principaltype", "AssumedRole",
      "aws:securetransport", "true",
      "aws:sourcearn", "arn:aws:cloudtrail:us-east-1:000000000000:trail/outsider",
      "aws:sourceaccount", "000000000000",
      "aws:sourceorgid", "o-outsider000",
      "s3:x-amz-acl", "bucket-owner-full-control");

  static List<JsonNode> statements(JsonNode policy) {
    if (Documents.absent(policy)) {
      return List.of();
    }
    return Documents.elements(policy.path("Statement"));
  }

  /** AWS wildcards: * and ? only. */
  static boolean wildcard(String pattern, String value) {
    StringBuilder regex = new StringBuilder();
    for (char c : pattern.toCharArray()) {
      regex.append(switch (c) {
        case '*' -> ".*";
        case '?' -> ".";
        default -> Pattern.quote(String.valueOf(c));
      });
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(value).matches();
  }

  static boolean coversAction(JsonNode statement, String action) {
    String lower = action.toLowerCase(Locale.ROOT);
    if (statement.has("Action")) {
      return Documents.elements(statement.get("Action")).stream().anyMatch(p -> wildcard(p.asText().toLowerCase(Locale.ROOT), lower));
    }
    return statement.has("NotAction")
        && Documents.elements(statement.get("NotAction")).stream().noneMatch(p -> wildcard(p.asText().toLowerCase(Locale.ROOT), lower));
  }

  static boolean coversResource(JsonNode statement, String arn) {
    if (statement.has("Resource")) {
      return Documents.elements(statement.get("Resource")).stream().anyMatch(p -> wildcard(p.asText(), arn));
    }
    if (statement.has("NotResource")) {
      return Documents.elements(statement.get("NotResource")).stream().noneMatch(p -> wildcard(p.asText(), arn));
    }
    return true;
  }

  static boolean everyone(JsonNode statement) {
    JsonNode principal = statement.path("Principal");
    return principal.isTextual() && principal.asText().equals("*")
        || Documents.elements(principal.path("AWS")).stream().anyMatch(v -> v.asText().equals("*"));
  }

  /** The Principal names the service (or everyone); NotPrincipal counts as iam.rego's applies_to does. */
  static boolean includesService(JsonNode statement, String service) {
    if (!statement.has("Principal")) {
      return false;
    }
    return everyone(statement) || statement.get("Principal").isObject()
        && Documents.elements(statement.get("Principal").path("Service")).stream()
            .anyMatch(v -> v.asText().equals("*") || v.asText().equals(service));
  }

  /** Applies to an outsider principal: everyone, or NotPrincipal (which never names the outsider here). */
  static boolean reachesOutsiders(JsonNode statement) {
    return everyone(statement) || statement.has("NotPrincipal");
  }

  static boolean isAllow(JsonNode statement) {
    return "Allow".equals(statement.path("Effect").asText());
  }

  static boolean isDeny(JsonNode statement) {
    return "Deny".equals(statement.path("Effect").asText());
  }

  /** IAM condition evaluation against a context of lower-cased keys (iam.rego's condition_holds). */
  static boolean conditionHolds(JsonNode statement, Map<String, String> context) {
    var operators = statement.path("Condition").fields();
    while (operators.hasNext()) {
      var operator = operators.next();
      var keys = operator.getValue().fields();
      while (keys.hasNext()) {
        var entry = keys.next();
        List<String> values = Documents.elements(entry.getValue()).stream().map(JsonNode::asText).toList();
        if (!operatorHolds(operator.getKey(), entry.getKey().toLowerCase(Locale.ROOT), values, context)) {
          return false;
        }
      }
    }
    return true;
  }

  private static final Map<String, String> NEGATED = Map.of("StringNotEquals", "StringEquals",
      "StringNotEqualsIgnoreCase", "StringEqualsIgnoreCase", "StringNotLike", "StringLike", "ArnNotEquals", "ArnEquals",
      "ArnNotLike", "ArnLike");

  private static boolean operatorHolds(String operator, String key, List<String> values, Map<String, String> context) {
    String request = context.get(key);
    if (operator.equals("Null")) {
      return values.stream().allMatch(v -> v.equalsIgnoreCase("true") ? request == null : request != null);
    }
    String qualifier = operator.contains(":") ? operator.substring(0, operator.indexOf(':')) : "";
    String rest = operator.substring(operator.indexOf(':') + 1);
    boolean ifExists = rest.endsWith("IfExists");
    String base = ifExists ? rest.substring(0, rest.length() - "IfExists".length()) : rest;
    if (request == null) {
      // ForAllValues holds over an empty set; an absent key satisfies IfExists and negated operators.
      return qualifier.equals("ForAllValues") || qualifier.isEmpty() && (ifExists || NEGATED.containsKey(base));
    }
    String positive = NEGATED.get(base);
    if (positive != null) {
      return values.stream().noneMatch(v -> valueMatches(positive, request, v));
    }
    return values.stream().anyMatch(v -> valueMatches(base, request, v));
  }

  private static boolean valueMatches(String base, String request, String value) {
    return switch (base) {
      case "StringEquals" -> request.equals(value);
      case "StringEqualsIgnoreCase", "Bool" -> request.equalsIgnoreCase(value);
      case "StringLike", "ArnEquals", "ArnLike" -> wildcard(value, request);
      default -> false; // numeric, date, IP and binary operators are not modelled (as in iam.rego)
    };
  }

  /** The values of a condition key under one operator, keys compared case-insensitively. */
  static List<String> conditionValues(JsonNode statement, String operator, String key) {
    List<String> out = new ArrayList<>();
    statement.path("Condition").path(operator).fields().forEachRemaining(e -> {
      if (e.getKey().equalsIgnoreCase(key)) {
        Documents.elements(e.getValue()).forEach(v -> out.add(v.asText()));
      }
    });
    return out;
  }

  /** iam.rego's requires_string_equals: StringEquals gives the key exactly this one value. */
  static boolean requiresStringEquals(JsonNode statement, String key, String value) {
    List<String> values = conditionValues(statement, "StringEquals", key);
    return !values.isEmpty() && values.stream().allMatch(value::equals);
  }

  static ArrayNode strings(List<String> values) {
    ArrayNode array = Documents.object().arrayNode();
    values.forEach(array::add);
    return array;
  }

  /** iam.rego's ordinary_context: a role of the bucket's account calling over HTTPS with MFA. */
  static Map<String, String> ordinary(String account, String region, String organizationId, boolean secureTransport) {
    Map<String, String> context = new java.util.HashMap<>(Map.of(
        "aws:principalarn", "arn:aws:iam::" + account + ":role/trailwarden-ordinary-principal",
        "aws:principalaccount", account,
        "aws:principaltype", "AssumedRole",
        "aws:userid", "AROATRAILWARDENORDINARY:session",
        "aws:securetransport", String.valueOf(secureTransport),
        "aws:multifactorauthpresent", "true",
        "aws:principalisawsservice", "false",
        "aws:viaawsservice", "false",
        "aws:requestedregion", region));
    if (organizationId != null) {
      context.put("aws:principalorgid", organizationId);
    }
    return context;
  }

  /** A Deny that reaches everyone (ordinary callers and outsiders) for the action on the ARN in the context. */
  static boolean denies(JsonNode policy, String action, String arn, Map<String, String> context) {
    return statements(policy).stream().anyMatch(s -> isDeny(s) && everyone(s) && coversAction(s, action)
        && coversResource(s, arn) && conditionHolds(s, context));
  }
}
