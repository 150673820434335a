package io.trailwarden.bench;

import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Times every API call from the SDK's start of execution to its end (retries included, which there are
 * none of without injected faults), for the median call latency of the emulator-bound limit.
 */
final class CallLatency implements ExecutionInterceptor {
  private static final ExecutionAttribute<Long> STARTED = new ExecutionAttribute<>("trailwarden.bench.started");
  private final ConcurrentLinkedQueue<Long> nanos = new ConcurrentLinkedQueue<>();

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    attributes.putAttribute(STARTED, System.nanoTime());
  }

  @Override
  public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
    finished(attributes);
  }

  @Override
  public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
    finished(attributes);
  }

  private void finished(ExecutionAttributes attributes) {
    Long started = attributes.getAttribute(STARTED);
    if (started != null) {
      nanos.add(System.nanoTime() - started);
    }
  }

  double medianSeconds() {
    long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    if (sorted.length == 0) {
      return 0;
    }
    return Arrays.stream(sorted).skip(sorted.length / 2).findFirst().getAsLong() / 1e9;
  }
}
