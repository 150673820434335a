package io.trailwarden.aws;

import java.util.List;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Opens a {@link ClientFactory} with its settings and credentials already chosen; the caller adds the
 * interceptors it needs (an API call counter, say). Lets the pipeline connect without knowing whether
 * the credentials come from a profile, the default chain or an emulator.
 */
@FunctionalInterface
public interface Connector {
  ClientFactory connect(List<ExecutionInterceptor> interceptors);
}
