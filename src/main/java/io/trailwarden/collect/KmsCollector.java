package io.trailwarden.collect;

import io.trailwarden.aws.ClientFactory;
import io.trailwarden.snapshot.KmsKey;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** The KMS keys trails encrypt with: who manages them, their state, rotation and key policy. */
final class KmsCollector {
  private static final String SERVICE = "kms";

  private final Calls calls;
  private final ClientFactory clients;
  private final Fanout fanout;

  KmsCollector(Calls calls, ClientFactory clients, Fanout fanout) {
    this.calls = calls;
    this.clients = clients;
    this.fanout = fanout;
  }

  /** @param keyIds key ARNs as trails name them; the key is read in the account and region of its ARN */
  java.util.SortedMap<String, KmsKey> collect(List<String> keyIds) {
    Map<String, KmsKey> keys = new ConcurrentHashMap<>();
    fanout.runAll(keyIds, keyId -> {
      if (!keyId.startsWith("arn:")) {
        return; // CloudTrail stores key ARNs; a bare id cannot be routed to its account.
      }
      String account = Arns.account(keyId);
      String region = Arns.region(keyId);
      Calls.Target target = new Calls.Target(SERVICE, account, region);
      Optional<String> resource = Optional.of(keyId);
      var kms = clients.kms(account, region);
      calls.getOrGone(target, "DescribeKey", keyId, java.util.Set.of("NotFoundException"),
          () -> kms.describeKey(r -> r.keyId(keyId)).keyMetadata()).ifPresent(meta -> {
        Optional<Boolean> rotation = calls.get(target, "GetKeyRotationStatus", resource,
            () -> kms.getKeyRotationStatus(r -> r.keyId(meta.arn())).keyRotationEnabled());
        var policy = calls.get(target, "GetKeyPolicy", resource,
            () -> kms.getKeyPolicy(r -> r.keyId(meta.arn()).policyName("default")).policy()).flatMap(text -> calls.policy(target, "GetKeyPolicy", resource, text));
        keys.put(keyId, new KmsKey(meta.arn(), account, region, meta.keyManagerAsString(), meta.keyStateAsString(),
            meta.keySpecAsString(), rotation, policy));
      });
    });
    return new TreeMap<>(keys);
  }
}
