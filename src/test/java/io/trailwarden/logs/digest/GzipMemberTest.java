package io.trailwarden.logs.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** The one-member gzip reader against the JDK's writer, and the hash against the JDK's SHA-256 of the plain bytes. */
class GzipMemberTest {
  static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(data);
    }
    return out.toByteArray();
  }

  @Test
  void aLargeFileHashesAsItsUncompressedBytesWithNothingAfterIt() throws IOException {
    byte[] data = new byte[3_000_000];
    new Random(1).nextBytes(data);
    Arrays.fill(data, 0, 1_000_000, (byte) 'a');
    GzipMember.Inflated inflated = GzipMember.inflate(new ByteArrayInputStream(gzip(data)), null);
    assertThat(inflated.sha256Hex()).isEqualTo(Sha256.hex(data));
    assertThat(inflated.size()).isEqualTo(data.length);
    assertThat(inflated.trailingData()).isFalse();
  }

  @Test
  void bytesAfterTheMemberAreTrailingDataEvenASecondMember() throws IOException {
    byte[] one = gzip("{\"Records\":[]}".getBytes(StandardCharsets.UTF_8));
    byte[] two = Arrays.copyOf(one, one.length * 2);
    System.arraycopy(one, 0, two, one.length, one.length);
    assertThat(GzipMember.inflate(new ByteArrayInputStream(two), null).trailingData()).isTrue();
    byte[] garbage = Arrays.copyOf(one, one.length + 1);
    assertThat(GzipMember.inflate(new ByteArrayInputStream(garbage), null).trailingData()).isTrue();
    assertThatThrownBy(() -> GzipMember.inflateAll(new ByteArrayInputStream(garbage)))
        .hasMessageContaining("unexpected data after the end");
  }

  @Test
  void brokenStreamsSayWhy() throws IOException {
    byte[] ok = gzip("hello".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> GzipMember.inflate(new ByteArrayInputStream("plain".getBytes()), null))
        .isInstanceOf(GzipMember.FormatException.class).hasMessageContaining("no gzip magic number");
    assertThatThrownBy(() -> GzipMember.inflate(new ByteArrayInputStream(Arrays.copyOf(ok, ok.length - 3)), null))
        .isInstanceOf(GzipMember.FormatException.class);
    byte[] badCrc = ok.clone();
    badCrc[badCrc.length - 8] ^= 1;
    assertThatThrownBy(() -> GzipMember.inflate(new ByteArrayInputStream(badCrc), null)).hasMessageContaining("CRC-32");
  }
}
