/**
 * The fix of the trail's KMS key: {@link EnableKmsKeyRotation} turns on its automatic rotation, for
 * {@code cloudtrail_org_trail_kms_encryption_enabled}. Its rule is in {@code rules/cloudtrail/} and it
 * starts from the trail, but it lives here because fixes are grouped by the service whose resource they
 * change, that is by the facet they edit (here {@code KmsKeyRotation}), as the log group's retention
 * lives in {@code logs}: a reader looking for what changes a key finds it under kms.
 */
package io.trailwarden.remediate.kms;
