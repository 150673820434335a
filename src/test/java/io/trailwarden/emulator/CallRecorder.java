package io.trailwarden.emulator;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Test instruments on every SDK client of the test JVM (registered like {@link DeniedAccounts}): records
 * each call as "service:Operation" while {@value #RECORD} is set, and, in a child JVM started with
 * {@value #CRASH_AFTER}=N, kills the process the moment an (N+1)th write call is about to be sent, as a
 * power cut or an OOM kill would.
 */
public final class CallRecorder implements ExecutionInterceptor {
  public static final String RECORD = "trailwarden.test.recordCalls";
  public static final String CRASH_AFTER = "trailwarden.test.crashAfterWrites";
  private static final List<String> CALLS = new CopyOnWriteArrayList<>();
  private static final java.util.concurrent.atomic.AtomicInteger WRITES = new java.util.concurrent.atomic.AtomicInteger();

  @Override
  public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
    String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
    if (Boolean.getBoolean(RECORD)) {
      CALLS.add(service + ":" + operation);
    }
    String crashAfter = System.getProperty(CRASH_AFTER);
    if (crashAfter != null && isWrite(operation) && WRITES.incrementAndGet() > Integer.parseInt(crashAfter)) {
      Runtime.getRuntime().halt(137);
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
