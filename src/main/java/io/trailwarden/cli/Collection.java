package io.trailwarden.cli;

import io.trailwarden.aws.ApiCallCounter;
import io.trailwarden.aws.AwsSettings;
import io.trailwarden.aws.ClientFactory;
import io.trailwarden.collect.Progress;
import io.trailwarden.collect.SnapshotCollector;
import io.trailwarden.config.OrganizationSettings;
import io.trailwarden.snapshot.Snapshot;
import io.trailwarden.snapshot.SnapshotIo;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;

/** Collects a snapshot, writes it, and says on stderr what was collected; shared by collect, scan and demo. */
final class Collection {
  private Collection() {}

  static Snapshot collect(BiFunction<AwsSettings, List<software.amazon.awssdk.core.interceptor.ExecutionInterceptor>, ClientFactory> factory,
      AwsSettings settings, OrganizationSettings organization, Path output, PrintWriter err) throws IOException {
    ApiCallCounter counter = new ApiCallCounter();
    Instant start = Instant.now();
    Snapshot snapshot;
    try (ClientFactory clients = factory.apply(settings, List.of(counter))) {
      snapshot = new SnapshotCollector(clients, organization, Clock.systemUTC(), Progress.forTerminal(err, System.getenv())).collect();
    }
    new SnapshotIo().write(snapshot, output);
    long accounts = snapshot.organization().map(o -> o.accounts().size()).orElse(1);
    err.printf("Collected %d account%s x %d region%s: %d trail%s, %d bucket%s, %d error%s; %d API calls in %.1f s. Snapshot: %s%n",
        accounts, plural(accounts), snapshot.scope().regions().size(), plural(snapshot.scope().regions().size()),
        snapshot.trails().size(), plural(snapshot.trails().size()), snapshot.buckets().size(), plural(snapshot.buckets().size()),
        snapshot.errors().size(), plural(snapshot.errors().size()), counter.calls(),
        Duration.between(start, Instant.now()).toMillis() / 1000.0, output);
    snapshot.errors().forEach(e -> err.printf("  could not read: %s %s in account %s, region %s%s: %s %s%n", e.service(),
        e.operation(), e.accountId(), e.region(), e.resource().map(r -> " (" + r + ")").orElse(""), e.code(), e.message()));
    err.flush();
    return snapshot;
  }

  private static String plural(long n) {
    return n == 1 ? "" : "s";
  }
}
