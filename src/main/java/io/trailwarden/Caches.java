package io.trailwarden;

import java.nio.file.Path;
import java.util.Map;

/** Where TrailWarden keeps what it can compute again: downloaded logs, the rules' catalogue. */
public final class Caches {
  private Caches() {}

  /** {@code $XDG_CACHE_HOME/trailwarden}, else {@code ~/.cache/trailwarden}. */
  public static Path base(Map<String, String> env) {
    String xdg = env.get("XDG_CACHE_HOME");
    Path home = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
    return home.resolve("trailwarden");
  }
}
