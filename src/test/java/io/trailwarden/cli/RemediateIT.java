package io.trailwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwarden.IamPoliciesTest;
import io.trailwarden.Json;
import io.trailwarden.TestFiles;
import io.trailwarden.demo.Seeder;
import io.trailwarden.emulator.ArticleOrganization;
import io.trailwarden.emulator.ArticleOrganization.Fault;
import io.trailwarden.emulator.CallRecorder;
import io.trailwarden.emulator.FaultRuns;
import io.trailwarden.emulator.InjectedFailures;
import io.trailwarden.emulator.Moto;
import io.trailwarden.remediate.FacetRoundTrip;
import io.trailwarden.remediate.Journal;
import io.trailwarden.remediate.Plan;
import io.trailwarden.remediate.PlanIo;
import io.trailwarden.remediate.facet.Documents;
import io.trailwarden.remediate.facet.Facets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code remediate plan | apply | rollback} end to end on the emulator, through the CLI: the article's
 * organization with every fault is planned, applied and rescanned; drift, rollback, a crash half-way
 * and bad plan files are each checked against the real (emulated) AWS state afterwards.
 */
class RemediateIT {
  @RegisterExtension static final Moto MOTO = new Moto();
  /** Every fault but the security tools', which have no fix (ScanIT and SecurityToolsIT judge them). */
  static final EnumSet<Fault> ALL_FAULTS = EnumSet.complementOf(EnumSet.copyOf(ArticleOrganization.SECURITY_TOOL_FAULTS));
  @TempDir Path temp;

  @AfterEach
  void stopRecording() {
    System.clearProperty(CallRecorder.RECORD);
    System.clearProperty(InjectedFailures.DENY);
    CallRecorder.clear();
  }

  ArticleOrganization.Seeded seed(Set<Fault> faults) {
    try (Seeder seeder = new Seeder(MOTO.endpoint())) {
      return ArticleOrganization.seed(seeder, faults);
    }
  }

  Path config(ArticleOrganization.Seeded seeded) throws Exception {
    Path config = temp.resolve("config.yaml");
    Files.writeString(config, FaultRuns.configFile(FaultRuns.articleConfig(seeded), MOTO.endpoint().toString()) + """
        remediation:
          allow: [all]
          allowRootScp: true
          journal: %s
          alarms:
            createTopic: true
            subscribe: {protocol: email, endpoint: oncall@acme.example}
        """.formatted(journal()));
    return config;
  }

  Path journal() {
    return temp.resolve("journal.jsonl");
  }

  Path plan() {
    return temp.resolve("plan.json");
  }

  MainTest.Run run(Path config, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--config", config.toString(), "--output-dir", temp.resolve("reports").toString(),
        "--rules", TestFiles.rulesDir().toString()));
    return MainTest.run(all.toArray(String[]::new));
  }

  MainTest.Run plan(Path config) {
    return run(config, "remediate", "plan", "-o", plan().toString());
  }

  MainTest.Run rollback(Path config) {
    return MainTest.run("remediate", "rollback", journal().toString(), "--yes", "--config", config.toString());
  }

  MainTest.Run apply(Path config) {
    return run(config, "remediate", "apply", plan().toString(), "--yes");
  }

  JsonNode bucketPolicy() throws Exception {
    try (FacetRoundTrip aws = new FacetRoundTrip(MOTO.endpoint())) {
      S3Client s3 = aws.clients().s3(Seeder.MANAGEMENT_ACCOUNT, Seeder.HOME_REGION);
      return Json.mapper().readTree(s3.getBucketPolicy(r -> r.bucket(ArticleOrganization.BUCKET)).policy());
    }
  }

  @Test
  void everyRemediableFindingPassesAfterApplyAndASecondPlanIsEmpty() throws Exception {
    ArticleOrganization.Seeded seeded = seed(ALL_FAULTS);
    Path config = config(seeded);
    JsonNode policyBefore = bucketPolicy();

    MainTest.Run planned = plan(config);
    assertThat(planned.exitCode()).as(planned.out() + planned.err()).isEqualTo(ExitCode.FAILURES.code());
    Plan plan = PlanIo.read(plan());
    assertThat(plan.changes()).extracting(Plan.Change::facet)
        .contains("trail-settings", "bucket-policy", "bucket-lifecycle", "scp");
    assertThat(plan.notes()).extracting(Plan.Note::ruleId).containsOnly("cloudtrail_member_trails_no_conflict");

    System.setProperty(CallRecorder.RECORD, "true");
    MainTest.Run applied = apply(config);
    System.clearProperty(CallRecorder.RECORD);
    assertThat(applied.exitCode()).as(applied.out() + applied.err()).isEqualTo(ExitCode.OK.code());
    assertThat(applied.out()).contains("now pass").doesNotContain("FAIL    ");

    // Every write the apply made is one the plan declared.
    Set<String> declared = plan.changes().stream().flatMap(c -> c.apiCalls().stream()).map(c -> c.operation())
        .collect(Collectors.toCollection(TreeSet::new));
    Set<String> written = CallRecorder.calls().stream().map(c -> c.substring(c.indexOf(':') + 1))
        .filter(CallRecorder::isWrite).collect(Collectors.toCollection(TreeSet::new));
    assertThat(written).isNotEmpty();
    assertThat(declared).containsAll(written);
    // ... and the shipped remediation policy allows every IAM action the plan needs.
    for (Plan.Change change : plan.changes()) {
      for (String action : change.iamActions()) {
        assertThat(IamPoliciesTest.allows(IamPoliciesTest.REMEDIATE, action)).as(action).isTrue();
      }
    }

    // Statements that were not the fault are kept exactly.
    JsonNode policyAfter = bucketPolicy();
    List<JsonNode> after = new ArrayList<>();
    policyAfter.path("Statement").forEach(after::add);
    policyBefore.path("Statement").forEach(statement -> assertThat(after).contains(statement));

    assertThat(ScanIT.notPassing(rescan(config))).containsExactly(
        "FAIL cloudtrail_member_trails_no_conflict " + seeded.memberTrailArn().orElseThrow());
    MainTest.Run again = plan(config);
    assertThat(again.exitCode()).as(again.out()).isEqualTo(ExitCode.OK.code());
    assertThat(PlanIo.read(plan()).changes()).isEmpty();
  }

  Path rescan(Path config) {
    Path reports = temp.resolve("rescan");
    MainTest.run("scan", "--config", config.toString(), "--output-dir", reports.toString(), "--rules",
        TestFiles.rulesDir().toString());
    return reports;
  }

  @Test
  void aResourceChangedAfterThePlanIsRefusedAsDriftAndNotOverwritten() throws Exception {
    seedAndPlan(EnumSet.of(Fault.NO_DENY_DELETE, Fault.VALIDATION_OFF));
    Path config = temp.resolve("config.yaml");
    try (FacetRoundTrip aws = new FacetRoundTrip(MOTO.endpoint())) {
      var node = (com.fasterxml.jackson.databind.node.ObjectNode) bucketPolicy();
      ((com.fasterxml.jackson.databind.node.ArrayNode) node.path("Statement")).add(Json.mapper().readTree("""
          {"Sid": "AddedByAPerson", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::%s:root"},
           "Action": "s3:GetObject", "Resource": "arn:aws:s3:::%s/*"}""".formatted(Seeder.MANAGEMENT_ACCOUNT,
          ArticleOrganization.BUCKET)));
      aws.clients().s3(Seeder.MANAGEMENT_ACCOUNT, Seeder.HOME_REGION)
          .putBucketPolicy(r -> r.bucket(ArticleOrganization.BUCKET).policy(node.toString()));
    }
    JsonNode changedByAPerson = bucketPolicy();

    MainTest.Run applied = apply(config);
    assertThat(applied.exitCode()).as(applied.out() + applied.err()).isEqualTo(ExitCode.NOT_APPLIED.code());
    assertThat(applied.out()).contains("drift").contains("applied ");
    assertThat(bucketPolicy()).isEqualTo(changedByAPerson);
    assertThat(Journal.read(journal())).extracting(Journal.Entry::event)
        .contains(Journal.Event.DRIFT, Journal.Event.APPLIED);
  }

  void seedAndPlan(Set<Fault> faults) throws Exception {
    Path config = config(seed(faults));
    MainTest.Run planned = plan(config);
    assertThat(planned.exitCode()).as(planned.out() + planned.err()).isEqualTo(ExitCode.FAILURES.code());
  }

  @Test
  void rollbackRestoresTheExactBeforeDocuments() throws Exception {
    seedAndPlan(ALL_FAULTS);
    Path config = temp.resolve("config.yaml");
    Plan plan = PlanIo.read(plan());
    assertThat(apply(config).exitCode()).isEqualTo(ExitCode.OK.code());

    MainTest.Run rolledBack = rollback(config);
    assertThat(rolledBack.exitCode()).as(rolledBack.out() + rolledBack.err()).isEqualTo(ExitCode.OK.code());
    try (FacetRoundTrip aws = new FacetRoundTrip(MOTO.endpoint())) {
      for (Plan.Change change : plan.changes()) {
        assertThat(aws.read(Facets.find(change.facet()).orElseThrow(), change.target())).as(change.id())
            .isEqualTo(change.before());
      }
    }
    // A second rollback finds nothing left to do and changes nothing.
    assertThat(rollback(config).exitCode()).isEqualTo(ExitCode.OK.code());
  }

  @Test
  void anApplyKilledHalfWayLeavesAnExactJournalAndARerunConverges() throws Exception {
    seedAndPlan(EnumSet.of(Fault.NO_DENY_DELETE, Fault.VALIDATION_OFF, Fault.NO_LIFECYCLE));
    Path config = temp.resolve("config.yaml");
    Plan plan = PlanIo.read(plan());
    assertThat(plan.changes()).hasSizeGreaterThanOrEqualTo(2);

    Process child = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(),
        "-cp", System.getProperty("java.class.path"),
        "-D" + InjectedFailures.CRASH_AFTER + "=1", "-Daws.accessKeyId=emulator", "-Daws.secretAccessKey=emulator",
        "io.trailwarden.cli.Main", "remediate", "apply", plan().toString(), "--yes", "--config", config.toString(),
        "--output-dir", temp.resolve("reports").toString(), "--rules", TestFiles.rulesDir().toString())
        .redirectErrorStream(true).redirectOutput(temp.resolve("child.log").toFile()).start();
    assertThat(child.waitFor()).as(Files.readString(temp.resolve("child.log"))).isEqualTo(137);
    List<Journal.Entry> crashed = Journal.read(journal());
    assertThat(crashed).extracting(Journal.Entry::event)
        .containsExactly(Journal.Event.INTENT, Journal.Event.APPLIED, Journal.Event.INTENT);

    MainTest.Run rerun = apply(config);
    assertThat(rerun.exitCode()).as(rerun.out() + rerun.err()).isEqualTo(ExitCode.OK.code());
    Map<String, List<Journal.Event>> byChange = Journal.read(journal()).stream().collect(Collectors.groupingBy(
        Journal.Entry::changeId, Collectors.mapping(Journal.Entry::event, Collectors.toList())));
    assertThat(byChange).hasSize(plan.changes().size());
    byChange.forEach((change, events) -> {
      assertThat(events.stream().filter(e -> e == Journal.Event.APPLIED)).as(change + " applied once").hasSize(1);
      assertThat(events.get(events.size() - 1)).isIn(Journal.Event.APPLIED, Journal.Event.ALREADY_APPLIED);
    });
  }

  /** Runs apply in a child JVM that is killed the moment its (writes+1)th write call is about to go out. */
  int applyKilledAfter(Path config, int writes) throws Exception {
    return killed(InjectedFailures.CRASH_AFTER, writes, "remediate", "apply", plan().toString(), "--yes", "--config",
        config.toString(), "--output-dir", temp.resolve("reports").toString(), "--rules", TestFiles.rulesDir().toString());
  }

  /** Runs the CLI in a child JVM with one of InjectedFailures' crash points set; its exit code (137 when killed). */
  int killed(String crashPoint, int writes, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
        "-cp", System.getProperty("java.class.path"), "-D" + crashPoint + "=" + writes, "-Daws.accessKeyId=emulator",
        "-Daws.secretAccessKey=emulator", "io.trailwarden.cli.Main"));
    command.addAll(List.of(args));
    Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(temp.resolve("child.log").toFile())
        .start();
    return child.waitFor();
  }

  /** The write calls the JVM sent while running {@code action}. */
  static int writeCalls(Runnable action) {
    CallRecorder.clear();
    System.setProperty(CallRecorder.RECORD, "true");
    try {
      action.run();
    } finally {
      System.clearProperty(CallRecorder.RECORD);
    }
    return (int) CallRecorder.calls().stream().filter(call -> CallRecorder.isWrite(call.substring(call.indexOf(':') + 1)))
        .count();
  }

  /** What AWS holds now for each change of the plan, read through the change's facet. */
  Map<String, JsonNode> state(Plan plan) throws Exception {
    Map<String, JsonNode> state = new java.util.TreeMap<>();
    try (FacetRoundTrip aws = new FacetRoundTrip(MOTO.endpoint())) {
      for (Plan.Change change : plan.changes()) {
        state.put(change.id(), aws.read(Facets.find(change.facet()).orElseThrow(), change.target()));
      }
    }
    return state;
  }

  static Map<String, JsonNode> side(Plan plan, java.util.function.Function<Plan.Change, JsonNode> which) {
    Map<String, JsonNode> side = new java.util.TreeMap<>();
    plan.changes().forEach(c -> side.put(c.id(), which.apply(c)));
    return side;
  }

  /**
   * Issue 13, crash tests: apply is killed before every write call of a plan of a one-call and a multi-call
   * change, and again right after AWS answered each (the change made, the journal not told); each time a
   * re-apply must converge on the plan's after state with no change applied twice, and a rollback must
   * restore the before state exactly. Rollback itself is killed before each of its write calls, and a
   * second rollback must still restore the before state. The state after each rollback is the seeded one,
   * so the one plan serves every round.
   */
  @Test
  void applyAndRollbackKilledAtEveryPointConverge() throws Exception {
    seedAndPlan(EnumSet.of(Fault.VALIDATION_OFF, Fault.SCP_ON_ONE_OU_ONLY));
    Path config = temp.resolve("config.yaml");
    Plan plan = PlanIo.read(plan());
    assertThat(plan.changes()).extracting(Plan.Change::facet).containsExactlyInAnyOrder("trail-settings", "scp");
    Map<String, JsonNode> before = side(plan, Plan.Change::before);
    Map<String, JsonNode> after = side(plan, Plan.Change::after);
    // The crash points are counted in write calls as they go out: count them on an uncrashed round first.
    int writes = writeCalls(() -> assertThat(apply(config).exitCode()).isEqualTo(ExitCode.OK.code()));
    assertThat(state(plan)).isEqualTo(after);
    int rollbackWrites = writeCalls(() -> assertThat(rollback(config).exitCode()).isEqualTo(ExitCode.OK.code()));
    assertThat(state(plan)).isEqualTo(before);
    assertThat(writes).isGreaterThan(plan.changes().size());
    String[] apply = {"remediate", "apply", plan().toString(), "--yes", "--config", config.toString(), "--output-dir",
        temp.resolve("reports").toString(), "--rules", TestFiles.rulesDir().toString()};
    String[] rollback = {"remediate", "rollback", journal().toString(), "--yes", "--config", config.toString()};

    for (String point : List.of(InjectedFailures.CRASH_AFTER, InjectedFailures.CRASH_AFTER_RESPONSE)) {
      // Before write n+1 (n = 0 .. writes-1), or after write n was answered (n = 1 .. writes).
      boolean beforeSend = point.equals(InjectedFailures.CRASH_AFTER);
      for (int n = beforeSend ? 0 : 1; n <= (beforeSend ? writes - 1 : writes); n++) {
        String context = point + "=" + n + ": ";
        Files.deleteIfExists(journal());
        assertThat(killed(point, n, apply)).as(context + Files.readString(temp.resolve("child.log"))).isEqualTo(137);

        MainTest.Run rerun = apply(config);
        assertThat(rerun.exitCode()).as(context + rerun.out() + rerun.err()).isEqualTo(ExitCode.OK.code());
        assertThat(state(plan)).as(context + "after the re-apply").isEqualTo(after);
        Map<String, List<Journal.Event>> byChange = Journal.read(journal()).stream().collect(Collectors.groupingBy(
            Journal.Entry::changeId, Collectors.mapping(Journal.Entry::event, Collectors.toList())));
        assertThat(byChange).as(context).hasSize(plan.changes().size());
        byChange.forEach((change, events) -> assertThat(events.stream().filter(e -> e == Journal.Event.APPLIED))
            .as(context + change + " applied at most once").hasSizeLessThanOrEqualTo(1));

        MainTest.Run rolledBack = rollback(config);
        assertThat(rolledBack.exitCode()).as(context + rolledBack.out() + rolledBack.err()).isEqualTo(ExitCode.OK.code());
        assertThat(state(plan)).as(context + "after the rollback").isEqualTo(before);
      }
    }

    for (int n = 0; n < rollbackWrites; n++) {
      String context = "rollback, " + InjectedFailures.CRASH_AFTER + "=" + n + ": ";
      Files.deleteIfExists(journal());
      MainTest.Run applied = apply(config);
      assertThat(applied.exitCode()).as(context + applied.out() + applied.err()).isEqualTo(ExitCode.OK.code());
      assertThat(killed(InjectedFailures.CRASH_AFTER, n, rollback)).as(context + Files.readString(temp.resolve("child.log")))
          .isEqualTo(137);
      MainTest.Run rolledBack = rollback(config);
      assertThat(rolledBack.exitCode()).as(context + rolledBack.out() + rolledBack.err()).isEqualTo(ExitCode.OK.code());
      assertThat(state(plan)).as(context + "after the second rollback").isEqualTo(before);
    }
  }

  JsonNode scp(Plan.Change change) throws Exception {
    try (FacetRoundTrip aws = new FacetRoundTrip(MOTO.endpoint())) {
      return aws.read(Facets.find(change.facet()).orElseThrow(), change.target());
    }
  }

  /**
   * Issue 13, defect 5: the SCP fix is two calls (CreatePolicy, AttachPolicy). Killed before each of
   * them, in turn, the apply leaves at most a half-made SCP of TrailWarden's own; a re-apply finishes it
   * and a rollback removes it, where both used to refuse it as drift for good.
   */
  @Test
  void anScpFixKilledBetweenItsCallsConvergesOnReapplyAndRollsBack() throws Exception {
    for (int writes = 0; writes < 2; writes++) {
      for (boolean rollBackFirst : List.of(false, true)) {
        MOTO.reset(Moto.SEED);
        Files.deleteIfExists(journal());
        Path config = config(seed(EnumSet.of(Fault.SCP_ON_ONE_OU_ONLY)));
        MainTest.Run planned = run(config, "remediate", "plan", "-o", plan().toString(), "--only",
            "organizations_scp_protects_cloudtrail");
        assertThat(planned.exitCode()).as(planned.out() + planned.err()).isEqualTo(ExitCode.FAILURES.code());
        Plan.Change change = PlanIo.read(plan()).changes().stream().filter(c -> c.facet().equals("scp")).findFirst()
            .orElseThrow();
        assertThat(change.apiCalls()).extracting(c -> c.operation()).contains("CreatePolicy", "AttachPolicy");
        String context = "killed before write " + (writes + 1) + (rollBackFirst ? ", then rolled back" : ", then re-applied");

        assertThat(applyKilledAfter(config, writes)).as(context + Files.readString(temp.resolve("child.log"))).isEqualTo(137);
        assertThat(Journal.read(journal())).as(context).extracting(Journal.Entry::event).last()
            .isEqualTo(Journal.Event.CALL_INTENT);

        if (!rollBackFirst) {
          MainTest.Run rerun = apply(config);
          assertThat(rerun.exitCode()).as(context + rerun.out() + rerun.err()).isEqualTo(ExitCode.OK.code());
          assertThat(scp(change)).as(context).isEqualTo(change.after());
        }
        MainTest.Run rolledBack = rollback(config);
        assertThat(rolledBack.exitCode()).as(context + rolledBack.out() + rolledBack.err()).isEqualTo(ExitCode.OK.code());
        assertThat(scp(change)).as(context).isEqualTo(change.before());
      }
    }
  }

  /** An SCP of the same name that TrailWarden did not make is never taken for its own half-made one. */
  @Test
  void aHalfMadeLookingScpWithoutTrailWardensTagIsDrift() throws Exception {
    Path config = config(seed(EnumSet.of(Fault.SCP_ON_ONE_OU_ONLY)));
    MainTest.Run planned = run(config, "remediate", "plan", "-o", plan().toString(), "--only",
        "organizations_scp_protects_cloudtrail");
    assertThat(planned.exitCode()).as(planned.out() + planned.err()).isEqualTo(ExitCode.FAILURES.code());
    Plan.Change change = PlanIo.read(plan()).changes().stream().filter(c -> c.facet().equals("scp")).findFirst().orElseThrow();
    try (FacetRoundTrip aws = new FacetRoundTrip(MOTO.endpoint())) {
      aws.clients().organizations(Seeder.MANAGEMENT_ACCOUNT).createPolicy(r -> r.name(change.target().name())
          .description("a person's").type("SERVICE_CONTROL_POLICY").content(change.after().path("content").toString()));
    }
    MainTest.Run applied = apply(config);
    assertThat(applied.exitCode()).as(applied.out() + applied.err()).isEqualTo(ExitCode.NOT_APPLIED.code());
    assertThat(applied.out()).contains("drift");
  }

  @Test
  void aPlanEditedByHandTruncatedOrFromAnotherOrganizationIsRefusedAndNothingChanges() throws Exception {
    seedAndPlan(EnumSet.of(Fault.VALIDATION_OFF));
    Path config = temp.resolve("config.yaml");
    String text = Files.readString(plan());

    Files.writeString(plan(), text.replace("\"logFileValidationEnabled\" : true", "\"logFileValidationEnabled\" : false"));
    MainTest.Run edited = apply(config);
    assertThat(edited.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(edited.err()).contains(plan().toString()).contains("changed after it was made");

    Files.writeString(plan(), text.substring(0, text.length() / 2));
    MainTest.Run truncated = apply(config);
    assertThat(truncated.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(truncated.err()).contains(plan().toString()).contains("truncated");

    // The same plan against a new organization (the emulator reset and seeded again).
    Files.writeString(plan(), text);
    MOTO.reset(7);
    ArticleOrganization.Seeded other = seed(EnumSet.of(Fault.VALIDATION_OFF));
    System.setProperty(CallRecorder.RECORD, "true");
    MainTest.Run foreign = apply(config(other));
    System.clearProperty(CallRecorder.RECORD);
    assertThat(foreign.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(foreign.err()).contains(plan().toString()).contains("organization");
    assertThat(Files.exists(journal())).as("nothing was journaled, so nothing was changed").isFalse();
    // Refused on the two calls that identify the caller and its organization, not after reading it all.
    assertThat(CallRecorder.calls()).containsExactly("Sts:GetCallerIdentity", "Organizations:DescribeOrganization");

    // A plan of another management account than config.yaml names is refused before any AWS call.
    CallRecorder.clear();
    Path pinned = temp.resolve("pinned.yaml");
    Files.writeString(pinned, Files.readString(config(other)).replace("organization:\n",
        "organization:\n  managementAccountId: \"999999999999\"\n"));
    System.setProperty(CallRecorder.RECORD, "true");
    MainTest.Run otherAccount = apply(pinned);
    System.clearProperty(CallRecorder.RECORD);
    assertThat(otherAccount.exitCode()).as(otherAccount.err()).isEqualTo(ExitCode.USAGE.code());
    assertThat(otherAccount.err()).contains(plan().toString()).contains("999999999999");
    assertThat(CallRecorder.calls()).isEmpty();
  }

  @Test
  void anAwsErrorStopsThatChangeAndItsDependentsOnlyAndTheJournalSaysSo() throws Exception {
    seedAndPlan(EnumSet.of(Fault.NO_DENY_DELETE, Fault.VALIDATION_OFF));
    Path config = temp.resolve("config.yaml");
    JsonNode policyBefore = bucketPolicy();
    System.setProperty(InjectedFailures.DENY, "PutBucketPolicy");

    MainTest.Run applied = apply(config);
    assertThat(applied.exitCode()).as(applied.out() + applied.err()).isEqualTo(ExitCode.NOT_APPLIED.code());
    assertThat(applied.out()).contains("failed").contains("AccessDenied").contains("applied ");
    assertThat(bucketPolicy()).isEqualTo(policyBefore);
    List<Journal.Entry> journal = Journal.read(journal());
    assertThat(journal).filteredOn(e -> e.facet().equals("bucket-policy")).extracting(Journal.Entry::event)
        .containsExactly(Journal.Event.INTENT, Journal.Event.FAILED);
    assertThat(journal).filteredOn(e -> e.facet().equals("trail-settings")).extracting(Journal.Entry::event)
        .containsExactly(Journal.Event.INTENT, Journal.Event.APPLIED);
  }

  @Test
  void nothingIsAppliedWithoutYesWhenThereIsNoTerminalToAsk() throws Exception {
    seedAndPlan(EnumSet.of(Fault.VALIDATION_OFF));
    MainTest.Run refused = run(temp.resolve("config.yaml"), "remediate", "apply", plan().toString());
    assertThat(refused.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(refused.err()).contains("--yes");
    assertThat(Files.exists(journal())).isFalse();
    Plan.Change change = PlanIo.read(plan()).changes().get(0);
    try (FacetRoundTrip aws = new FacetRoundTrip(MOTO.endpoint())) {
      assertThat(aws.read(Facets.find(change.facet()).orElseThrow(), change.target())).isEqualTo(change.before());
    }
  }

  @Test
  void withoutAnOrganizationTrailTheWholeSetupIsBuiltInOrderAndRollsBack() throws Exception {
    String logging;
    try (Seeder seeder = new Seeder(MOTO.endpoint())) {
      seeder.organization();
      logging = seeder.account("log-archive", seeder.rootId());
      seeder.account("workload", seeder.rootId());
    }
    Path config = temp.resolve("config.yaml");
    Files.writeString(config, """
        version: 1
        organization:
          loggingAccountId: "%s"
          regions: [us-east-1]
          trailName: org-trail
          logBucket: new-org-cloudtrail-logs
          endpoint: %s
        remediation:
          allow: [cloudtrail_org_trail_exists]
          journal: %s
        """.formatted(logging, MOTO.endpoint(), journal()));
    MainTest.Run planned = plan(config);
    assertThat(planned.exitCode()).as(planned.out() + planned.err()).isEqualTo(ExitCode.FAILURES.code());
    Plan plan = PlanIo.read(plan());
    assertThat(plan.changes()).extracting(Plan.Change::facet).containsExactly("bucket", "bucket-policy",
        "bucket-public-access-block", "bucket-lifecycle", "trail-settings", "trail-logging");
    assertThat(plan.changes().get(0).target().accountId()).isEqualTo(logging);

    MainTest.Run applied = apply(config);
    assertThat(applied.exitCode()).as(applied.out() + applied.err()).isEqualTo(ExitCode.OK.code());
    var after = ScanIT.notPassing(rescan(config));
    String trail = "arn:aws:cloudtrail:us-east-1:" + Seeder.MANAGEMENT_ACCOUNT + ":trail/org-trail";
    String bucket = "arn:aws:s3:::new-org-cloudtrail-logs";
    for (String rule : List.of("cloudtrail_org_trail_exists", "cloudtrail_org_trail_logging",
        "cloudtrail_org_trail_multi_region_enabled", "cloudtrail_org_trail_log_file_validation_enabled",
        "cloudtrail_org_trail_bucket_in_logging_account")) {
      assertThat(after).noneMatch(f -> f.contains(" " + rule + " "));
    }
    for (String rule : List.of("s3_log_bucket_policy_allows_cloudtrail_acl_check", "s3_log_bucket_policy_allows_cloudtrail_write",
        "s3_log_bucket_policy_denies_object_deletion", "s3_log_bucket_policy_denies_insecure_transport",
        "s3_log_bucket_not_public", "s3_log_bucket_lifecycle_archives_logs")) {
      assertThat(after).doesNotContain("FAIL " + rule + " " + bucket);
    }
    assertThat(after).noneMatch(f -> f.contains(trail) && f.startsWith("UNKNOWN"));

    MainTest.Run rolledBack = rollback(config);
    assertThat(rolledBack.exitCode()).as(rolledBack.out() + rolledBack.err()).isEqualTo(ExitCode.OK.code());
    try (FacetRoundTrip aws = new FacetRoundTrip(MOTO.endpoint())) {
      for (Plan.Change change : plan.changes()) {
        assertThat(Documents.absent(aws.read(Facets.find(change.facet()).orElseThrow(), change.target()))).as(change.id()).isTrue();
      }
    }
  }

  /**
   * Runs apply in a child JVM on a pseudo-terminal (util-linux {@code script}, part of every Debian
   * system), typing {@code answer}; returns the exit code, and the terminal's text in {@code terminal.log}.
   */
  int applyOnATerminal(Path config, String answer) throws Exception {
    List<String> command = List.of(ProcessHandle.current().info().command().orElseThrow(), "-cp",
        System.getProperty("java.class.path"), "-Daws.accessKeyId=emulator", "-Daws.secretAccessKey=emulator",
        "io.trailwarden.cli.Main", "remediate", "apply", plan().toString(), "--config", config.toString(), "--output-dir",
        temp.resolve("reports").toString(), "--rules", TestFiles.rulesDir().toString());
    String shell = String.join(" ", command.stream().map(a -> "'" + a.replace("'", "'\\''") + "'").toList());
    Process process = new ProcessBuilder("script", "-qec", shell, "/dev/null")
        .redirectErrorStream(true).redirectOutput(temp.resolve("terminal.log").toFile()).start();
    try (var in = process.getOutputStream()) {
      in.write(answer.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    assertThat(process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).as("apply on a terminal finished").isTrue();
    return process.exitValue();
  }

  @Test
  void onATerminalApplyAsksAndOnlyATypedYesApplies() throws Exception {
    seedAndPlan(EnumSet.of(Fault.VALIDATION_OFF));
    Path config = temp.resolve("config.yaml");
    assertThat(applyOnATerminal(config, "no\n")).as(Files.readString(temp.resolve("terminal.log"))).isEqualTo(ExitCode.USAGE.code());
    assertThat(Files.readString(temp.resolve("terminal.log"))).contains("Type yes to apply 1 change(s)").contains("Not confirmed");
    assertThat(Files.exists(journal())).isFalse();

    assertThat(applyOnATerminal(config, "yes\n")).as(Files.readString(temp.resolve("terminal.log"))).isEqualTo(ExitCode.OK.code());
    assertThat(Journal.read(journal())).extracting(Journal.Entry::event).containsExactly(Journal.Event.INTENT,
        Journal.Event.APPLIED);
  }
}
