package io.trailwarden.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.trailwarden.Json;
import io.trailwarden.finding.Evaluation;
import io.trailwarden.finding.Finding;
import io.trailwarden.policy.Severity;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** The consumers' size limits: GitHub's 10 MB gzipped SARIF upload and its 1 MiB step summary. */
class ReportLimitsTest {
  /** Findings whose messages gzip badly (random hex), half high and half low. */
  static Evaluation large(int count, int messageBytes) {
    Random random = new Random(7);
    List<Finding> findings = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      byte[] noise = new byte[messageBytes];
      random.nextBytes(noise);
      boolean high = i % 2 == 0;
      findings.add(Evaluations.fail(high ? Evaluations.BUCKET_WRITE : Evaluations.BUCKET_ACCESS_LOGGING,
          high ? Severity.HIGH : Severity.LOW, "arn:aws:s3:::bucket-%05d".formatted(i), "111111111111", "us-east-1",
          HexFormat.of().formatHex(noise), Optional.empty(), NullNode.getInstance()));
    }
    return new Evaluation("0.1.0", Instant.parse("2026-11-23T06:00:00Z"), "111111111111", Optional.empty(),
        Evaluations.rules(), Evaluations.sorted(findings), List.of(), List.of());
  }

  static long gzipped(String text) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
      gzip.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.size();
  }

  @Test
  void sarifStaysUnderTenMegabytesGzippedKeepingTheMostSevere() throws Exception {
    Evaluation evaluation = large(20_000, 600);
    String sarif = new SarifReporter().render(evaluation);
    assertThat(gzipped(sarif)).isLessThanOrEqualTo(SarifReporter.MAX_GZIPPED_BYTES);
    JsonNode run = Json.mapper().readTree(sarif).at("/runs/0");
    int kept = run.get("results").size();
    assertThat(kept).isLessThan(20_000).isGreaterThan(2_000);
    // The high failures come first, so the cut falls on the low ones.
    assertThat(run.get("results").get(Math.min(kept, 10_000) - 1).path("level").asText()).isEqualTo("error");
    assertThat(run.at("/invocations/0/toolExecutionNotifications/0/message/text").asText())
        .contains("10 MB gzipped", "20000 failures", "the " + kept + " most severe");
  }

  @Test
  void markdownFitsTheStepSummary() {
    String markdown = new MarkdownReporter().render(large(30_000, 300));
    assertThat(markdown.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(MarkdownReporter.MAX_BYTES);
    assertThat(markdown).contains("29900 more, less severe, are in the JSON report.");
  }
}
