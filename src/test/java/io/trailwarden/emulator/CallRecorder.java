package io.trailwarden.emulator;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Records every SDK call of the test JVM as "service:Operation" while {@value #RECORD} is set
 * (registered like {@link DeniedAccounts}), so a test can compare what an apply called with what its
 * plan declared.
 */
public final class CallRecorder implements ExecutionInterceptor {
  public static final String RECORD = "trailwarden.test.recordCalls";
  private static final List<String> CALLS = new CopyOnWriteArrayList<>();

  @Override
  public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
    if (Boolean.getBoolean(RECORD)) {
      CALLS.add(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + ":"
          + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
    }
  }

  /** Calls that change something: everything that is not a read. */
  public static boolean isWrite(String operation) {
    return !operation.matches("(Get|List|Describe|Head|AssumeRole|GetCallerIdentity).*");
  }

  public static List<String> calls() {
    return List.copyOf(CALLS);
  }

  public static void clear() {
    CALLS.clear();
  }
}
