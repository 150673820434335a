package io.trailwarden.report;

import java.util.Arrays;
import java.util.List;

/** The reporter of each report format. Reporters are stateless, so each call may build a new one. */
public final class Reporters {
  private Reporters() {}

  /** The reporter for a format with the default settings. */
  public static Reporter of(ReportFormat format) {
    return of(format, ReportSettings.DEFAULTS);
  }

  /** The reporter for a format; the switch fails to compile when a format lacks one. */
  public static Reporter of(ReportFormat format, ReportSettings settings) {
    return switch (format) {
      case SARIF -> new SarifReporter(settings);
      case JUNIT -> new JunitReporter();
      case JSON -> new JsonReporter();
      case MARKDOWN -> new MarkdownReporter(settings);
      case HTML -> new HtmlReporter(settings);
      case OCSF -> new OcsfReporter();
      case ASFF -> new AsffReporter();
    };
  }

  /** One reporter per format, in the order of {@link ReportFormat}. */
  public static List<Reporter> all() {
    return Arrays.stream(ReportFormat.values()).map(Reporters::of).toList();
  }
}
