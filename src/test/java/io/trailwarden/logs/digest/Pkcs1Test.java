package io.trailwarden.logs.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The PKCS#1 reader and writer round-trip the JDK's keys, and a signature made by the JDK verifies. */
class Pkcs1Test {
  @Test
  void aKeyRoundTripsAndVerifiesWhatItsPrivateHalfSigned() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair pair = generator.generateKeyPair();
    RSAPublicKey read = Pkcs1.publicKey(Pkcs1.encode((RSAPublicKey) pair.getPublic()));
    assertThat(read).isEqualTo(pair.getPublic());
    String signed = DigestSignature.signingString("2026-12-01T10:00:00Z", "b", "k", "00", null);
    assertThat(signed).endsWith("\n00\nnull");
    String signature = DigestSignature.sign(signed, pair.getPrivate());
    assertThat(DigestSignature.verify(signed, signature, read)).isTrue();
    assertThat(DigestSignature.verify(signed + "x", signature, read)).isFalse();
    assertThat(DigestSignature.verify(signed, "zz", read)).isFalse();
  }

  @Test
  void notAKeyIsRefusedWithTheReason() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(1024);
    byte[] der = Pkcs1.encode((RSAPublicKey) generator.generateKeyPair().getPublic());
    assertThatThrownBy(() -> Pkcs1.publicKey(Arrays.copyOf(der, der.length - 1))).hasMessageContaining("not a PKCS#1");
    assertThatThrownBy(() -> Pkcs1.publicKey(new byte[] {0x02, 0x01, 0x01})).hasMessageContaining("expected DER tag 0x30");
    byte[] longer = Arrays.copyOf(der, der.length + 1);
    assertThatThrownBy(() -> Pkcs1.publicKey(longer)).hasMessageContaining("not a PKCS#1");
  }
}
