package io.trailwarden;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The IAM policies the docs ship: the scanner's stays read-only; the remediator's is what it declares;
 * log verification's reads only the log bucket's objects and CloudTrail's public keys.
 */
public class IamPoliciesTest {
  public static final Path SCAN = TestFiles.projectDir().resolve("docs/iam/trailwarden-scan-policy.json");
  public static final Path REMEDIATE = TestFiles.projectDir().resolve("docs/iam/trailwarden-remediate-policy.json");
  public static final Path LOGS_VERIFY = TestFiles.projectDir().resolve("docs/iam/trailwarden-logs-verify-policy.json");

  /** The Allow actions of a policy file, wildcards as written. */
  public static List<String> actions(Path policy) throws IOException {
    JsonNode doc = Json.mapper().readTree(policy.toFile());
    List<String> actions = new ArrayList<>();
    doc.path("Statement").forEach(s -> {
      if (s.path("Effect").asText().equals("Allow")) {
        s.path("Action").forEach(a -> actions.add(a.asText()));
      }
    });
    return actions;
  }

  /** True when an Allow action of the policy (IAM wildcards, case-insensitive) covers {@code action}. */
  public static boolean allows(Path policy, String action) throws IOException {
    return actions(policy).stream().anyMatch(pattern -> Pattern.compile(
        Pattern.quote(pattern).replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q"), Pattern.CASE_INSENSITIVE)
        .matcher(action).matches());
  }

  @Test
  void theScanPolicyOnlyReads() throws IOException {
    assertThat(actions(SCAN)).isNotEmpty().allSatisfy(action ->
        assertThat(action.substring(action.indexOf(':') + 1)).matches("(Describe|Get|List).*|AssumeRole"));
  }

  @Test
  void theLogsVerifyPolicyReadsTheLogBucketAndThePublicKeysOnly() throws IOException {
    // Exactly what S3LogStore, LogFetcher (HeadObject is s3:GetObject) and CloudTrailPublicKeys call.
    assertThat(actions(LOGS_VERIFY)).containsExactlyInAnyOrder("s3:GetObject", "s3:ListBucket", "cloudtrail:ListPublicKeys");
    JsonNode doc = Json.mapper().readTree(LOGS_VERIFY.toFile());
    assertThat(doc.path("Statement").get(0).path("Resource").toString()).contains("LOG-BUCKET-NAME").doesNotContain("\"*\"");
  }

  @Test
  void wildcardsMatchAsIamMatchesThem() throws IOException {
    assertThat(allows(REMEDIATE, "organizations:ListPolicies")).isTrue();
    assertThat(allows(REMEDIATE, "s3:PutBucketPolicy")).isTrue();
    assertThat(allows(SCAN, "s3:PutBucketPolicy")).isFalse();
    assertThat(allows(REMEDIATE, "s3:DeleteObject")).isFalse();
  }
}
