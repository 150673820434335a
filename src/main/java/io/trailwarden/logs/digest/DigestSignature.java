package io.trailwarden.logs.digest;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.HexFormat;

/**
 * The digest signature: SHA256withRSA over the documented signing string, the digest's end time, its
 * S3 path, the hex SHA-256 of its uncompressed bytes and the previous digest's signature (or "null"),
 * one per line. The signature travels hex-encoded in the object's {@code x-amz-meta-signature}.
 */
public final class DigestSignature {
  /** The only algorithm CloudTrail signs with, as {@code x-amz-meta-signature-algorithm} names it. */
  public static final String ALGORITHM = "SHA256withRSA";

  private DigestSignature() {}

  public static String signingString(Digest digest, byte[] inflated) {
    return signingString(digest.digestEndTime(), digest.digestS3Bucket(), digest.digestS3Object(), Sha256.hex(inflated),
        digest.previousDigestSignature().orElse(null));
  }

  public static String signingString(String endTime, String bucket, String key, String sha256Hex, String previousSignature) {
    return endTime + "\n" + bucket + "/" + key + "\n" + sha256Hex + "\n" + (previousSignature == null ? "null" : previousSignature);
  }

  /** True when the hex signature is the key's signature of the string; false for any other bytes. */
  public static boolean verify(String signingString, String signatureHex, RSAPublicKey key) {
    byte[] signature;
    try {
      signature = HexFormat.of().parseHex(signatureHex);
    } catch (IllegalArgumentException e) {
      return false;
    }
    try {
      Signature verifier = Signature.getInstance(ALGORITHM);
      verifier.initVerify(key);
      verifier.update(signingString.getBytes(StandardCharsets.UTF_8));
      return verifier.verify(signature);
    } catch (java.security.SignatureException e) {
      return false;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK cannot verify " + ALGORITHM + ": " + e.getMessage(), e);
    }
  }

  /** Signs as CloudTrail does; the emulator's digests are made with it. */
  public static String sign(String signingString, PrivateKey key) {
    try {
      Signature signer = Signature.getInstance(ALGORITHM);
      signer.initSign(key);
      signer.update(signingString.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(signer.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign with " + ALGORITHM + ": " + e.getMessage(), e);
    }
  }
}
