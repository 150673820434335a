package io.trailwarden.cli;

/** The process exit codes (DESIGN §5), in one place. */
public final class ExitCode {
  /** Clean at the chosen --fail-on severity. */
  public static final int OK = 0;
  /** At least one failure at or above --fail-on. */
  public static final int FAILURES = 1;
  /** Bad usage or bad input: options, config.yaml, snapshot, Rego. */
  public static final int USAGE = 2;
  /** Evidence missing (UNKNOWN findings or collection errors), unless --allow-partial. */
  public static final int INCOMPLETE = 3;
  /** A bug or an environment failure TrailWarden did not expect; the message says what. */
  public static final int INTERNAL_ERROR = 4;
  /** remediate apply/rollback: a change was refused (drift), failed at AWS, or skipped; the journal says which. */
  public static final int NOT_APPLIED = 5;
  /** export: the destination rejected findings (Security Hub FailedCount above 0); the message names them. */
  public static final int EXPORT_FAILED = 6;

  private ExitCode() {}
}
