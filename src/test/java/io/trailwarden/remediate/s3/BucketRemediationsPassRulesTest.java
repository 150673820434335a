package io.trailwarden.remediate.s3;

import static io.trailwarden.remediate.s3.CloudTrailBucketStatementsTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwarden.Json;
import io.trailwarden.TestFiles;
import io.trailwarden.config.Config;
import io.trailwarden.finding.Finding;
import io.trailwarden.finding.Status;
import io.trailwarden.policy.Opa;
import io.trailwarden.policy.PolicyEngine;
import io.trailwarden.policy.RuleResult;
import io.trailwarden.policy.RulesDirectory;
import io.trailwarden.policy.Severity;
import io.trailwarden.policy.Verdict;
import io.trailwarden.remediate.Proposal;
import io.trailwarden.remediate.Remediation;
import io.trailwarden.remediate.RemediationContext;
import io.trailwarden.remediate.facet.Documents;
import io.trailwarden.remediate.facet.Facet;
import io.trailwarden.remediate.facet.Target;
import io.trailwarden.remediate.fix.Remediations;
import io.trailwarden.snapshot.Snapshot;
import io.trailwarden.snapshot.SnapshotIo;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The remediations judged by the rules themselves (the real OPA binary): a log bucket broken in every
 * way the S3 rules look at fails each of them; with every proposed edit applied to the snapshot, each
 * passes, and a second plan changes nothing.
 */
class BucketRemediationsPassRulesTest {
  static final String BUCKET = "acme-org-cloudtrail-logs";
  static final List<String> AUTOMATED = List.of("AddCloudTrailAclCheckStatement", "AddCloudTrailWriteStatement",
      "DenyLogObjectDeletion", "DenyInsecureTransport", "BlockPublicAccess", "EnableBucketVersioning",
      "EnableDefaultEncryption", "EnableAccessLogging", "AddArchiveLifecycleRule");

  final SnapshotIo io = new SnapshotIo();
  final PolicyEngine engine = new PolicyEngine(Opa.locate(System.getenv(), new PrintWriter(new StringWriter())),
      RulesDirectory.resolve(Optional.of(TestFiles.rulesDir()), Map.of()));
  final RemediationContext context = new RemediationContext(
      new Config.Remediation(List.of("all"), false, null, null, Optional.of("acme-access-logs"), null), null,
      rule -> engine.catalogue().find(rule).orElseThrow().params());

  @Test
  void everyRuleOfABrokenBucketPassesAfterTheFixes() throws Exception {
    ObjectNode raw = (ObjectNode) Json.mapper().readTree(Files.readString(TestFiles.example("misconfigured-org.json")));
    ObjectNode bucket = (ObjectNode) raw.path("buckets").path(BUCKET);
    bucket.set("policy", json("{'Version':'2012-10-17','Statement':["
        + "{'Sid':'Auditors','Effect':'Allow','Principal':{'AWS':'arn:aws:iam::222222222222:role/Auditor'},'Action':'s3:GetObject',"
        + "'Resource':'arn:aws:s3:::acme-org-cloudtrail-logs/*'},"
        + "{'Sid':'AWSCloudTrailWrite','Effect':'Allow','Principal':{'Service':'cloudtrail.amazonaws.com'},'Action':'s3:PutObject',"
        + "'Resource':'arn:aws:s3:::acme-org-cloudtrail-logs/AWSLogs/111111111111/*'}]}"));
    bucket.putNull("publicAccessBlock");
    bucket.putNull("accountPublicAccessBlock");
    bucket.set("versioning", json("{'status':'Disabled','mfaDelete':'Disabled'}"));
    bucket.putNull("encryption");
    bucket.putNull("logging");
    bucket.set("lifecycleRules", json("[{'id':'short','status':'Enabled','prefix':'AWSLogs/','tags':{},'objectSizeGreaterThan':null,"
        + "'objectSizeLessThan':null,'transitions':[],'expirationDays':30,"
        + "'noncurrentVersionTransitions':[],'noncurrentVersionExpirationDays':null},"
        + "{'id':'scratch','status':'Enabled','prefix':'scratch/','tags':{},'objectSizeGreaterThan':null,"
        + "'objectSizeLessThan':null,'transitions':[],'expirationDays':1,"
        + "'noncurrentVersionTransitions':[],'noncurrentVersionExpirationDays':1}]"));
    Snapshot broken = io.parse(raw.toString(), "broken");
    List<String> rules = AUTOMATED.stream().map(id -> Remediations.find(id).orElseThrow().ruleId()).toList();
    Map<String, List<Verdict>> failures = failures(broken, rules);
    assertThat(failures.keySet()).as("every rule fails first").containsExactlyInAnyOrderElementsOf(rules);

    List<Proposal.Manual> manual = new ArrayList<>();
    for (String id : AUTOMATED) {
      Remediation remediation = Remediations.find(id).orElseThrow();
      for (Verdict verdict : failures.get(remediation.ruleId())) {
        for (Proposal proposal : remediation.propose(finding(remediation.ruleId(), verdict), broken, context)) {
          if (proposal instanceof Proposal.Fix fix) {
            assertThat(fix.target()).isEqualTo(Target.bucket("222222222222", "us-east-1", BUCKET));
            Snapshot current = io.parse(raw.toString(), "current");
            JsonNode after = fix.edit().apply(fix.facet().read(current, fix.target()));
            assertThat(fix.facet().problem(after)).isEmpty();
            apply(bucket, fix.facet(), after);
          } else {
            manual.add((Proposal.Manual) proposal);
          }
        }
      }
    }
    Snapshot fixed = io.parse(raw.toString(), "fixed");
    assertThat(failures(fixed, rules)).as("no rule fails any more").isEmpty();
    assertThat(manual).as("the example bucket has Object Lock in COMPLIANCE mode, so nothing is left to do by hand").isEmpty();
    assertThat(bucket.path("policy").path("Statement").get(0).path("Sid").asText()).isEqualTo("Auditors");
    assertThat(bucket.path("lifecycleRules").get(1).path("expirationDays").asInt()).as("other prefixes untouched").isEqualTo(1);

    // A second plan on the fixed snapshot changes nothing.
    for (String id : AUTOMATED) {
      Remediation remediation = Remediations.find(id).orElseThrow();
      Finding again = new Finding(remediation.ruleId(), Status.FAIL, Severity.HIGH, "arn:aws:s3:::" + BUCKET, "222222222222",
          "us-east-1", "", Documents.object(), Optional.empty(), Optional.empty(), "x");
      for (Proposal proposal : remediation.propose(again, fixed, context)) {
        if (proposal instanceof Proposal.Fix fix) {
          JsonNode doc = fix.facet().read(fixed, fix.target());
          assertThat(fix.edit().apply(doc)).as(id + " changes nothing the second time").isEqualTo(doc);
        }
      }
    }
  }

  @Test
  void versioningAloneLeavesAManualWhenNothingMakesTheLogsImmutable() throws Exception {
    ObjectNode raw = (ObjectNode) Json.mapper().readTree(Files.readString(TestFiles.example("misconfigured-org.json")));
    ObjectNode bucket = (ObjectNode) raw.path("buckets").path(BUCKET);
    bucket.set("versioning", json("{'status':'Suspended','mfaDelete':'Disabled'}"));
    bucket.putNull("objectLock");
    Snapshot snapshot = io.parse(raw.toString(), "unlocked");
    var remediation = new EnableBucketVersioning();
    var proposals = remediation.propose(new Finding(remediation.ruleId(), Status.FAIL, Severity.MEDIUM, "arn:aws:s3:::" + BUCKET,
        "222222222222", "us-east-1", "", Documents.object(), Optional.empty(), Optional.empty(), "x"), snapshot, context);
    assertThat(proposals).hasSize(2);
    assertThat(proposals.get(0)).isInstanceOf(Proposal.Fix.class);
    assertThat(((Proposal.Manual) proposals.get(1)).reason()).contains("root user", "COMPLIANCE", "irreversible");
  }

  @Test
  void accessLoggingWithoutATargetBucketIsManual() throws Exception {
    Snapshot snapshot = io.read(TestFiles.example("misconfigured-org.json"));
    var noTarget = new RemediationContext(new Config.Remediation(List.of(), false, null, null, Optional.empty(), null), null,
        context.ruleParams());
    var proposals = new EnableAccessLogging().propose(new Finding("s3_log_bucket_access_logging_enabled", Status.FAIL,
        Severity.LOW, "arn:aws:s3:::" + BUCKET, "222222222222", "us-east-1", "", Documents.object(), Optional.empty(),
        Optional.empty(), "x"), snapshot, noTarget);
    assertThat(proposals).singleElement().isInstanceOf(Proposal.Manual.class);
  }

  private Map<String, List<Verdict>> failures(Snapshot snapshot, List<String> rules) {
    Map<String, List<Verdict>> out = new java.util.TreeMap<>();
    for (RuleResult result : engine.evaluate(io.toJson(snapshot), Map.of(), rules)) {
      List<Verdict> deny = result.deny().stream().filter(v -> v.resource().equals("arn:aws:s3:::" + BUCKET)).toList();
      if (!deny.isEmpty()) {
        out.put(result.ruleId(), deny);
      }
    }
    return out;
  }

  private static Finding finding(String ruleId, Verdict v) {
    return new Finding(ruleId, Status.FAIL, Severity.HIGH, v.resource(), v.accountId(), v.region(), v.message().orElse(""),
        v.evidence(), v.fix(), Optional.empty(), Finding.fingerprint(ruleId, v.resource()));
  }

  /** Puts a facet document where the snapshot keeps it. */
  private static void apply(ObjectNode bucket, Facet facet, JsonNode doc) {
    switch (facet.id()) {
      case "bucket-policy" -> bucket.set("policy", doc);
      case "bucket-public-access-block" -> bucket.set("publicAccessBlock", doc);
      case "bucket-versioning" -> ((ObjectNode) bucket.get("versioning")).set("status", doc.get("status"));
      case "bucket-encryption" -> bucket.set("encryption", doc);
      case "bucket-logging" -> bucket.set("logging", doc);
      case "bucket-lifecycle" -> bucket.set("lifecycleRules", doc.get("rules"));
      default -> throw new IllegalArgumentException(facet.id());
    }
  }
}
