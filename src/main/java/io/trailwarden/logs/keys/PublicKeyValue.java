package io.trailwarden.logs.keys;

import io.trailwarden.logs.digest.Pkcs1;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;

/**
 * Decodes ListPublicKeys' {@code Value}, the DER encoded PKCS#1 key. The SDK hands over the DER itself
 * (a blob is base64 only on the wire); but the AWS CLI keeps blobs as their base64 text and decodes the
 * key once more itself, so a value that went through a tool of that kind is base64 DER. Both are
 * accepted: DER starts with a SEQUENCE tag, base64 text never does.
 */
public final class PublicKeyValue {
  private PublicKeyValue() {}

  public static RSAPublicKey decode(byte[] value) {
    if (value.length > 0 && (value[0] & 0xff) == 0x30) {
      return Pkcs1.publicKey(value);
    }
    byte[] der;
    try {
      der = Base64.getMimeDecoder().decode(new String(value, StandardCharsets.US_ASCII).trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the key is neither DER nor base64 DER");
    }
    return Pkcs1.publicKey(der);
  }
}
