package io.trailwarden.remediate.facet;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwarden.aws.ClientFactory;
import io.trailwarden.snapshot.Snapshot;
import java.util.List;

/** Automatic yearly rotation of a KMS key, as GetKeyRotationStatus reports it. */
public final class KmsKeyRotation implements Facet {
  public static final KmsKeyRotation FACET = new KmsKeyRotation();

  private KmsKeyRotation() {}

  @Override
  public String id() {
    return "kms-key-rotation";
  }

  @Override
  public Target.Kind kind() {
    return Target.Kind.KMS_KEY;
  }

  @Override
  public int order() {
    return 50;
  }

  /** The key as a trail names it (its ARN): the key's API is in the account and region of that ARN. */
  public static Target target(String keyArn) {
    ArnParts arn = ArnParts.parse(keyArn);
    return new Target(Target.Kind.KMS_KEY, arn.accountId(), arn.region(), keyArn, arn.resource().replaceFirst("^key/", ""));
  }

  /** Null when the key was not read, or its rotation status could not be. */
  @Override
  public JsonNode read(Snapshot snapshot, Target target) {
    var key = snapshot.kmsKeys().get(target.resource());
    if (key == null || key.rotationEnabled().isEmpty()) {
      return Documents.none();
    }
    return Documents.object().put("rotationEnabled", key.rotationEnabled().get());
  }

  @Override
  public List<ApiCall> calls(JsonNode from, JsonNode to) {
    if (Documents.absent(from) || Documents.absent(to) || from.equals(to)) {
      return List.of();
    }
    return to.path("rotationEnabled").asBoolean()
        ? List.of(ApiCall.of("kms", "EnableKeyRotation", "kms:EnableKeyRotation"))
        : List.of(ApiCall.of("kms", "DisableKeyRotation", "kms:DisableKeyRotation"));
  }

  @Override
  public void write(ClientFactory aws, Target target, JsonNode from, JsonNode to) {
    if (calls(from, to).isEmpty()) {
      return;
    }
    var kms = aws.kms(target.accountId(), target.region());
    if (to.path("rotationEnabled").asBoolean()) {
      kms.enableKeyRotation(r -> r.keyId(target.resource()));
    } else {
      kms.disableKeyRotation(r -> r.keyId(target.resource()));
    }
  }
}
