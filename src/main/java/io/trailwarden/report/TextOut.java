package io.trailwarden.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * The {@code append} chain of a StringBuilder over a {@link Writer}, for the reporters that build their
 * text piece by piece: the pieces go to the file as they come instead of into one large string. A
 * failed write is an {@link UncheckedIOException}, which {@link #unwrap} turns back at the reporter's edge.
 */
final class TextOut {
  private final Writer out;

  TextOut(Writer out) {
    this.out = out;
  }

  TextOut append(String text) {
    try {
      out.write(text == null ? "null" : text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  TextOut append(char c) {
    try {
      out.write(c);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  TextOut append(long number) {
    return append(Long.toString(number));
  }

  TextOut append(Object value) {
    return append(String.valueOf(value));
  }

  /** Runs {@code body}, rethrowing a failed write as the {@link IOException} it was. */
  static void unwrap(IoRunnable body) throws IOException {
    try {
      body.run();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  @FunctionalInterface
  interface IoRunnable {
    void run() throws IOException;
  }
}
