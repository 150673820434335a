package io.trailwarden.logs.keys;

import java.time.Instant;
import java.util.List;

/**
 * Where the verifier finds CloudTrail's public keys: ListPublicKeys itself ({@link CloudTrailPublicKeys})
 * or a saved answer of it ({@link SavedPublicKeys}), so that a copy of the logs verifies offline.
 */
public interface PublicKeySource {
  /**
   * The keys CloudTrail signed digests with in the region at some time between start and end.
   *
   * @throws KeyListingException when they cannot be listed (AccessDenied, say)
   */
  List<ListedKey> list(String region, Instant start, Instant end);

  /** The keys could not be listed; {@code code} is AWS's error code or a short reason. */
  final class KeyListingException extends RuntimeException {
    private final String code;

    public KeyListingException(String code, String message) {
      super(message);
      this.code = code;
    }

    public String code() {
      return code;
    }
  }
}
