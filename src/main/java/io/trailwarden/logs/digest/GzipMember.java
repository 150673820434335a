package io.trailwarden.logs.digest;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Inflates exactly one gzip member (RFC 1952) from a stream, hashing the uncompressed bytes as they
 * pass, and says whether anything follows the member. CloudTrail writes one member per file; bytes
 * after it are "trailing data", which the AWS CLI rejects and {@link java.util.zip.GZIPInputStream}
 * would silently read as a second member or ignore. Nothing is held whole: memory is the buffers.
 */
public final class GzipMember {
  private static final int BUFFER = 64 * 1024;
  private static final int FHCRC = 2;
  private static final int FEXTRA = 4;
  private static final int FNAME = 8;
  private static final int FCOMMENT = 16;

  /** What one member held: the SHA-256 of its uncompressed bytes, their count, and whether bytes follow it. */
  public record Inflated(String sha256Hex, long size, boolean trailingData) {}

  /** Receives uncompressed bytes as they are inflated. */
  @FunctionalInterface
  public interface ByteSink {
    void write(byte[] bytes, int offset, int length) throws IOException;
  }

  /** The bytes are not one well-formed gzip member. */
  public static final class FormatException extends IOException {
    FormatException(String message) {
      super(message);
    }
  }

  private GzipMember() {}

  /** Reads one member; {@code sink}, when not null, receives the uncompressed bytes too. */
  public static Inflated inflate(InputStream raw, ByteSink sink) throws IOException {
    PushbackInputStream in = new PushbackInputStream(raw, BUFFER);
    header(in);
    MessageDigest sha256 = Sha256.create();
    CRC32 crc = new CRC32();
    Inflater inflater = new Inflater(true);
    try {
      byte[] input = new byte[BUFFER];
      byte[] output = new byte[BUFFER];
      int lastRead = 0;
      long size = 0;
      while (!inflater.finished()) {
        if (inflater.needsInput()) {
          lastRead = in.read(input);
          if (lastRead < 0) {
            throw new FormatException("the compressed stream ends early");
          }
          inflater.setInput(input, 0, lastRead);
        }
        int produced;
        try {
          produced = inflater.inflate(output);
        } catch (DataFormatException e) {
          throw new FormatException("not valid deflate data (" + e.getMessage() + ")");
        }
        if (produced == 0 && inflater.needsDictionary()) {
          throw new FormatException("the deflate stream asks for a preset dictionary");
        }
        sha256.update(output, 0, produced);
        crc.update(output, 0, produced);
        if (sink != null) {
          sink.write(output, 0, produced);
        }
        size += produced;
      }
      int remaining = inflater.getRemaining();
      if (remaining > 0) {
        in.unread(input, lastRead - remaining, remaining);
      }
      trailer(in, crc.getValue(), size);
      boolean trailing = in.read() >= 0;
      return new Inflated(HexFormat.of().formatHex(sha256.digest()), size, trailing);
    } finally {
      inflater.end();
    }
  }

  /** Reads one member whole, refusing trailing data: for digest files, which are small. */
  public static byte[] inflateAll(InputStream raw) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (inflate(raw, out::write).trailingData()) {
      throw new FormatException("unexpected data after the end of the compressed stream");
    }
    return out.toByteArray();
  }

  private static void header(PushbackInputStream in) throws IOException {
    if (read(in) != 0x1f || read(in) != 0x8b) {
      throw new FormatException("not gzip data (no gzip magic number)");
    }
    if (read(in) != 8) {
      throw new FormatException("unknown gzip compression method");
    }
    int flags = read(in);
    skip(in, 6); // modification time, extra flags, operating system
    if ((flags & FEXTRA) != 0) {
      skip(in, read(in) | read(in) << 8);
    }
    if ((flags & FNAME) != 0) {
      skipZeroTerminated(in);
    }
    if ((flags & FCOMMENT) != 0) {
      skipZeroTerminated(in);
    }
    if ((flags & FHCRC) != 0) {
      skip(in, 2);
    }
  }

  private static void trailer(InputStream in, long crc, long size) throws IOException {
    long storedCrc = readIntLe(in);
    long storedSize = readIntLe(in);
    if (storedCrc != crc) {
      throw new FormatException("the gzip CRC-32 does not match the data");
    }
    if (storedSize != (size & 0xffffffffL)) {
      throw new FormatException("the gzip length does not match the data");
    }
  }

  private static long readIntLe(InputStream in) throws IOException {
    return (read(in) | (long) read(in) << 8 | (long) read(in) << 16 | (long) read(in) << 24) & 0xffffffffL;
  }

  private static int read(InputStream in) throws IOException {
    int b = in.read();
    if (b < 0) {
      throw new FormatException("the gzip data ends early");
    }
    return b;
  }

  private static void skip(InputStream in, int n) throws IOException {
    try {
      in.skipNBytes(n);
    } catch (EOFException e) {
      throw new FormatException("the gzip header ends early");
    }
  }

  private static void skipZeroTerminated(InputStream in) throws IOException {
    while (read(in) != 0) {
      // skip the name or comment
    }
  }
}
