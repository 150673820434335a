package io.trailwarden.report;

import io.trailwarden.finding.Arn;
import io.trailwarden.finding.Finding;
import io.trailwarden.policy.RuleMetadata;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The words the security-tool formats (ASFF, OCSF) share for a finding: the AWS resource type, the
 * partition and the finding types, so that Security Hub and a SIEM classify a finding the same way.
 */
public final class FindingVocabulary {
  /** ASFF's namespace/category of compliance checks; OCSF finding_info.types reuses it. */
  public static final String STANDARDS_TYPE = "Software and Configuration Checks/Industry and Regulatory Standards";

  private FindingVocabulary() {}

  /**
   * The finding types: one per framework the rule maps to whose ASFF classifier is known, else the
   * bare category (ASFF accepts namespace/category without a classifier).
   */
  public static List<String> types(RuleMetadata rule) {
    Set<String> types = new LinkedHashSet<>();
    for (String framework : rule.frameworks().keySet()) {
      classifier(framework).ifPresent(c -> types.add(STANDARDS_TYPE + "/" + c));
    }
    if (types.isEmpty()) {
      types.add(STANDARDS_TYPE);
    }
    return List.copyOf(types);
  }

  /** ASFF's classifier names (the documented list) for the frameworks the rules use. */
  static Optional<String> classifier(String framework) {
    if (framework.startsWith("cis-aws-foundations")) {
      return Optional.of("CIS AWS Foundations Benchmark");
    }
    return switch (framework) {
      case "aws-security-hub" -> Optional.of("AWS-Foundational-Security-Best-Practices");
      case "hipaa" -> Optional.of("HIPAA Controls (USA)");
      default -> Optional.empty();
    };
  }

  /** "framework control" for every control of every framework, e.g. "cis-aws-foundations-3.0 3.2". */
  public static List<String> requirements(RuleMetadata rule) {
    List<String> requirements = new ArrayList<>();
    rule.frameworks().forEach((framework, controls) -> controls.forEach(c -> requirements.add(framework + " " + c)));
    return List.copyOf(requirements);
  }

  /** The ASFF resource type of an ARN (Security Hub's documented names), "Other" when it has none. */
  public static String resourceType(String resource) {
    Arn arn = Arn.parse(resource);
    String kind = arn.resource().split("[/:]", 2)[0];
    return switch (arn.service()) {
      case "cloudtrail" -> kind.equals("trail") ? "AwsCloudTrailTrail" : "Other";
      case "s3" -> arn.resource().contains("/") ? "AwsS3Object" : "AwsS3Bucket";
      case "kms" -> kind.equals("key") ? "AwsKmsKey" : "Other";
      case "iam" -> kind.equals("role") ? "AwsIamRole" : "Other";
      case "organizations" -> kind.equals("account") ? "AwsAccount" : "Other";
      default -> "Other";
    };
  }

  /** The partition of an ARN ("aws", "aws-cn", "aws-us-gov"), "aws" when it is not an ARN. */
  public static String partition(String resource) {
    String[] parts = resource.split(":", 3);
    return parts.length >= 3 && parts[0].equals("arn") && !parts[1].isBlank() ? parts[1] : "aws";
  }

  /** The finding's region when the evidence tells one ("global" and unknown are not regions). */
  public static Optional<String> region(Finding finding) {
    String region = finding.region();
    return region == null || region.isBlank() || region.equals(Finding.UNKNOWN_PLACE) || region.equals("global")
        ? Optional.empty() : Optional.of(region);
  }

  /** The finding's account when the evidence tells one. */
  public static Optional<String> account(Finding finding) {
    String account = finding.accountId();
    return account == null || account.isBlank() || account.equals(Finding.UNKNOWN_PLACE)
        ? Optional.empty() : Optional.of(account);
  }
}
