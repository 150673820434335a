package io.trailwarden.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwarden.Json;

/** The policy documents the seeded organizations use, written the way AWS documents them. */
public final class Policies {
  private Policies() {}

  /**
   * The log bucket policy: CloudTrail may check the ACL and write under AWSLogs/ for the management
   * account and the organization, optionally requiring bucket-owner-full-control, optionally denying
   * object deletion to everyone.
   */
  public static String logBucket(String bucket, String managementAccount, String organizationId, boolean aclCondition,
      boolean denyDeletion) {
    ObjectNode policy = Json.mapper().createObjectNode().put("Version", "2012-10-17");
    ArrayNode statements = policy.putArray("Statement");
    statements.addObject().put("Sid", "AWSCloudTrailAclCheck").put("Effect", "Allow")
        .put("Action", "s3:GetBucketAcl").put("Resource", "arn:aws:s3:::" + bucket)
        .putObject("Principal").put("Service", "cloudtrail.amazonaws.com");
    ObjectNode write = statements.addObject().put("Sid", "AWSCloudTrailWrite").put("Effect", "Allow").put("Action", "s3:PutObject");
    write.putObject("Principal").put("Service", "cloudtrail.amazonaws.com");
    write.putArray("Resource")
        .add("arn:aws:s3:::" + bucket + "/AWSLogs/" + managementAccount + "/*")
        .add("arn:aws:s3:::" + bucket + "/AWSLogs/" + organizationId + "/*");
    ObjectNode equals = write.putObject("Condition").putObject("StringEquals");
    if (aclCondition) {
      equals.put("s3:x-amz-acl", "bucket-owner-full-control");
    }
    equals.put("aws:SourceAccount", managementAccount);
    ObjectNode tls = statements.addObject().put("Sid", "DenyInsecureTransport").put("Effect", "Deny").put("Principal", "*")
        .put("Action", "s3:*");
    tls.putArray("Resource").add("arn:aws:s3:::" + bucket).add("arn:aws:s3:::" + bucket + "/*");
    tls.putObject("Condition").putObject("Bool").put("aws:SecureTransport", "false");
    if (denyDeletion) {
      ObjectNode deny = statements.addObject().put("Sid", "DenyLogDeletion").put("Effect", "Deny").put("Principal", "*");
      deny.putArray("Action").add("s3:DeleteObject").add("s3:DeleteObjectVersion");
      deny.put("Resource", "arn:aws:s3:::" + bucket + "/*");
    }
    return policy.toString();
  }

  /** The SCP that keeps everyone but the security break-glass role from deleting the log bucket or weakening it. */
  public static String protectLogBucket(String bucket, String loggingAccount) {
    ObjectNode policy = Json.mapper().createObjectNode().put("Version", "2012-10-17");
    ObjectNode deny = policy.putArray("Statement").addObject().put("Sid", "ProtectLogBucket").put("Effect", "Deny")
        .put("Resource", "arn:aws:s3:::" + bucket);
    deny.putArray("Action").add("s3:DeleteBucket").add("s3:PutBucketPolicy").add("s3:DeleteBucketPolicy")
        .add("s3:PutLifecycleConfiguration");
    deny.putObject("Condition").putObject("ArnNotLike")
        .put("aws:PrincipalArn", "arn:aws:iam::" + loggingAccount + ":role/SecurityBreakGlass");
    return policy.toString();
  }

  /** The SCP that keeps member accounts from stopping, deleting or changing trails. */
  public static String protectCloudTrail() {
    ObjectNode policy = Json.mapper().createObjectNode().put("Version", "2012-10-17");
    ObjectNode deny = policy.putArray("Statement").addObject().put("Sid", "ProtectCloudTrail").put("Effect", "Deny").put("Resource", "*");
    deny.putArray("Action").add("cloudtrail:StopLogging").add("cloudtrail:DeleteTrail").add("cloudtrail:UpdateTrail")
        .add("cloudtrail:PutEventSelectors");
    return policy.toString();
  }
}
