package io.trailwarden.emulator;

import io.trailwarden.TestFiles;
import io.trailwarden.cli.Main;
import io.trailwarden.demo.Seeder;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Scans an organization on the emulator through {@code trailwarden scan}, directly or through a
 * {@link FaultProxy}, and compares the faulty run with the fault-free one ({@link FaultInvariant}).
 */
public final class FaultRuns {
  /** One scan: its exit code, what it printed, its JSON report (absent when it stopped before), its time. */
  public record Scan(int exitCode, String out, String err, Optional<FaultInvariant.Report> report, double seconds) {}

  /** One faulty run compared with the fault-free one. */
  public record Run(FaultProxy.Plan plan, Scan scan, FaultInvariant.Result result, long requests, long injected) {}

  private final Path work;
  private final String config;

  /** @param config config.yaml's organization keys but the endpoint, indented by two spaces */
  public FaultRuns(Path work, String config) {
    this.work = work;
    this.config = config;
  }

  /** The organization of {@link ArticleOrganization} as config.yaml names it. */
  public static String articleConfig(ArticleOrganization.Seeded seeded) {
    return """
          loggingAccountId: "%s"
          regions: [eu-west-1, us-east-1]
          trailName: %s
          logBucket: %s
        """.formatted(seeded.loggingAccount(), ArticleOrganization.TRAIL, ArticleOrganization.BUCKET);
  }

  /** config.yaml's version and organization section: {@code organization} (as {@link #articleConfig} gives it) on {@code endpoint}; other sections may follow. */
  public static String configFile(String organization, String endpoint) {
    return "version: 1\norganization:\n" + organization + "  endpoint: " + endpoint + "\n";
  }

  public Scan scan(java.net.URI endpoint, String name) throws IOException {
    Path dir = work.resolve(name);
    Files.createDirectories(dir);
    Path file = dir.resolve("config.yaml");
    Files.writeString(file, configFile(config, endpoint.toString()));
    Path reports = dir.resolve("reports");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    long start = System.nanoTime();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), "scan", "--config", file.toString(), "--output-dir",
        reports.toString(), "--rules", TestFiles.rulesDir().toString(), "--format", "json");
    double seconds = (System.nanoTime() - start) / 1e9;
    Path json = reports.resolve("trailwarden.json");
    Optional<FaultInvariant.Report> report = Files.exists(json) ? Optional.of(FaultInvariant.Report.read(json)) : Optional.empty();
    return new Scan(code, out.toString(), err.toString(), report, seconds);
  }

  /** Scans through a proxy with {@code plan} and compares with the fault-free {@code clean} report. */
  public Run faulty(java.net.URI moto, FaultProxy.Plan plan, FaultInvariant.Report clean, String name) throws IOException {
    try (FaultProxy proxy = FaultProxy.start(moto, plan, "emulator", Seeder.MANAGEMENT_ACCOUNT)) {
      Scan scan = scan(proxy.endpoint(), name);
      return new Run(plan, scan, FaultInvariant.compare(clean, scan.report(), scan.exitCode()), proxy.requests(),
          proxy.injectedTotal() + proxy.denied());
    }
  }
}
