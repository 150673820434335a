/**
 * The fixes of the log bucket, for the rules in {@code rules/s3/}: the statements CloudTrail needs and
 * those that protect the logs ({@link CloudTrailBucketStatements}, merged into whatever policy there is
 * and judged by {@code PolicyMatch} the way {@code rules/lib/iam.rego} judges them), Block Public Access,
 * versioning, default encryption, access logging and the archive lifecycle rule. Each edits a bucket
 * facet; they share the lookup of the finding's bucket ({@code LogBucketRemediation}, {@code LogBuckets}).
 */
package io.trailwarden.remediate.s3;
