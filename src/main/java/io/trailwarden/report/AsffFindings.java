package io.trailwarden.report;

import io.trailwarden.finding.Evaluation;
import io.trailwarden.finding.Finding;
import io.trailwarden.finding.Status;
import io.trailwarden.policy.RuleMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one mapping from a TrailWarden finding to ASFF, shared by the report file and the Security Hub
 * export. Decisions:
 *
 * <ul>
 *   <li>{@code Id} = {@code <ProductArn>/trailwarden/<management account>/<fingerprint>}: stable across runs
 *       (re-imports update the finding), and its prefix names exactly the findings of one organization's
 *       scans, which the export archives when a report no longer has them;
 *   <li>{@code Compliance.Status}: PASS PASSED, FAIL FAILED, UNKNOWN NOT_AVAILABLE (the check could not be
 *       made: evidence missing), WAIVED FAILED with {@code Workflow.Status} SUPPRESSED; WARNING is not used;
 *   <li>{@code RecordState}: ACTIVE, except a PASS, which is ARCHIVED: a fixed finding leaves Security Hub's
 *       default (active) views but stays as evidence; {@code Workflow.Status} NEW, RESOLVED for a PASS;
 *   <li>{@code Severity.Label}: the finding's severity in capitals, INFORMATIONAL for a PASS;
 *   <li>{@code CreatedAt}/{@code UpdatedAt}: the snapshot's {@code collectedAt}, the only clock.
 * </ul>
 * Texts are cut to ASFF's documented limits (Title 256, Description 1024, Recommendation.Text 512).
 */
public final class AsffFindings {
  public static final String SCHEMA_VERSION = "2018-10-08";
  public static final int MAX_TITLE = 256;
  public static final int MAX_DESCRIPTION = 1024;
  public static final int MAX_RECOMMENDATION = 512;
  /** ASFF allows at most 32 related requirements. */
  public static final int MAX_REQUIREMENTS = 32;

  private AsffFindings() {}

  /** Security Hub's product ARN for findings an account imports itself (its "default" product). */
  public static String productArn(String partition, String region, String account) {
    return "arn:" + partition + ":securityhub:" + region + ":" + account + ":product/" + account + "/default";
  }

  /** The prefix of every finding Id of one organization's scans in one product. */
  public static String idPrefix(String productArn, String managementAccountId) {
    return productArn + "/trailwarden/" + managementAccountId + "/";
  }

  /** Every finding of the evaluation, in report order (rule, then resource). */
  public static List<AsffFinding> of(Evaluation evaluation, String productArn) {
    List<AsffFinding> findings = new ArrayList<>();
    for (Finding finding : evaluation.findings()) {
      findings.add(of(evaluation, finding, productArn));
    }
    return List.copyOf(findings);
  }

  static AsffFinding of(Evaluation evaluation, Finding finding, String productArn) {
    RuleMetadata rule = evaluation.rule(finding.ruleId());
    String at = evaluation.collectedAt().toString();
    Status status = finding.status();
    String message = finding.message().isBlank() ? rule.description() : finding.message();
    Map<String, String> productFields = new TreeMap<>();
    productFields.put("trailwarden/RuleId", rule.id());
    productFields.put("trailwarden/Status", status.name());
    productFields.put("trailwarden/Fingerprint", finding.fingerprint());
    productFields.put("trailwarden/ToolVersion", evaluation.toolVersion());
    productFields.put("trailwarden/ManagementAccountId", evaluation.managementAccountId());
    finding.waiver().ifPresent(w -> productFields.put("trailwarden/Waiver", ReportSupport.waived(finding)));
    List<String> requirements = FindingVocabulary.requirements(rule);
    return new AsffFinding(
        idPrefix(productArn, evaluation.managementAccountId()) + finding.fingerprint(),
        productArn,
        rule.id(),
        FindingVocabulary.account(finding).filter(a -> a.matches("\\d{12}")).orElse(evaluation.managementAccountId()),
        FindingVocabulary.types(rule),
        at,
        at,
        status == Status.PASS ? "INFORMATIONAL" : finding.severity().name(),
        finding.severity().id(),
        cut(rule.title(), MAX_TITLE),
        cut(ReportSupport.oneLine(message), MAX_DESCRIPTION),
        cut(ReportSupport.fix(evaluation, finding), MAX_RECOMMENDATION),
        rule.references().stream().map(RuleMetadata.Reference::url).findFirst(),
        productFields,
        List.of(new AsffFinding.Resource(FindingVocabulary.resourceType(finding.resource()), finding.resource(),
            FindingVocabulary.partition(finding.resource()), FindingVocabulary.region(finding))),
        switch (status) {
          case PASS -> "PASSED";
          case FAIL, WAIVED -> "FAILED";
          case UNKNOWN -> "NOT_AVAILABLE";
        },
        requirements.subList(0, Math.min(requirements.size(), MAX_REQUIREMENTS)),
        status == Status.PASS ? "ARCHIVED" : "ACTIVE",
        switch (status) {
          case PASS -> "RESOLVED";
          case WAIVED -> "SUPPRESSED";
          case FAIL, UNKNOWN -> "NEW";
        });
  }

  /** Cuts at a code point boundary and marks the cut. */
  static String cut(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = max - 3;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + "...";
  }
}
