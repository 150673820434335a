/**
 * The fixes of the organization, for the rules in {@code rules/organizations/}: trusted access for
 * CloudTrail ({@link EnableCloudTrailTrustedAccess}) and the SCPs that protect the trail and the log
 * bucket ({@link AttachCloudTrailProtectionScp}, {@link AttachLogBucketProtectionScp}): new SCPs of
 * TrailWarden's own, attached at the root, never an edit of one the organization already has
 * ({@code RootScp}).
 */
package io.trailwarden.remediate.organizations;
