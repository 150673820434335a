package io.trailwarden.finding;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Report locations come from these fields; the parse is hand-written (no split per finding), so pinned here. */
class ArnTest {
  @Test
  void theServiceAndTheResourceAfterTheFifthColonColonsAndAll() {
    assertThat(Arn.parse("arn:aws:s3:::acme-org-cloudtrail-logs")).isEqualTo(new Arn("s3", "acme-org-cloudtrail-logs"));
    assertThat(Arn.parse("arn:aws:logs:us-east-1:111111111111:log-group:org-trail:*"))
        .isEqualTo(new Arn("logs", "log-group:org-trail:*"));
    assertThat(Arn.parse("arn:aws-us-gov:cloudtrail:us-gov-west-1:111111111111:trail/t"))
        .isEqualTo(new Arn("cloudtrail", "trail/t"));
  }

  @Test
  void anythingElseIsAResourceAsWritten() {
    assertThat(Arn.parse("unknown")).isEqualTo(new Arn("resource", "unknown"));
    assertThat(Arn.parse("arn:aws:s3::bucket")).isEqualTo(new Arn("resource", "arn:aws:s3::bucket"));
    assertThat(Arn.parse("urn:aws:s3:::bucket")).isEqualTo(new Arn("resource", "urn:aws:s3:::bucket"));
    assertThat(Arn.parse("xarn:aws:s3:::b")).isEqualTo(new Arn("resource", "xarn:aws:s3:::b"));
    assertThat(Arn.parse("")).isEqualTo(new Arn("resource", ""));
  }
}
