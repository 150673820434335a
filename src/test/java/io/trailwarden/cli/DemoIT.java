package io.trailwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwarden.TestFiles;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code trailwarden demo}: starts its own emulator, builds Northwind Capital and finds its faults. */
class DemoIT {
  @Test
  void findsTheDemoFaults(@TempDir Path temp) throws Exception {
    Path reports = temp.resolve("reports");
    MainTest.Run run = MainTest.run("demo", "--output-dir", reports.toString(), "--rules", TestFiles.rulesDir().toString());
    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.FAILURES);
    assertThat(run.out()).contains("Northwind Capital, 15 accounts").contains("Reports: ");
    assertThat(run.err()).contains("Collected 15 accounts x 3 regions: 2 trails, 1 bucket, 0 errors");
    assertThat(ScanIT.notPassing(reports)).containsExactlyInAnyOrder(
        "FAIL cloudtrail_org_trail_log_file_validation_enabled arn:aws:cloudtrail:us-east-1:123456789012:trail/northwind-org-trail",
        "FAIL s3_log_bucket_policy_allows_cloudtrail_write arn:aws:s3:::northwind-org-cloudtrail-logs");
    assertThat(reports.resolve("snapshot.json")).exists();
    assertThat(reports.resolve("trailwarden.sarif")).exists();
  }
}
