package io.trailwarden.aws;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts API calls (one per operation, retries not counted; each page of a paginated list is a call)
 * across every client it is given to, in all and per service and operation.
 */
public final class ApiCallCounter implements ExecutionInterceptor {
  private final AtomicLong calls = new AtomicLong();
  private final Map<String, LongAdder> byOperation = new ConcurrentHashMap<>();

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes executionAttributes) {
    calls.incrementAndGet();
    String service = String.valueOf(executionAttributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME));
    String operation = String.valueOf(executionAttributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
    byOperation.computeIfAbsent(service + ":" + operation, k -> new LongAdder()).increment();
  }

  public long calls() {
    return calls.get();
  }

  /** Calls per {@code Service:Operation} (the SDK's service name, e.g. {@code CloudTrail:DescribeTrails}), sorted. */
  public Map<String, Long> byOperation() {
    Map<String, Long> counts = new TreeMap<>();
    byOperation.forEach((key, count) -> counts.put(key, count.sum()));
    return counts;
  }
}
