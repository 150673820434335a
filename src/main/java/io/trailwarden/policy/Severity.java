package io.trailwarden.policy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Rule severities, most severe first, with the numeric score GitHub code scanning reads. */
public enum Severity {
  CRITICAL("9.5"),
  HIGH("8.0"),
  MEDIUM("5.5"),
  LOW("2.0");

  private final String securitySeverity;

  Severity(String securitySeverity) {
    this.securitySeverity = securitySeverity;
  }

  /** The lower-case name used in rule metadata, config and reports. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** SARIF {@code properties.security-severity}: a number as a string. */
  public String securitySeverity() {
    return securitySeverity;
  }

  /** True when this severity is the same as, or more severe than, {@code threshold}. */
  public boolean atLeast(Severity threshold) {
    return compareTo(threshold) <= 0;
  }

  public static Optional<Severity> parse(String text) {
    return Arrays.stream(values()).filter(s -> s.id().equalsIgnoreCase(text.trim())).findFirst();
  }
}
