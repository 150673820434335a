package io.trailwarden.aws;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * AWS answered, but with throttling or a server-side failure past every retry (or the connection broke
 * mid-call): nothing is wrong with the input, and the same command may work later. The CLI makes it
 * exit 3, never the input error (2) a refused credential is.
 */
public final class AwsUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public AwsUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  /** The failure in one line: AWS's error code first when there is one. */
  public static String describe(SdkException e) {
    if (e instanceof AwsServiceException service && service.awsErrorDetails() != null && service.awsErrorDetails().errorCode() != null) {
      return service.awsErrorDetails().errorCode() + ": " + e.getMessage();
    }
    return e.getMessage();
  }

  /**
   * True for failures worth retrying later: throttling, HTTP 5xx, a reset or timed-out connection.
   * A refused connection or an unknown host points at the endpoint, and 4xx at the credentials.
   */
  public static boolean isTransient(SdkException e) {
    if (e instanceof AwsServiceException service) {
      return service.isThrottlingException() || service.statusCode() >= 500;
    }
    for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
      if (cause instanceof ConnectException || cause instanceof UnknownHostException) {
        return false;
      }
      if (cause instanceof IOException) {
        return true;
      }
    }
    return false;
  }
}
