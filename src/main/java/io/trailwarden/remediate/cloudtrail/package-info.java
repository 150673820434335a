/**
 * The fixes of the organization trail, for the rules in {@code rules/cloudtrail/}: creating it
 * ({@link CreateOrganizationTrail}, which also sets up its log bucket with the edits of the s3 fixes),
 * starting logging, multi-region, log file validation, all management events and the sensitive data
 * events. Each edits the trail's facets. Most extend {@link TrailRemediation}, which finds the finding's
 * trail in the snapshot; the kms and logs fixes, which also start from the trail, extend it too.
 */
package io.trailwarden.remediate.cloudtrail;
