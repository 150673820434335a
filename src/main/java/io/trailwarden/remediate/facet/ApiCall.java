package io.trailwarden.remediate.facet;

/** One AWS API call a change makes, and the IAM action that allows it (they differ: PutBucketLifecycleConfiguration needs s3:PutLifecycleConfiguration). */
public record ApiCall(String service, String operation, String iamAction) {
  public static ApiCall of(String service, String operation, String iamAction) {
    return new ApiCall(service, operation, iamAction);
  }
}
