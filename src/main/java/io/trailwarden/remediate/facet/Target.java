package io.trailwarden.remediate.facet;

/**
 * The resource a change edits: its kind (which collector re-reads it), the account and region whose
 * API owns it, its ARN, and its name (bucket, trail, log group or key name; for the organization, the
 * SCP or service principal the change is about).
 */
public record Target(Kind kind, String accountId, String region, String resource, String name) {
  public enum Kind { ORGANIZATION, BUCKET, TRAIL, KMS_KEY, LOG_GROUP, METRIC_FILTER, ALARM, SNS_TOPIC }

  /** Changes with the same key touch the same thing; a change depends on earlier changes of the same key. */
  public String key() {
    return kind + " " + resource + " " + name;
  }

  public static Target bucket(String accountId, String region, String name) {
    return new Target(Kind.BUCKET, accountId, region, "arn:aws:s3:::" + name, name);
  }
}
