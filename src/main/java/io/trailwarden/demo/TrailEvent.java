package io.trailwarden.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwarden.Json;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * One CloudTrail record as the documented {@code Records} format has it, built field by field: the
 * events the investigations look for (and the near-misses they must leave out) in the demo's and the
 * tests' delivered logs. Ids are derived from the time and name, so the same scenario writes the same records.
 */
public final class TrailEvent {
  private final ObjectNode node = Json.mapper().createObjectNode();

  private TrailEvent(ObjectNode identity, String recipientAccount, String region, Instant at, String source, String name) {
    node.put("eventVersion", "1.09");
    node.set("userIdentity", identity);
    node.put("eventTime", at.truncatedTo(ChronoUnit.SECONDS).toString());
    node.put("eventSource", source);
    node.put("eventName", name);
    node.put("awsRegion", region);
    node.put("sourceIPAddress", "203.0.113.10");
    node.put("userAgent", "aws-cli/2.15.0 Python/3.11.6 Linux/6.1 exe/x86_64");
    node.putObject("requestParameters");
    node.putNull("responseElements");
    UUID id = UUID.nameUUIDFromBytes((at + name + recipientAccount + identity).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    node.put("requestID", id.toString());
    node.put("eventID", new UUID(id.getLeastSignificantBits(), id.getMostSignificantBits()).toString());
    node.put("readOnly", false);
    node.put("eventType", "AwsApiCall");
    node.put("managementEvent", true);
    node.put("recipientAccountId", recipientAccount);
    node.put("eventCategory", "Management");
  }

  /** A call by {@code identity} logged in {@code recipientAccount}. */
  public static TrailEvent call(ObjectNode identity, String recipientAccount, String region, Instant at, String source, String name) {
    return new TrailEvent(identity, recipientAccount, region, at, source, name);
  }

  public static ObjectNode role(String account, String role, String session) {
    ObjectNode identity = Json.mapper().createObjectNode();
    identity.put("type", "AssumedRole");
    identity.put("principalId", "AROA" + Math.abs((account + role).hashCode()) + ":" + session);
    identity.put("arn", "arn:aws:sts::" + account + ":assumed-role/" + role + "/" + session);
    identity.put("accountId", account);
    identity.put("accessKeyId", "ASIAEXAMPLE" + Math.abs(session.hashCode()));
    identity.putObject("sessionContext").putObject("attributes").put("mfaAuthenticated", "false");
    return identity;
  }

  public static ObjectNode user(String account, String name) {
    ObjectNode identity = Json.mapper().createObjectNode();
    identity.put("type", "IAMUser");
    identity.put("principalId", "AIDA" + Math.abs((account + name).hashCode()));
    identity.put("arn", "arn:aws:iam::" + account + ":user/" + name);
    identity.put("accountId", account);
    identity.put("userName", name);
    return identity;
  }

  public static ObjectNode root(String account) {
    ObjectNode identity = Json.mapper().createObjectNode();
    identity.put("type", "Root");
    identity.put("principalId", account);
    identity.put("arn", "arn:aws:iam::" + account + ":root");
    identity.put("accountId", account);
    return identity;
  }

  /** An AWS service acting on its own (no caller account). */
  public static ObjectNode service(String service) {
    ObjectNode identity = Json.mapper().createObjectNode();
    identity.put("type", "AWSService");
    identity.put("invokedBy", service);
    return identity;
  }

  public TrailEvent param(String name, String value) {
    ((ObjectNode) node.get("requestParameters")).put(name, value);
    return this;
  }

  public TrailEvent param(String name, int value) {
    ((ObjectNode) node.get("requestParameters")).put(name, value);
    return this;
  }

  public TrailEvent response(String name, String value) {
    if (!node.get("responseElements").isObject()) {
      node.putObject("responseElements");
    }
    ((ObjectNode) node.get("responseElements")).put(name, value);
    return this;
  }

  public TrailEvent additional(String name, String value) {
    if (!node.has("additionalEventData")) {
      node.putObject("additionalEventData");
    }
    ((ObjectNode) node.get("additionalEventData")).put(name, value);
    return this;
  }

  /** A refused call: CloudTrail logs the error code and message, and no response. */
  public TrailEvent error(String code, String message) {
    node.put("errorCode", code);
    node.put("errorMessage", message);
    return this;
  }

  public TrailEvent readOnly(boolean readOnly) {
    node.put("readOnly", readOnly);
    return this;
  }

  public TrailEvent from(String sourceIp) {
    node.put("sourceIPAddress", sourceIp);
    return this;
  }

  /** A data event (S3 object or DynamoDB item level). */
  public TrailEvent data() {
    node.put("managementEvent", false);
    node.put("eventCategory", "Data");
    return this;
  }

  public TrailEvent set(String field, String value) {
    node.put(field, value);
    return this;
  }

  public String eventId() {
    return node.get("eventID").asText();
  }

  public ObjectNode node() {
    return node;
  }
}
