package io.trailwarden.logs.keys;

import io.trailwarden.aws.ClientFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudtrail.model.PublicKey;

/** CloudTrail's ListPublicKeys, every page, in the given account (the trail owner's) and region. */
public final class CloudTrailPublicKeys implements PublicKeySource {
  private final ClientFactory clients;
  private final String accountId;

  public CloudTrailPublicKeys(ClientFactory clients, String accountId) {
    this.clients = clients;
    this.accountId = accountId;
  }

  @Override
  public List<ListedKey> list(String region, Instant start, Instant end) {
    List<ListedKey> keys = new ArrayList<>();
    try {
      for (PublicKey key : clients.cloudTrail(accountId, region)
          .listPublicKeysPaginator(r -> r.startTime(start).endTime(end)).publicKeyList()) {
        keys.add(new ListedKey(key.fingerprint(), key.value() == null ? new byte[0] : key.value().asByteArray(),
            Optional.ofNullable(key.validityStartTime()), Optional.ofNullable(key.validityEndTime())));
      }
    } catch (AwsServiceException e) {
      String code = e.awsErrorDetails() == null ? "HTTP " + e.statusCode() : e.awsErrorDetails().errorCode();
      throw new KeyListingException(code, "cloudtrail ListPublicKeys in account " + accountId + ", region " + region
          + ": " + (e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage()));
    } catch (SdkException e) {
      throw new KeyListingException("ClientError", "cloudtrail ListPublicKeys in account " + accountId + ", region " + region
          + ": " + e.getMessage());
    }
    return keys;
  }
}
