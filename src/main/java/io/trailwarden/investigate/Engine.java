package io.trailwarden.investigate;

import java.util.Locale;

/**
 * Where an investigation runs: the embedded DuckDB on this machine (the log files fetched into a cache),
 * or Amazon Athena over the log bucket. Their SQL dialects differ in a few functions and in list
 * literals, so a saved investigation may have one file per engine ({@link Investigations}).
 */
public enum Engine {
  DUCKDB, ATHENA;

  /** The option value and file-name infix: {@code duckdb}, {@code athena}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return id();
  }
}
