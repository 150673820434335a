package io.trailwarden.logs.keys;

import java.time.Instant;
import java.util.Optional;

/**
 * One entry of a ListPublicKeys answer: the fingerprint digests name their key by, the key's
 * {@code Value} bytes as the API gives them (see {@link PublicKeyValue}), and its validity.
 */
public record ListedKey(String fingerprint, byte[] value, Optional<Instant> validityStart, Optional<Instant> validityEnd) {
  public ListedKey {
    value = value.clone();
  }

  @Override
  public byte[] value() {
    return value.clone();
  }
}
