package io.trailwarden.emulator;

import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Failures moto cannot produce (architecture.md §9), injected on the Java side and registered like
 * {@link DeniedAccounts}: {@value #DENY} names an operation AWS answers with AccessDenied, as a role
 * lacking one permission would; {@value #CRASH_AFTER}=N, in a child JVM, kills the process the moment
 * an (N+1)th write call is about to be sent, as a power cut or an OOM kill would, and
 * {@value #CRASH_AFTER_RESPONSE}=N kills it the moment the Nth write call has been answered: AWS has made
 * the change, the journal has not recorded it. Inert when unset.
 */
public final class InjectedFailures implements ExecutionInterceptor {
  public static final String DENY = "trailwarden.test.denyOperation";
  public static final String CRASH_AFTER = "trailwarden.test.crashAfterWrites";
  public static final String CRASH_AFTER_RESPONSE = "trailwarden.test.crashAfterWriteResponses";
  private static final AtomicInteger WRITES = new AtomicInteger();
  private static final AtomicInteger ANSWERED = new AtomicInteger();

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    if (operation.equals(System.getProperty(DENY))) {
      String message = "User is not authorized to perform: " + operation;
      throw AwsServiceException.builder().statusCode(403).message(message)
          .awsErrorDetails(AwsErrorDetails.builder().errorCode("AccessDenied").errorMessage(message).build()).build();
    }
  }

  @Override
  public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
    String crashAfter = System.getProperty(CRASH_AFTER);
    if (crashAfter != null && CallRecorder.isWrite(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))
        && WRITES.incrementAndGet() > Integer.parseInt(crashAfter)) {
      Runtime.getRuntime().halt(137);
    }
  }

  @Override
  public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
    String crashAfter = System.getProperty(CRASH_AFTER_RESPONSE);
    if (crashAfter != null && CallRecorder.isWrite(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))
        && ANSWERED.incrementAndGet() >= Integer.parseInt(crashAfter)) {
      Runtime.getRuntime().halt(137);
    }
  }
}
