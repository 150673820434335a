package io.trailwarden.finding;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Fingerprints are a published contract: GitHub code scanning matches alerts by SARIF
 * partialFingerprints, and baselines match failures by them, across runs and across TrailWarden
 * versions. These values are pinned (first 16 bytes of SHA-256 over "rule\nresource"); a change here
 * would reopen every alert and make every failure look new.
 */
class FingerprintTest {
  @Test
  void fingerprintsNeverChangeBetweenVersions() {
    assertThat(Finding.fingerprint("cloudtrail_org_trail_logging", "arn:aws:cloudtrail:us-east-1:111111111111:trail/org-trail"))
        .isEqualTo("057f8290d1fdb64030b18cc5af79c279");
    assertThat(Finding.fingerprint("s3_log_bucket_not_public", "arn:aws:s3:::acme-org-cloudtrail-logs"))
        .isEqualTo("876ba3aef3c209ca755ffde27030efff");
  }
}
