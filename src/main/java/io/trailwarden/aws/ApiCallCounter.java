package io.trailwarden.aws;

import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/** Counts API calls (one per operation, retries not counted) across every client it is given to. */
public final class ApiCallCounter implements ExecutionInterceptor {
  private final AtomicLong calls = new AtomicLong();

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes executionAttributes) {
    calls.incrementAndGet();
  }

  public long calls() {
    return calls.get();
  }
}
