package io.trailwarden.logs.digest;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;

/**
 * Reads a PKCS#1 {@code RSAPublicKey} (RFC 8017 A.1.1: a DER SEQUENCE of the modulus and the public
 * exponent), the form CloudTrail's ListPublicKeys gives. The JDK reads only X.509 SubjectPublicKeyInfo,
 * so these few lines of DER stand between the two; and it writes one, for the emulator's keys.
 */
public final class Pkcs1 {
  private static final int SEQUENCE = 0x30;
  private static final int INTEGER = 0x02;

  private Pkcs1() {}

  /** The key, or an {@link IllegalArgumentException} saying why the bytes are not a PKCS#1 public key. */
  public static RSAPublicKey publicKey(byte[] der) {
    Reader reader = new Reader(der);
    int sequenceEnd = reader.enter(SEQUENCE);
    BigInteger modulus = reader.integer();
    BigInteger exponent = reader.integer();
    if (reader.position != sequenceEnd || sequenceEnd != der.length) {
      throw new IllegalArgumentException("not a PKCS#1 RSA public key: unexpected bytes after the exponent");
    }
    if (modulus.signum() <= 0 || exponent.signum() <= 0) {
      throw new IllegalArgumentException("not a PKCS#1 RSA public key: the modulus and exponent must be positive");
    }
    try {
      return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(modulus, exponent));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("not a usable RSA public key: " + e.getMessage(), e);
    }
  }

  /** The PKCS#1 DER encoding of a public key. */
  public static byte[] encode(RSAPublicKey key) {
    byte[] modulus = tlv(INTEGER, key.getModulus().toByteArray());
    byte[] exponent = tlv(INTEGER, key.getPublicExponent().toByteArray());
    byte[] body = new byte[modulus.length + exponent.length];
    System.arraycopy(modulus, 0, body, 0, modulus.length);
    System.arraycopy(exponent, 0, body, modulus.length, exponent.length);
    return tlv(SEQUENCE, body);
  }

  private static byte[] tlv(int tag, byte[] value) {
    byte[] length = length(value.length);
    byte[] out = new byte[1 + length.length + value.length];
    out[0] = (byte) tag;
    System.arraycopy(length, 0, out, 1, length.length);
    System.arraycopy(value, 0, out, 1 + length.length, value.length);
    return out;
  }

  private static byte[] length(int n) {
    if (n < 0x80) {
      return new byte[] {(byte) n};
    }
    byte[] digits = BigInteger.valueOf(n).toByteArray();
    int skip = digits[0] == 0 ? 1 : 0;
    byte[] out = new byte[1 + digits.length - skip];
    out[0] = (byte) (0x80 | (digits.length - skip));
    System.arraycopy(digits, skip, out, 1, digits.length - skip);
    return out;
  }

  private static final class Reader {
    private final byte[] der;
    private int position;

    Reader(byte[] der) {
      this.der = der;
    }

    /** Reads a tag and length; returns where the value ends. */
    int enter(int tag) {
      if (position >= der.length || (der[position] & 0xff) != tag) {
        throw new IllegalArgumentException("not a PKCS#1 RSA public key: expected DER tag 0x"
            + Integer.toHexString(tag) + " at byte " + position);
      }
      position++;
      int length = readLength();
      if (length > der.length - position) {
        throw new IllegalArgumentException("not a PKCS#1 RSA public key: a DER length runs past the end");
      }
      return position + length;
    }

    BigInteger integer() {
      int end = enter(INTEGER);
      if (end == position) {
        throw new IllegalArgumentException("not a PKCS#1 RSA public key: an empty INTEGER");
      }
      byte[] value = java.util.Arrays.copyOfRange(der, position, end);
      position = end;
      return new BigInteger(value);
    }

    private int readLength() {
      if (position >= der.length) {
        throw new IllegalArgumentException("not a PKCS#1 RSA public key: the DER ends in a length");
      }
      int first = der[position++] & 0xff;
      if (first < 0x80) {
        return first;
      }
      int bytes = first & 0x7f;
      if (bytes == 0 || bytes > 4 || bytes > der.length - position) {
        throw new IllegalArgumentException("not a PKCS#1 RSA public key: an unsupported DER length");
      }
      int length = 0;
      for (int i = 0; i < bytes; i++) {
        length = length << 8 | der[position++] & 0xff;
      }
      if (length < 0) {
        throw new IllegalArgumentException("not a PKCS#1 RSA public key: a DER length too large");
      }
      return length;
    }
  }
}
