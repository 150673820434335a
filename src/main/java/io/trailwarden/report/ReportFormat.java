package io.trailwarden.report;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The report files TrailWarden writes, with their file names in the output directory. */
public enum ReportFormat {
  SARIF("trailwarden.sarif", true),
  JUNIT("trailwarden-junit.xml", true),
  JSON("trailwarden.json", true),
  MARKDOWN("trailwarden.md", true),
  /** One self-contained page for people: control matrices per framework, the accounts x rules grid. */
  HTML("trailwarden.html", true),
  /** OCSF Compliance Finding events, JSON Lines, for SIEMs; only when asked for. */
  OCSF("trailwarden.ocsf.jsonl", false),
  /** AWS Security Finding Format, for Security Hub; only when asked for. */
  ASFF("trailwarden.asff.json", false);

  private final String fileName;
  private final boolean byDefault;

  ReportFormat(String fileName, boolean byDefault) {
    this.fileName = fileName;
    this.byDefault = byDefault;
  }

  /** The formats written when neither --format nor config.yaml names any: the CI and people's formats. */
  public static List<ReportFormat> defaults() {
    return Arrays.stream(values()).filter(f -> f.byDefault).toList();
  }

  public String fileName() {
    return fileName;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
