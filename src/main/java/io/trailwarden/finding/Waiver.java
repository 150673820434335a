package io.trailwarden.finding;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.LocalDate;

/**
 * An accepted risk from config.yaml: a rule, a resource glob ({@code *} and {@code ?}), a reason and
 * the last day it holds. An expired waiver waives nothing.
 */
public record Waiver(String rule, String resource, String reason, LocalDate expires) {
  public Waiver {
    var missing = new java.util.ArrayList<String>();
    if (rule == null || rule.isBlank()) missing.add("rule");
    if (resource == null || resource.isBlank()) missing.add("resource");
    if (reason == null || reason.isBlank()) missing.add("reason");
    if (expires == null) missing.add("expires");
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("a waiver needs rule, resource, reason and expires (YYYY-MM-DD); missing: "
          + String.join(", ", missing));
    }
  }

  public boolean matches(String ruleId, String resourceArn) {
    return rule.equals(ruleId) && glob(resource).matches(Path.of(escapeSlashes(resourceArn)));
  }

  /** Waivers hold through their expiry day. */
  public boolean activeOn(LocalDate day) {
    return !day.isAfter(expires);
  }

  // ARNs contain '/', which path globs treat as a separator; matching over a single path element lets
  // '*' match across it as users expect.
  private static PathMatcher glob(String pattern) {
    String escaped = escapeSlashes(pattern).replace("\\", "\\\\").replace("[", "\\[").replace("{", "\\{");
    return FileSystems.getDefault().getPathMatcher("glob:" + escaped);
  }

  private static String escapeSlashes(String text) {
    return text.replace('/', '\u2215');
  }
}
