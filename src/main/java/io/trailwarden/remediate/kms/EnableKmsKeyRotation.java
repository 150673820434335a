package io.trailwarden.remediate.kms;

import io.trailwarden.remediate.Proposal;
import io.trailwarden.remediate.RemediationContext;
import io.trailwarden.remediate.cloudtrail.TrailRemediation;
import io.trailwarden.remediate.facet.Documents;
import io.trailwarden.remediate.facet.KmsKeyRotation;
import io.trailwarden.snapshot.KmsKey;
import io.trailwarden.snapshot.Snapshot;
import io.trailwarden.snapshot.Trail;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns on automatic rotation of the trail's customer managed key. Choosing or creating a key is left
 * to people: a key's policy must let CloudTrail encrypt and every log reader decrypt.
 */
public final class EnableKmsKeyRotation extends TrailRemediation {
  static final String NEW_KEY = "a new customer managed key is a design decision: its policy must let CloudTrail encrypt"
      + " and every log reader (auditors, SIEM, Athena) decrypt, or the logs become unreadable";

  @Override
  public String id() {
    return "EnableKmsKeyRotation";
  }

  @Override
  public String ruleId() {
    return "cloudtrail_org_trail_kms_encryption_enabled";
  }

  @Override
  protected List<Proposal> propose(Trail trail, Snapshot snapshot, RemediationContext context) {
    if (trail.kmsKeyId().isEmpty()) {
      return List.of(new Proposal.Manual("the trail has no KMS key; " + NEW_KEY));
    }
    String keyId = trail.kmsKeyId().get();
    KmsKey key = snapshot.kmsKeys().get(keyId);
    if (key == null) {
      return List.of(new Proposal.Manual("the KMS key " + keyId + " is not in the snapshot"));
    }
    List<Proposal> proposals = new ArrayList<>();
    if (!"CUSTOMER".equals(key.keyManager())) {
      proposals.add(new Proposal.Manual("the key " + key.arn() + " is AWS managed; " + NEW_KEY));
    }
    if (!"Enabled".equals(key.keyState())) {
      proposals.add(new Proposal.Manual("the key " + key.arn() + " is " + key.keyState()
          + "; re-enabling a key someone disabled or scheduled for deletion needs their decision"));
    }
    // Rotation is the one problem fixed here, and only on a customer managed key (AWS rotates its own).
    if ("CUSTOMER".equals(key.keyManager()) && key.rotationEnabled().isPresent() && !key.rotationEnabled().get()) {
      proposals.add(new Proposal.Fix(KmsKeyRotation.FACET, KmsKeyRotation.target(keyId), "enable automatic key rotation",
          doc -> Documents.with(doc, "rotationEnabled", true)));
    }
    return proposals;
  }
}
