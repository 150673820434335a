package io.trailwarden.logs.keys;

import io.trailwarden.logs.digest.Pkcs1;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;

/**
 * Decodes ListPublicKeys' {@code Value}. The API documents it as the DER encoded PKCS#1 key, but the
 * bytes the SDK hands over are, in the AWS CLI's experience, the base64 text of that DER (the CLI
 * base64-decodes them once more). Both are accepted: DER starts with a SEQUENCE tag, base64 text never does.
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
