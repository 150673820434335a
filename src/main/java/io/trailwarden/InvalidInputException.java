package io.trailwarden;

/**
 * Input the user can fix: a malformed snapshot, config.yaml or Rego file. The message names the file
 * and the place (line, or JSON path); the CLI turns it into exit code 2.
 */
public final class InvalidInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidInputException(String message) {
    super(message);
  }

  public InvalidInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
