package io.trailwarden.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The process exit codes, in one place: the commands return them, and the help text's table and the
 * README's table are made from (or checked against) {@link #meaning()}.
 */
public enum ExitCode {
  OK(0, "clean at the chosen --fail-on severity"),
  FAILURES(1, "a failure at or above --fail-on"),
  USAGE(2, "usage or input error: options, config.yaml, snapshot, rules, plan, journal, baseline, credentials"),
  INCOMPLETE(3, "evidence missing (UNKNOWN findings or collection errors, unless --allow-partial), or AWS throttled or unavailable"),
  INTERNAL_ERROR(4, "internal error (TRAILWARDEN_DEBUG=1 prints the stack trace)"),
  NOT_APPLIED(5, "remediate apply/rollback: a change was refused as drift, failed at AWS, or skipped"),
  EXPORT_FAILED(6, "export: the destination rejected findings");

  private final int code;
  private final String meaning;

  ExitCode(int code, String meaning) {
    this.code = code;
    this.meaning = meaning;
  }

  /** The number the process exits with. */
  public int code() {
    return code;
  }

  /** What the code means, one line, as the help text and the README say it. */
  public String meaning() {
    return meaning;
  }

  /** The help text's table: code to meaning, in code order. */
  static Map<String, String> helpTable() {
    Map<String, String> table = new LinkedHashMap<>();
    for (ExitCode exit : values()) {
      table.put(String.valueOf(exit.code), exit.meaning);
    }
    return table;
  }
}
