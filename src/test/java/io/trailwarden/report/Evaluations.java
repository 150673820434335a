package io.trailwarden.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.trailwarden.Json;
import io.trailwarden.finding.Baseline;
import io.trailwarden.finding.Evaluation;
import io.trailwarden.finding.Finding;
import io.trailwarden.policy.Severity;
import io.trailwarden.finding.Status;
import io.trailwarden.finding.Waiver;
import io.trailwarden.policy.Frameworks;
import io.trailwarden.policy.RuleMetadata;
import io.trailwarden.policy.RuleMetadata.Reference;
import io.trailwarden.snapshot.CollectionError;
import io.trailwarden.snapshot.Organization;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The evaluations the report tests render, built in plain Java (no OPA) so that a report test fails only
 * for a reporter's own reasons. Rules and ARNs look like a real organization's.
 */
final class Evaluations {
  static final String MANAGEMENT = "111111111111";
  static final String LOG_ARCHIVE = "222222222222";
  static final String ORG_ID = "o-a1b2c3d4e5";
  static final String ORGANIZATION = "arn:aws:organizations::111111111111:organization/o-a1b2c3d4e5";
  static final String ORG_TRAIL = "arn:aws:cloudtrail:us-east-1:111111111111:trail/org-trail";
  static final String LEGACY_TRAIL = "arn:aws:cloudtrail:eu-west-1:111111111111:trail/legacy-audit";
  static final String LOG_BUCKET = "arn:aws:s3:::acme-org-cloudtrail-logs";
  static final String VERSION = "0.1.0";

  static final String EXISTS = "cloudtrail_org_trail_exists";
  static final String LOGGING = "cloudtrail_org_trail_logging";
  static final String MULTI_REGION = "cloudtrail_org_trail_multi_region_enabled";
  static final String VALIDATION = "cloudtrail_org_trail_log_file_validation_enabled";
  static final String CLOUDWATCH = "cloudtrail_org_trail_cloudwatch_logs_enabled";
  static final String BUCKET_WRITE = "s3_log_bucket_policy_allows_cloudtrail_write";
  static final String BUCKET_ACCESS_LOGGING = "s3_log_bucket_access_logging_enabled";

  /** Test case name to evaluation; the names are the golden files' base names. */
  static final Map<String, Supplier<Evaluation>> CASES =
      new TreeMap<>(Map.of("mixed", Evaluations::mixed, "all-pass", Evaluations::allPass, "no-findings", Evaluations::noFindings,
          "mixed-with-baseline", Evaluations::mixedWithBaseline));

  private Evaluations() {}

  /**
   * The frameworks file of these rules: in the order it lists, with a control no rule implements (it
   * says why) and without the "hipaa" framework the rules name, which reports must still show.
   */
  static Frameworks frameworks() {
    return new Frameworks(List.of(
        new Frameworks.Framework("cis-aws-foundations-3.0", "CIS Amazon Web Services Foundations Benchmark v3.0.0",
            "https://www.cisecurity.org/benchmark/amazon_web_services", List.of(
                new Frameworks.Control("3.1", "Ensure CloudTrail is enabled in all regions"),
                new Frameworks.Control("3.2", "Ensure CloudTrail log file validation is enabled"),
                new Frameworks.Control("3.4", "Ensure CloudTrail trails are integrated with CloudWatch Logs"),
                new Frameworks.Control("3.6", "Ensure S3 bucket access logging is enabled on the CloudTrail S3 bucket"),
                new Frameworks.Control("3.8", "Ensure that object-level logging for write events is enabled for S3 buckets",
                    "judges every bucket of every account; TrailWarden judges the log bucket and the sensitive resources"))),
        new Frameworks.Framework("aws-security-hub", "AWS Security Hub CSPM (CloudTrail controls)",
            "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudtrail-controls.html", List.of(
                new Frameworks.Control("CloudTrail.1", "CloudTrail should be enabled and configured with at least one"
                    + " multi-Region trail that includes read and write management events"),
                new Frameworks.Control("CloudTrail.3", "At least one CloudTrail trail should be enabled"),
                new Frameworks.Control("CloudTrail.4", "CloudTrail log file validation should be enabled"),
                new Frameworks.Control("CloudTrail.5", "CloudTrail trails should be integrated with Amazon CloudWatch Logs"),
                new Frameworks.Control("CloudTrail.7", "Ensure S3 bucket access logging is enabled on the CloudTrail S3 bucket")))));
  }

  /** Management, a Security OU with the log archive, and a Workloads/Prod OU whose account has no finding. */
  static Organization organization() {
    return new Organization(ORG_ID, ORGANIZATION, "ALL", MANAGEMENT,
        List.of(new Organization.Root("r-ab12", "Root", List.of("SERVICE_CONTROL_POLICY"))),
        List.of(new Organization.OrganizationalUnit("ou-ab12-sec00001", "Security <Audit & Logs>", "r-ab12"),
            new Organization.OrganizationalUnit("ou-ab12-wkl00001", "Workloads", "r-ab12"),
            new Organization.OrganizationalUnit("ou-ab12-prd00001", "Prod", "ou-ab12-wkl00001")),
        List.of(new Organization.Account(MANAGEMENT, "Acme Management", "ACTIVE", Optional.of("r-ab12")),
            new Organization.Account(LOG_ARCHIVE, "Log Archive", "ACTIVE", Optional.of("ou-ab12-sec00001")),
            new Organization.Account("333333333333", "Payments \"prod\"", "ACTIVE", Optional.of("ou-ab12-prd00001"))),
        List.of("cloudtrail.amazonaws.com"), List.of());
  }

  /** The catalogue, sorted by id as an evaluation's rules are. */
  static List<RuleMetadata> rules() {
    return Stream.of(
        rule(EXISTS, "An organization trail exists in the management account",
            "One CloudTrail organization trail, created in the management account, records every member account's"
                + " activity into one place that member accounts cannot change.",
            Severity.CRITICAL,
            "Create a multi-region organization trail in the management account that delivers to the log bucket in"
                + " the dedicated logging account.",
            Optional.empty(),
            Map.of("aws-security-hub", List.of("CloudTrail.3"), "hipaa", List.of("164.312(b)")),
            new Reference("https://docs.aws.amazon.com/awscloudtrail/latest/userguide/creating-trail-organization.html",
                "Creating a trail for an organization")),
        rule(LOGGING, "The organization trail is logging and delivering without errors",
            "A trail that was stopped, or whose deliveries to the bucket fail, records nothing an auditor can read.",
            Severity.CRITICAL,
            "Start logging on the organization trail, and fix the cause of any delivery error (usually the bucket"
                + " policy or the KMS key policy).",
            Optional.empty(),
            Map.of("aws-security-hub", List.of("CloudTrail.3"), "hipaa", List.of("164.312(b)")),
            new Reference("https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_GetTrailStatus.html",
                "GetTrailStatus (IsLogging, LatestDeliveryError)")),
        rule(MULTI_REGION, "The organization trail records every region",
            "A multi-region trail records API activity in every region, including regions the organization does"
                + " not use yet, where an attacker would otherwise act unseen.",
            Severity.HIGH,
            "Make the organization trail a multi-region trail.",
            Optional.empty(),
            Map.of("cis-aws-foundations-3.0", List.of("3.1"), "aws-security-hub", List.of("CloudTrail.1"),
                "hipaa", List.of("164.312(b)")),
            new Reference("https://docs.aws.amazon.com/awscloudtrail/latest/userguide/"
                + "receive-cloudtrail-log-files-from-multiple-regions.html",
                "Receiving CloudTrail log files from multiple regions")),
        rule(VALIDATION, "The organization trail validates log file integrity",
            "Log file integrity validation makes CloudTrail deliver signed digest files, so an auditor can prove"
                + " that no log file was changed or deleted after delivery.",
            Severity.HIGH,
            "Enable log file integrity validation on the organization trail.",
            Optional.of("EnableLogFileValidation"),
            Map.of("cis-aws-foundations-3.0", List.of("3.2"), "aws-security-hub", List.of("CloudTrail.4"),
                "hipaa", List.of("164.312(b)")),
            new Reference("https://docs.aws.amazon.com/awscloudtrail/latest/userguide/"
                + "cloudtrail-log-file-validation-intro.html", "Validating CloudTrail log file integrity")),
        rule(CLOUDWATCH, "The organization trail sends events to CloudWatch Logs",
            "Events in CloudWatch Logs can raise alarms within minutes (CIS 4.x metric filters); events only in S3"
                + " are read after the fact.",
            Severity.MEDIUM,
            "Configure a CloudWatch Logs log group and delivery role on the organization trail.",
            Optional.empty(),
            Map.of("cis-aws-foundations-3.0", List.of("3.4"), "aws-security-hub", List.of("CloudTrail.5")),
            new Reference("https://docs.aws.amazon.com/awscloudtrail/latest/userguide/send-cloudtrail-events-to-cloudwatch-logs.html",
                "Sending events to CloudWatch Logs")),
        rule(BUCKET_WRITE, "The log bucket policy lets CloudTrail write logs with bucket-owner-full-control",
            "CloudTrail needs s3:PutObject under AWSLogs/<management account>/ and AWSLogs/<organization id>/, with"
                + " the condition s3:x-amz-acl = bucket-owner-full-control.",
            Severity.HIGH,
            "Allow cloudtrail.amazonaws.com s3:PutObject on the AWSLogs/ prefixes of the trail, with the condition"
                + " StringEquals s3:x-amz-acl = bucket-owner-full-control.",
            Optional.of("AddCloudTrailBucketPolicyStatements"),
            Map.of("hipaa", List.of("164.312(b)")),
            new Reference("https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-s3-bucket-policy-for-cloudtrail.html",
                "Amazon S3 bucket policy for CloudTrail")),
        rule(BUCKET_ACCESS_LOGGING, "The log bucket records its own access log",
            "Server access logging on the CloudTrail bucket shows who read or tried to delete the audit logs.",
            Severity.LOW,
            "Enable server access logging on the log bucket, into a separate bucket.",
            Optional.empty(),
            Map.of("cis-aws-foundations-3.0", List.of("3.6"), "aws-security-hub", List.of("CloudTrail.7")),
            new Reference("https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerLogs.html",
                "Logging requests with server access logging"),
            new Reference("https://docs.aws.amazon.com/securityhub/latest/userguide/cloudtrail-controls.html#cloudtrail-7",
                "Security Hub [CloudTrail.7]")))
        .sorted(Comparator.comparing(RuleMetadata::id))
        .toList();
  }

  /** PASS, FAIL, UNKNOWN and WAIVED over all four severities, with the characters reports must escape. */
  static Evaluation mixed() {
    Waiver waiver = new Waiver(VALIDATION, "arn:aws:cloudtrail:*:111111111111:trail/org-trail",
        "Digest files move to the new trail | tracked in SEC-1234 & approved by <security>", LocalDate.of(2026, 12, 31));
    List<Finding> findings = List.of(
        pass(EXISTS, Severity.CRITICAL, ORGANIZATION, MANAGEMENT, "global"),
        fail(LOGGING, Severity.CRITICAL, ORG_TRAIL, MANAGEMENT, "us-east-1",
            "Organization trail org-trail cannot deliver: LatestDeliveryError is \"AccessDenied\" & the last delivery"
                + " was <never>.",
            Optional.empty(), evidence("{\"isLogging\":true,\"latestDeliveryError\":\"AccessDenied\"}")),
        fail(MULTI_REGION, Severity.HIGH, LEGACY_TRAIL, MANAGEMENT, "eu-west-1",
            "Organization trail legacy-audit records only its home region eu-west-1.",
            Optional.of("aws cloudtrail update-trail --region eu-west-1 --name " + LEGACY_TRAIL + " --is-multi-region-trail"),
            evidence("{\"isMultiRegionTrail\":false}")),
        pass(MULTI_REGION, Severity.HIGH, ORG_TRAIL, MANAGEMENT, "us-east-1"),
        fail(VALIDATION, Severity.HIGH, LEGACY_TRAIL, MANAGEMENT, "eu-west-1",
            "Organization trail legacy-audit does not validate log files.",
            Optional.of("aws cloudtrail update-trail --region eu-west-1 --name " + LEGACY_TRAIL + " --enable-log-file-validation"),
            evidence("{\"logFileValidationEnabled\":false}")),
        new Finding(VALIDATION, Status.WAIVED, Severity.HIGH, ORG_TRAIL, MANAGEMENT, "us-east-1",
            "Organization trail org-trail does not validate log files.", evidence("{\"logFileValidationEnabled\":false}"),
            Optional.of("aws cloudtrail update-trail --region us-east-1 --name " + ORG_TRAIL + " --enable-log-file-validation"),
            Optional.of(waiver), Finding.fingerprint(VALIDATION, ORG_TRAIL)),
        fail(CLOUDWATCH, Severity.MEDIUM, ORG_TRAIL, MANAGEMENT, "us-east-1",
            "Organization trail org-trail sends no events to CloudWatch Logs.\n"
                + "CloudWatchLogsLogGroupArn | CloudWatchLogsRoleArn are both empty.",
            Optional.empty(), evidence("{\"cloudWatchLogsLogGroupArn\":null,\"cloudWatchLogsRoleArn\":null}")),
        new Finding(BUCKET_WRITE, Status.UNKNOWN, Severity.HIGH, LOG_BUCKET, LOG_ARCHIVE, "us-east-1",
            "Cannot judge the policy of bucket acme-org-cloudtrail-logs: s3 GetBucketPolicy in 222222222222/us-east-1:"
                + " AccessDenied.",
            evidence("{\"errors\":[\"AccessDenied\"]}"), Optional.empty(), Optional.empty(),
            Finding.fingerprint(BUCKET_WRITE, LOG_BUCKET)),
        fail(BUCKET_ACCESS_LOGGING, Severity.LOW, LOG_BUCKET, LOG_ARCHIVE, "us-east-1",
            "Bucket acme-org-cloudtrail-logs has server access logging off.",
            Optional.empty(), evidence("{\"logging\":{}}")));
    List<CollectionError> errors = List.of(new CollectionError("s3", "GetBucketPolicy", LOG_ARCHIVE, "us-east-1",
        "AccessDenied",
        "User: arn:aws:sts::222222222222:assumed-role/TrailWardenAudit/trailwarden is not authorized to perform:"
            + " s3:GetBucketPolicy on resource: \"arn:aws:s3:::acme-org-cloudtrail-logs\"",
        Optional.of("acme-org-cloudtrail-logs")));
    List<Waiver> expired = List.of(new Waiver(BUCKET_ACCESS_LOGGING, "arn:aws:s3:::acme-org-*",
        "Access logs are collected by the central data lake", LocalDate.of(2026, 6, 30)));
    return new Evaluation(VERSION, Instant.parse("2026-11-23T06:00:07.250Z"), MANAGEMENT, Optional.of(ORG_ID),
        rules(), sorted(findings), errors, expired).within(frameworks(), Optional.of(organization()));
  }

  /**
   * The mixed case compared with an earlier run: its two most severe failures were there before, the
   * others are new, and one earlier failure (a trail that no longer exists) is fixed.
   */
  static Evaluation mixedWithBaseline() {
    Evaluation mixed = mixed();
    java.util.Map<String, Baseline.Failure> earlier = new java.util.TreeMap<>();
    mixed.findings().stream().filter(Finding::isActiveFailure).sorted(java.util.Comparator.comparing(Finding::severity)).limit(2)
        .forEach(f -> earlier.put(f.fingerprint(), new Baseline.Failure(f.fingerprint(), f.ruleId(), f.resource(), f.severity(),
            f.message())));
    String gone = "arn:aws:cloudtrail:eu-west-1:111111111111:trail/old-org-trail";
    String validation = "cloudtrail_org_trail_log_file_validation_enabled";
    earlier.put(Finding.fingerprint(validation, gone), new Baseline.Failure(Finding.fingerprint(validation, gone),
        validation, gone, Severity.HIGH, "Organization trail old-org-trail does not validate."));
    return mixed.compareWith(new Baseline("reports/previous/trailwarden.json", MANAGEMENT, Optional.of(ORG_ID), earlier));
  }

  /** Every rule judges something and everything complies. */
  static Evaluation allPass() {
    List<Finding> findings = new ArrayList<>();
    for (RuleMetadata rule : rules()) {
      if (rule.id().equals(EXISTS)) {
        findings.add(pass(rule.id(), rule.severity(), ORGANIZATION, MANAGEMENT, "global"));
      } else if (rule.id().startsWith("s3_")) {
        findings.add(pass(rule.id(), rule.severity(), LOG_BUCKET, LOG_ARCHIVE, "us-east-1"));
      } else {
        findings.add(pass(rule.id(), rule.severity(), ORG_TRAIL, MANAGEMENT, "us-east-1"));
      }
    }
    return new Evaluation(VERSION, Instant.parse("2026-11-23T06:00:00Z"), MANAGEMENT, Optional.of(ORG_ID),
        rules(), sorted(findings), List.of(), List.of()).within(frameworks(), Optional.of(organization()));
  }

  /** Rules ran but had no subjects (an empty organization); also no organization id was read. */
  static Evaluation noFindings() {
    return new Evaluation(VERSION, Instant.parse("2026-11-23T06:00:00Z"), MANAGEMENT, Optional.empty(),
        rules(), List.of(), List.of(), List.of());
  }

  static Finding pass(String rule, Severity severity, String resource, String account, String region) {
    return new Finding(rule, Status.PASS, severity, resource, account, region, "", NullNode.getInstance(),
        Optional.empty(), Optional.empty(), Finding.fingerprint(rule, resource));
  }

  static Finding fail(String rule, Severity severity, String resource, String account, String region, String message,
      Optional<String> fix, JsonNode evidence) {
    return new Finding(rule, Status.FAIL, severity, resource, account, region, message, evidence, fix,
        Optional.empty(), Finding.fingerprint(rule, resource));
  }

  static RuleMetadata rule(String id, String title, String description, Severity severity, String remediation,
      Optional<String> remediationId, Map<String, List<String>> frameworks, Reference... references) {
    String area = id.substring(0, id.indexOf('_'));
    return new RuleMetadata(id, title, description, severity, remediation, remediationId,
        remediationId.isPresent() ? Optional.empty() : Optional.of("not automated in this example"), new TreeMap<>(frameworks),
        Json.mapper().createObjectNode(), List.of(references), "rules/" + area + "/" + id + ".rego");
  }

  static List<Finding> sorted(List<Finding> findings) {
    return findings.stream().sorted(Comparator.comparing(Finding::ruleId).thenComparing(Finding::resource)).toList();
  }

  private static JsonNode evidence(String json) {
    try {
      return Json.mapper().readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
