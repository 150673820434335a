package io.trailwarden.finding;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.NullNode;
import io.trailwarden.policy.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Issue 13: a baseline failure is fixed only when its resource was read again and passes. */
class BaselineTest {
  static final String MANAGEMENT = "111111111111";
  static final String RULE = "s3_log_bucket_not_public";

  static Finding finding(String resource, Status status) {
    return new Finding(RULE, status, Severity.CRITICAL, resource, "222222222222", "us-east-1", "m", NullNode.getInstance(),
        Optional.empty(), Optional.empty(), Finding.fingerprint(RULE, resource));
  }

  static Evaluation evaluation(List<Finding> findings) {
    return new Evaluation("0.1.0", Instant.parse("2026-11-23T06:00:00Z"), MANAGEMENT, Optional.of("o-a1b2c3d4e5"), List.of(),
        findings, List.of(), List.of());
  }

  @Test
  void onlyAResourceReadAgainAndPassingIsFixed() {
    Baseline baseline = Baseline.of("previous.json", evaluation(List.of(finding("arn:aws:s3:::passes", Status.FAIL),
        finding("arn:aws:s3:::unknown", Status.FAIL), finding("arn:aws:s3:::gone", Status.FAIL), finding("arn:aws:s3:::still", Status.FAIL))));

    Baseline.Comparison comparison = baseline.compare(evaluation(List.of(finding("arn:aws:s3:::passes", Status.PASS),
        finding("arn:aws:s3:::unknown", Status.UNKNOWN), finding("arn:aws:s3:::still", Status.FAIL))));

    assertThat(comparison.fixed()).extracting(Baseline.Failure::resource).containsExactly("arn:aws:s3:::passes");
    assertThat(comparison.notRechecked()).extracting(Baseline.Failure::resource)
        .containsExactly("arn:aws:s3:::gone", "arn:aws:s3:::unknown");
    assertThat(comparison.states()).isEqualTo(Map.of(Finding.fingerprint(RULE, "arn:aws:s3:::still"), Baseline.State.EXISTING));
  }
}
