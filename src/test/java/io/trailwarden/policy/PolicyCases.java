package io.trailwarden.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded, reproducible generator of the cases {@link PolicyDifferentialTest} poses to TrailWarden and to
 * the IAM simulator: bucket policies and SCP trees built from the elements real teams write (random Sids
 * and statement order, wildcards, NotAction/NotResource/NotPrincipal, every condition operator family with
 * IfExists and set qualifiers, policy variables, allow-lists at each level), each with one request of its
 * {@link Question}.
 *
 * <p>Each case is a pair of views of the same thing: {@link Case#rego()} (the arguments TrailWarden's request
 * builders take) and {@link Case#simulation()} (the simulator's request, whose context is written here from
 * the documentation of what the caller sends, not taken from the Rego side).
 */
final class PolicyCases {
  static final String MANAGEMENT = "111111111111";
  static final String LOGGING = "222222222222";
  static final String MEMBER = "333333333333";
  static final String OUTSIDER = "000000000000";
  static final String ORG = "o-a1b2c3d4e5";
  static final String ROOT = "r-ab12";
  static final String BUCKET = "acme-org-cloudtrail-logs";
  static final String BUCKET_ARN = "arn:aws:s3:::" + BUCKET;
  static final String TRAIL = "arn:aws:cloudtrail:us-east-1:" + MANAGEMENT + ":trail/org-trail";
  static final String OTHER_TRAIL = "arn:aws:cloudtrail:us-east-1:" + MANAGEMENT + ":trail/other-trail";
  static final String NOW = "2026-11-23T02:00:00Z";
  static final String EPOCH = "1795399200";
  static final String ORDINARY_ROLE = "trailwarden-ordinary-principal";
  static final String SESSION = "trailwarden";
  static final String SOURCE_IP = "198.51.100.7";

  /** The questions the policy rules ask, each with the requests it is posed as. */
  enum Question {
    DELIVERY("delivery"),
    ACL_CHECK("acl-check"),
    DENY_DELETE("deny-delete"),
    TLS("tls"),
    PUBLIC("public"),
    SCP_TRAIL("scp-trail"),
    SCP_BUCKET("scp-bucket");

    final String id;

    Question(String id) {
      this.id = id;
    }

    boolean isScp() {
      return this == SCP_TRAIL || this == SCP_BUCKET;
    }
  }

  /**
   * One case: the question, its request arguments, and the policy under test ({@code policy}: a bucket
   * policy, or for SCP questions the levels root first, each {@code {"id", "policies": [{"name",
   * "document"}]}}). Shrinking edits only {@code policy}.
   */
  record Case(Question question, ObjectNode request, JsonNode policy) {
    Case withPolicy(JsonNode newPolicy) {
      return new Case(question, request, newPolicy);
    }

    /** The case as differential.rego reads it. */
    ObjectNode rego() {
      ObjectNode c = request.deepCopy();
      c.put("question", question.id);
      c.put("now", NOW);
      if (question.isScp()) {
        c.set("snapshot", snapshot());
      } else {
        c.set("policy", policy);
      }
      return c;
    }

    /** The case as the simulator reads it. */
    ObjectNode simulation() {
      ObjectNode sim = F.objectNode();
      ObjectNode req = sim.putObject("request");
      String caller = request.path("caller").asText();
      if (caller.equals("anonymous")) {
        req.putObject("principal").put("type", "Anonymous");
      } else {
        req.put("principal", principalOf(caller, request.path("account").asText()));
      }
      req.put("action", request.path("action").asText());
      ObjectNode resource = req.putObject("resource");
      resource.put("resource", request.path("resource").asText());
      resource.put("accountId", question == Question.SCP_TRAIL ? MANAGEMENT : LOGGING);
      req.set("contextVariables", simulatorContext());
      sim.putArray("identityPolicies");
      sim.putArray("resourceControlPolicies");
      ArrayNode scps = sim.putArray("serviceControlPolicies");
      if (question.isScp()) {
        for (JsonNode level : policy) {
          ObjectNode l = scps.addObject();
          l.put("orgIdentifier", level.path("id").asText());
          ArrayNode policies = l.putArray("policies");
          for (JsonNode p : level.path("policies")) {
            policies.addObject().put("name", p.path("name").asText()).set("policy", p.path("document"));
          }
        }
      } else {
        sim.set("resourcePolicy", policy);
      }
      return sim;
    }

    private static String principalOf(String caller, String account) {
      return switch (caller) {
        case "cloudtrail" -> "cloudtrail.amazonaws.com";
        case "outsider" -> "arn:aws:sts::" + OUTSIDER + ":assumed-role/outsider/" + SESSION;
        default -> "arn:aws:sts::" + account + ":assumed-role/" + ORDINARY_ROLE + "/" + SESSION;
      };
    }

    /** The request context, keys spelt as the AWS documentation spells them. */
    private ObjectNode simulatorContext() {
      ObjectNode ctx = F.objectNode();
      String caller = request.path("caller").asText();
      String secure = request.path("secure").asText("true");
      switch (caller) {
        case "cloudtrail" -> {
          String trail = request.path("trail").asText();
          ctx.put("aws:SourceArn", trail);
          ctx.put("aws:SourceAccount", trail.split(":")[4]);
          ctx.put("aws:SecureTransport", "true");
          ctx.put("aws:PrincipalServiceName", "cloudtrail.amazonaws.com");
          ctx.put("aws:PrincipalIsAWSService", "true");
          if (request.path("action").asText().equals("s3:PutObject")) {
            ctx.put("s3:x-amz-acl", "bucket-owner-full-control");
          }
        }
        case "anonymous" -> {
          ctx.put("aws:SecureTransport", secure);
          ctx.put("aws:SourceIp", SOURCE_IP);
        }
        default -> {
          boolean outsider = caller.equals("outsider");
          String account = outsider ? OUTSIDER : request.path("account").asText();
          String role = outsider ? "outsider" : ORDINARY_ROLE;
          ctx.put("aws:PrincipalArn", "arn:aws:iam::" + account + ":role/" + role);
          ctx.put("aws:PrincipalAccount", account);
          ctx.put("aws:PrincipalType", "AssumedRole");
          ctx.put("aws:userid", (outsider ? "AROAOUTSIDER" : "AROATRAILWARDENORDINARY") + ":" + SESSION);
          ctx.put("aws:PrincipalIsAWSService", "false");
          ctx.put("aws:MultiFactorAuthPresent", "true");
          ctx.put("aws:MultiFactorAuthAge", "60");
          if (outsider) {
            ctx.put("aws:PrincipalOrgID", "o-outsider000");
            ctx.putArray("aws:PrincipalOrgPaths").add("o-outsider000/r-out0/");
          } else {
            ctx.put("aws:PrincipalOrgID", ORG);
            ctx.putArray("aws:PrincipalOrgPaths").add(request.path("orgPath").asText());
          }
          ctx.put("aws:SecureTransport", secure);
          ctx.put("aws:ViaAWSService", "false");
          ctx.put("aws:RequestedRegion", outsider ? "us-east-1" : request.path("region").asText());
          ctx.put("aws:SourceIp", SOURCE_IP);
        }
      }
      ctx.put("aws:CurrentTime", NOW);
      ctx.put("aws:EpochTime", EPOCH);
      return ctx;
    }

    /** A minimal snapshot holding the SCP tree of the levels, for lib/organization. */
    private ObjectNode snapshot() {
      ObjectNode snap = F.objectNode();
      snap.put("collectedAt", NOW);
      snap.putObject("scope").put("managementAccountId", MANAGEMENT);
      ObjectNode org = snap.putObject("organization");
      org.put("id", ORG);
      org.putArray("roots").addObject().put("id", ROOT);
      ArrayNode ous = org.putArray("organizationalUnits");
      String parent = ROOT;
      for (int i = 1; i < policy.size() - 1; i++) {
        String id = policy.get(i).path("id").asText();
        ous.addObject().put("id", id).put("name", "OU" + i).put("parentId", parent);
        parent = id;
      }
      org.putArray("accounts").addObject().put("id", request.path("account").asText()).put("name", "member")
          .put("parentId", parent).put("status", "ACTIVE");
      ArrayNode scps = snap.putArray("scps");
      int n = 0;
      for (JsonNode level : policy) {
        for (JsonNode p : level.path("policies")) {
          ObjectNode scp = scps.addObject();
          scp.put("id", String.format("p-%08d", n++));
          scp.put("name", p.path("name").asText());
          scp.set("document", p.path("document"));
          scp.putArray("targets").add(level.path("id").asText());
        }
      }
      return snap;
    }
  }

  static final JsonNodeFactory F = JsonNodeFactory.instance;

  private final Random random;
  private int sids;

  PolicyCases(long seed) {
    this.random = new Random(seed);
  }

  Case next(Question question) {
    return switch (question) {
      case DELIVERY -> bucketCase(question, cloudtrailRequest("s3:PutObject", logObject()));
      case ACL_CHECK -> bucketCase(question, cloudtrailRequest("s3:GetBucketAcl", BUCKET_ARN));
      case DENY_DELETE -> bucketCase(question,
          callerRequest("ordinary", pick("s3:DeleteObject", "s3:DeleteObjectVersion"), logObject(), "true"));
      case TLS -> bucketCase(question, random.nextInt(4) == 0
          ? callerRequest("anonymous", pick("s3:GetObject", "s3:PutObject"), logObject(), "false")
          : tlsRequest());
      case PUBLIC -> bucketCase(question, publicRequest());
      case SCP_TRAIL -> scpCase(question, pick("cloudtrail:StopLogging", "cloudtrail:DeleteTrail", "cloudtrail:UpdateTrail"),
          pick(TRAIL, TRAIL, "arn:aws:cloudtrail:eu-west-1:" + MANAGEMENT + ":trail/org-trail"));
      case SCP_BUCKET -> scpCase(question,
          pick("s3:DeleteBucket", "s3:PutBucketPolicy", "s3:DeleteBucketPolicy", "s3:PutLifecycleConfiguration"), BUCKET_ARN);
    };
  }

  // ----------------------------------------------------------------------------------------------
  // Requests

  private ObjectNode cloudtrailRequest(String action, String resource) {
    ObjectNode r = F.objectNode();
    r.put("caller", "cloudtrail");
    r.put("trail", random.nextInt(5) == 0 ? OTHER_TRAIL : TRAIL);
    r.put("action", action);
    r.put("resource", resource);
    return r;
  }

  private ObjectNode callerRequest(String caller, String action, String resource, String secure) {
    ObjectNode r = F.objectNode();
    r.put("caller", caller);
    r.put("account", LOGGING);
    r.put("region", "us-east-1");
    r.put("orgPath", ORG + "/" + ROOT + "/");
    r.set("org", F.objectNode().put("id", ORG).put("path", ORG + "/" + ROOT + "/"));
    r.put("action", action);
    r.put("resource", resource);
    r.put("secure", secure);
    return r;
  }

  private ObjectNode tlsRequest() {
    boolean object = random.nextBoolean();
    return callerRequest("ordinary",
        object ? pick("s3:GetObject", "s3:PutObject", "s3:DeleteObject") : pick("s3:ListBucket", "s3:PutBucketPolicy", "s3:DeleteBucket"),
        object ? BUCKET_ARN + "/AWSLogs/CloudTrail/log.json.gz" : BUCKET_ARN, "false");
  }

  private ObjectNode publicRequest() {
    boolean object = random.nextBoolean();
    return callerRequest(pick("anonymous", "outsider"),
        object ? pick("s3:GetObject", "s3:PutObject", "s3:DeleteObject") : pick("s3:ListBucket", "s3:GetBucketAcl", "s3:PutBucketPolicy"),
        object ? logObject() : BUCKET_ARN, "true");
  }

  private String logObject() {
    String prefix = pick("", "", "cloudtrail/");
    String owner = pick(MANAGEMENT, ORG);
    return BUCKET_ARN + "/" + prefix + "AWSLogs/" + owner + "/CloudTrail/us-east-1/2026/11/23/log.json.gz";
  }

  // ----------------------------------------------------------------------------------------------
  // Bucket policies

  private Case bucketCase(Question question, ObjectNode request) {
    ObjectNode policy = F.objectNode();
    policy.put("Version", "2012-10-17");
    ArrayNode statements = policy.putArray("Statement");
    int n = 1 + random.nextInt(4);
    sids = 0;
    for (int i = 0; i < n; i++) {
      statements.add(bucketStatement(question));
    }
    return new Case(question, request, policy);
  }

  private ObjectNode bucketStatement(Question question) {
    ObjectNode s = F.objectNode();
    sid(s);
    boolean deny = random.nextInt(5) < 2;
    s.put("Effect", deny ? "Deny" : "Allow");
    if (deny && random.nextInt(4) == 0) {
      s.set("NotPrincipal", principal(question, true));
    } else {
      s.set("Principal", principal(question, false));
    }
    actions(s, bucketActions(question));
    resources(s, bucketResources());
    condition(s, false);
    return s;
  }

  private void sid(ObjectNode s) {
    int choice = random.nextInt(4);
    if (choice == 1) {
      s.put("Sid", "S" + (sids++) + pick("", "Allow", "Deny", "CloudTrail"));
    } else if (choice == 2) {
      s.put("Sid", "Stmt" + (sids++));
    }
  }

  private JsonNode principal(Question question, boolean notPrincipal) {
    List<JsonNode> forms = new ArrayList<>();
    String[] aws = {
        LOGGING, MANAGEMENT, OUTSIDER,
        "arn:aws:iam::" + LOGGING + ":root", "arn:aws:iam::" + OUTSIDER + ":root",
        "arn:aws:iam::" + LOGGING + ":role/" + ORDINARY_ROLE, "arn:aws:iam::" + LOGGING + ":role/BreakGlass",
        "arn:aws:sts::" + LOGGING + ":assumed-role/" + ORDINARY_ROLE + "/" + SESSION,
        "arn:aws:iam::" + OUTSIDER + ":role/outsider",
        "arn:aws:sts::" + OUTSIDER + ":assumed-role/outsider/" + SESSION,
    };
    int kind = random.nextInt(notPrincipal ? 4 : 6);
    switch (kind) {
      case 0 -> {
        ArrayNode values = F.arrayNode();
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
          values.add(aws[random.nextInt(aws.length)]);
        }
        return F.objectNode().set("AWS", values.size() == 1 ? values.get(0) : values);
      }
      case 1 -> {
        return F.objectNode().put("Service", pick("cloudtrail.amazonaws.com", "cloudtrail.amazonaws.com", "config.amazonaws.com"));
      }
      case 2 -> {
        ObjectNode p = F.objectNode();
        p.put("Service", "cloudtrail.amazonaws.com");
        p.put("AWS", aws[random.nextInt(aws.length)]);
        return p;
      }
      case 3 -> {
        // The documented way to exempt a role session: the session, its role and its account.
        String account = pick(LOGGING, OUTSIDER);
        String role = account.equals(LOGGING) ? ORDINARY_ROLE : "outsider";
        ArrayNode values = F.arrayNode();
        if (random.nextBoolean()) {
          values.add("arn:aws:sts::" + account + ":assumed-role/" + role + "/" + SESSION);
        }
        if (random.nextBoolean()) {
          values.add("arn:aws:iam::" + account + ":role/" + role);
        }
        values.add(random.nextBoolean() ? "arn:aws:iam::" + account + ":root" : account);
        return F.objectNode().set("AWS", values);
      }
      case 4 -> {
        return F.textNode("*");
      }
      default -> {
        return F.objectNode().put("AWS", "*");
      }
    }
  }

  private String[] bucketActions(Question question) {
    return new String[] {
        "s3:PutObject", "s3:GetBucketAcl", "s3:*", "*", "s3:Put*", "s3:Get*", "s3:DeleteObject*", "s3:DeleteObject",
        "s3:DeleteObjectVersion", "s3:ListBucket", "s3:GetObject", "s3:P?tObject", "S3:putobject", "s3:PutBucketPolicy",
        "s3:DeleteBucket", "s3:GetBucket*", "s3:*Object", "s3:Delete*",
    };
  }

  private String[] bucketResources() {
    return new String[] {
        "*", BUCKET_ARN, BUCKET_ARN + "/*", BUCKET_ARN + "/AWSLogs/*", BUCKET_ARN + "/AWSLogs/" + MANAGEMENT + "/*",
        BUCKET_ARN + "/AWSLogs/" + ORG + "/*", BUCKET_ARN + "/cloudtrail/AWSLogs/*", "arn:aws:s3:::other-bucket/*",
        BUCKET_ARN + "*", BUCKET_ARN + "/AWSLogs/${aws:SourceAccount}/*", BUCKET_ARN + "/AWSLogs/${aws:PrincipalAccount}/*",
        "arn:aws:s3:::ACME-ORG-CLOUDTRAIL-LOGS/*", "arn:aws:s3:::*/AWSLogs/*", "arn:aws:s3:::acme-org-cloudtrail-?ogs",
        "arn:aws:s3:::acme-*", BUCKET_ARN + "/*/AWSLogs/*",
    };
  }

  private void actions(ObjectNode s, String[] choices) {
    boolean not = random.nextInt(6) == 0;
    s.set(not ? "NotAction" : "Action", values(choices, 3));
  }

  private void resources(ObjectNode s, String[] choices) {
    int r = random.nextInt(7);
    if (r == 0) {
      s.set("NotResource", values(choices, 2));
    } else {
      s.set("Resource", values(choices, 3));
    }
  }

  /** One to {@code max} distinct values, a string when there is one (both forms are valid JSON policy). */
  private JsonNode values(String[] choices, int max) {
    int n = 1 + random.nextInt(max);
    List<String> chosen = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String v = choices[random.nextInt(choices.length)];
      if (!chosen.contains(v)) {
        chosen.add(v);
      }
    }
    if (chosen.size() == 1 && random.nextBoolean()) {
      return F.textNode(chosen.get(0));
    }
    ArrayNode a = F.arrayNode();
    chosen.forEach(a::add);
    return a;
  }

  // ----------------------------------------------------------------------------------------------
  // Conditions

  /** A condition family: operators, the keys they take, and values (some of which match a request). */
  private record Family(String[] operators, String[] keys, String[] values) {}

  private static final String[] STRING_KEYS = {
      "aws:SourceArn", "aws:SourceAccount", "s3:x-amz-acl", "aws:PrincipalOrgID", "aws:PrincipalAccount",
      "aws:PrincipalArn", "aws:PrincipalServiceName", "aws:userid", "aws:RequestedRegion", "aws:PrincipalType",
      "aws:SourceOrgID", "AWS:SOURCEARN", "aws:principalorgid",
  };

  private static final String[] STRING_VALUES = {
      TRAIL, OTHER_TRAIL, "arn:aws:cloudtrail:*:" + MANAGEMENT + ":trail/*", "ARN:AWS:CLOUDTRAIL:US-EAST-1:" + MANAGEMENT + ":TRAIL/ORG-TRAIL",
      MANAGEMENT, LOGGING, OUTSIDER, "bucket-owner-full-control", "private", "BUCKET-OWNER-FULL-CONTROL", ORG, "o-outsider000",
      "o-*", "arn:aws:iam::" + LOGGING + ":role/" + ORDINARY_ROLE, "arn:aws:iam::*:role/BreakGlass", "arn:aws:iam::*:role/*",
      "cloudtrail.amazonaws.com", "AROA*", "us-east-1", "eu-*", "AssumedRole", "*", "arn:aws:cloudtrail:us-east-1:${aws:SourceAccount}:trail/org-trail",
      "${aws:PrincipalAccount}", "arn:aws:iam::${aws:PrincipalAccount}:role/" + ORDINARY_ROLE, "${aws:SourceAccount}",
      "arn:aws:cloudtrail:us-east-1:" + MANAGEMENT + ":trail/org-?rail",
  };

  private static final Family STRING = new Family(new String[] {
      "StringEquals", "StringNotEquals", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase", "StringLike", "StringNotLike",
      "StringEqualsIfExists", "StringNotEqualsIfExists", "StringLikeIfExists", "StringNotLikeIfExists",
  }, STRING_KEYS, STRING_VALUES);

  private static final Family ARN = new Family(new String[] {
      "ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike", "ArnLikeIfExists", "ArnNotLikeIfExists",
  }, new String[] {"aws:SourceArn", "aws:PrincipalArn"}, new String[] {
      TRAIL, OTHER_TRAIL, "arn:aws:cloudtrail:*:" + MANAGEMENT + ":trail/*", "arn:aws:cloudtrail:*:*:*",
      "arn:aws:iam::" + LOGGING + ":role/" + ORDINARY_ROLE, "arn:aws:iam::*:role/BreakGlass", "arn:aws:iam::*:role/*",
      "arn:aws:iam::*:*", "arn:aws:*", "arn:aws:cloudtrail:us-east-1:${aws:SourceAccount}:trail/org-trail",
      "arn:aws:iam::${aws:PrincipalAccount}:role/*", "arn:aws:cloud*:us-east-1:" + MANAGEMENT + ":trail/org-trail",
  });

  private static final Family BOOL = new Family(new String[] {"Bool", "BoolIfExists"},
      new String[] {"aws:SecureTransport", "aws:PrincipalIsAWSService", "aws:MultiFactorAuthPresent", "aws:ViaAWSService"},
      new String[] {"true", "false", "True", "FALSE"});

  private static final Family NUMERIC = new Family(new String[] {
      "NumericEquals", "NumericNotEquals", "NumericLessThan", "NumericLessThanEquals", "NumericGreaterThan",
      "NumericGreaterThanEquals", "NumericLessThanIfExists",
  }, new String[] {"aws:MultiFactorAuthAge", "aws:EpochTime"}, new String[] {"30", "60", "3600", "1795399200", "1800000000"});

  private static final Family DATE = new Family(new String[] {
      "DateEquals", "DateNotEquals", "DateLessThan", "DateLessThanEquals", "DateGreaterThan", "DateGreaterThanEquals",
      "DateGreaterThanIfExists",
  }, new String[] {"aws:CurrentTime", "aws:EpochTime"}, new String[] {
      "2026-01-01T00:00:00Z", NOW, "2027-06-30T12:00:00Z", "1795399200", "1700000000",
  });

  private static final Family IP = new Family(new String[] {"IpAddress", "NotIpAddress", "IpAddressIfExists"},
      new String[] {"aws:SourceIp"}, new String[] {"198.51.100.0/24", "203.0.113.0/24", SOURCE_IP, "10.0.0.0/8"});

  private static final Family NULL = new Family(new String[] {"Null"},
      new String[] {"aws:SourceArn", "aws:SourceAccount", "aws:PrincipalOrgID", "aws:PrincipalArn", "s3:x-amz-acl",
          "aws:SourceIp"},
      new String[] {"true", "false"});

  private static final Family SETS = new Family(new String[] {
      "ForAnyValue:StringLike", "ForAnyValue:StringEquals", "ForAllValues:StringLike", "ForAllValues:StringEquals",
      "ForAnyValue:StringNotLike", "ForAllValues:StringNotEquals",
  }, new String[] {"aws:PrincipalOrgPaths"}, new String[] {
      ORG + "/*", ORG + "/" + ROOT + "/", ORG + "/" + ROOT + "/ou-ab12-secur1ty/*", "o-outsider000/*", "*/ou-ab12-w0rkl0ad/*",
  });

  private static final Family[] FAMILIES = {STRING, STRING, STRING, ARN, BOOL, NUMERIC, DATE, IP, NULL, SETS};

  private void condition(ObjectNode s, boolean scp) {
    int operators = random.nextInt(10) < 4 ? 0 : 1 + random.nextInt(3);
    if (operators == 0) {
      return;
    }
    ObjectNode condition = F.objectNode();
    for (int i = 0; i < operators; i++) {
      Family family = FAMILIES[random.nextInt(FAMILIES.length)];
      String operator = family.operators[random.nextInt(family.operators.length)];
      ObjectNode entries = condition.has(operator) ? (ObjectNode) condition.get(operator) : condition.putObject(operator);
      int keys = 1 + random.nextInt(2);
      for (int k = 0; k < keys; k++) {
        String key = family.keys[random.nextInt(family.keys.length)];
        if (scp && key.startsWith("s3:")) {
          continue;
        }
        if (!hasKeyIgnoreCase(entries, key)) {
          entries.set(key, values(family.values, 3));
        }
      }
      if (entries.isEmpty()) {
        condition.remove(operator);
      }
    }
    if (!condition.isEmpty()) {
      s.set("Condition", condition);
    }
  }

  private static boolean hasKeyIgnoreCase(ObjectNode entries, String key) {
    for (var it = entries.fieldNames(); it.hasNext();) {
      if (it.next().equalsIgnoreCase(key)) {
        return true;
      }
    }
    return false;
  }

  // ----------------------------------------------------------------------------------------------
  // SCP trees

  private Case scpCase(Question question, String action, String resource) {
    String account = pick(MEMBER, LOGGING);
    int ous = random.nextInt(3);
    ArrayNode levels = F.arrayNode();
    List<String> ids = new ArrayList<>();
    ids.add(ROOT);
    for (int i = 0; i < ous; i++) {
      ids.add(String.format("ou-ab12-%08d", i + 1));
    }
    ids.add(account);
    sids = 0;
    for (String id : ids) {
      ObjectNode level = levels.addObject();
      level.put("id", id);
      ArrayNode policies = level.putArray("policies");
      int n = random.nextInt(20) == 0 ? 0 : 1 + random.nextInt(3);
      for (int i = 0; i < n; i++) {
        policies.addObject().put("name", id + "-scp" + i).set("document", scpDocument(question));
      }
    }
    StringBuilder path = new StringBuilder(ORG + "/");
    for (int i = 0; i < ids.size() - 1; i++) {
      path.append(ids.get(i)).append('/');
    }
    ObjectNode r = F.objectNode();
    r.put("caller", "ordinary");
    r.put("account", account);
    r.put("region", pick("us-east-1", "us-east-1", "eu-west-1"));
    r.put("orgPath", path.toString());
    r.put("action", action);
    r.put("resource", resource);
    r.put("secure", "true");
    return new Case(question, r, levels);
  }

  private ObjectNode scpDocument(Question question) {
    ObjectNode policy = F.objectNode();
    policy.put("Version", "2012-10-17");
    ArrayNode statements = policy.putArray("Statement");
    int kind = random.nextInt(4);
    if (kind == 0) {
      statements.add(fullAccess());
    } else if (kind == 1) {
      statements.add(allowList());
    }
    int extra = kind >= 2 ? 1 + random.nextInt(3) : random.nextInt(2);
    for (int i = 0; i < extra; i++) {
      statements.add(scpStatement(question));
    }
    return policy;
  }

  private ObjectNode fullAccess() {
    ObjectNode s = F.objectNode();
    if (random.nextBoolean()) {
      s.put("Sid", "FullAWSAccess" + (sids++));
    }
    s.put("Effect", "Allow");
    s.put("Action", "*");
    s.put("Resource", "*");
    return s;
  }

  private ObjectNode allowList() {
    ObjectNode s = F.objectNode();
    sid(s);
    s.put("Effect", "Allow");
    s.set("Action", values(new String[] {
        "cloudtrail:Describe*", "cloudtrail:Get*", "cloudtrail:List*", "cloudtrail:LookupEvents", "cloudtrail:*", "s3:*",
        "s3:Get*", "s3:List*", "ec2:*", "iam:*", "s3:Put*", "cloudtrail:UpdateTrail",
    }, 4));
    s.put("Resource", "*");
    if (random.nextInt(4) == 0) {
      condition(s, true);
    }
    return s;
  }

  private ObjectNode scpStatement(Question question) {
    ObjectNode s = F.objectNode();
    sid(s);
    s.put("Effect", random.nextInt(3) == 0 ? "Allow" : "Deny");
    actions(s, new String[] {
        "cloudtrail:StopLogging", "cloudtrail:DeleteTrail", "cloudtrail:UpdateTrail", "cloudtrail:*", "cloudtrail:Stop*",
        "cloudtrail:Delete*", "CloudTrail:updatetrail", "s3:DeleteBucket", "s3:PutBucketPolicy", "s3:DeleteBucketPolicy",
        "s3:PutLifecycleConfiguration", "s3:Delete*", "s3:Put*", "s3:*", "*", "ec2:*",
    });
    // SCPs must name Resource or NotResource.
    {
      resources(s, new String[] {
          "*", TRAIL, OTHER_TRAIL, "arn:aws:cloudtrail:*:*:trail/*", "arn:aws:cloudtrail:*:" + MANAGEMENT + ":trail/org-trail",
          BUCKET_ARN, BUCKET_ARN + "/*", "arn:aws:s3:::*", "arn:aws:s3:::other-bucket", "arn:aws:cloudtrail:us-east-1:*:trail/*",
      });
    }
    condition(s, true);
    return s;
  }

  @SafeVarargs
  private <T> T pick(T... options) {
    return options[random.nextInt(options.length)];
  }

  /** A summary of case counts by question, for the report. */
  static Map<Question, Integer> counts(List<Case> cases) {
    Map<Question, Integer> counts = new LinkedHashMap<>();
    for (Case c : cases) {
      counts.merge(c.question(), 1, Integer::sum);
    }
    return counts;
  }
}
