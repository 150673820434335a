package io.trailwarden.report;

import java.util.Locale;

/** The report files TrailWarden writes, with their file names in the output directory. */
public enum ReportFormat {
  SARIF("trailwarden.sarif"),
  JUNIT("trailwarden-junit.xml"),
  JSON("trailwarden.json"),
  MARKDOWN("trailwarden.md");

  private final String fileName;

  ReportFormat(String fileName) {
    this.fileName = fileName;
  }

  public String fileName() {
    return fileName;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
