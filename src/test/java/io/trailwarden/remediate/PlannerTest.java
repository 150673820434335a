package io.trailwarden.remediate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trailwarden.InvalidInputException;
import io.trailwarden.TestFiles;
import io.trailwarden.config.Config;
import io.trailwarden.config.ConfigLoader;
import io.trailwarden.config.OrganizationSettings;
import io.trailwarden.finding.Evaluation;
import io.trailwarden.finding.Finding;
import io.trailwarden.finding.Status;
import io.trailwarden.policy.Opa;
import io.trailwarden.policy.PolicyEngine;
import io.trailwarden.policy.RulesDirectory;
import io.trailwarden.remediate.fix.Remediations;
import io.trailwarden.scan.Pipeline;
import io.trailwarden.snapshot.Snapshot;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Planning on the misconfigured example with the real rules: the allow-list decides, and plans are sealed. */
class PlannerTest {
  static final Instant NOW = Instant.parse("2026-12-01T03:00:00Z");
  static RulesDirectory rules;
  static Snapshot snapshot;
  @TempDir Path temp;

  @BeforeAll
  static void rules() {
    rules = RulesDirectory.resolve(Optional.of(TestFiles.rulesDir()), Map.of());
    snapshot = RuleBench.snapshot(RuleBench.example());
  }

  @AfterAll
  static void close() {
    rules.close();
  }

  static Pipeline pipeline(List<String> allow, boolean allowRootScp) {
    Config config = new Config(null, null, null, null, null,
        new Config.Remediation(allow, allowRootScp, null, null, null, null));
    PrintWriter quiet = new PrintWriter(new StringWriter());
    return new Pipeline(new PolicyEngine(Opa.locate(System.getenv(), quiet), rules), "test",
        new ConfigLoader.Loaded(config, Path.of("config.yaml"), ""), quiet, quiet);
  }

  static Plan plan(Pipeline pipeline) {
    Evaluation evaluation = pipeline.evaluate(snapshot);
    return new Remediator(pipeline, Clock.fixed(NOW, ZoneOffset.UTC), Remediations::find).plan(snapshot, evaluation);
  }

  @Test
  void nothingIsPlannedUnlessAllowedAndEveryFailureIsAccountedFor() {
    Pipeline pipeline = pipeline(List.of(), false);
    Plan plan = plan(pipeline);
    assertThat(plan.changes()).isEmpty();
    List<Finding> failures = pipeline.evaluate(snapshot).withStatus(Status.FAIL);
    assertThat(failures).isNotEmpty();
    assertThat(plan.notes()).extracting(Plan.Note::resource).containsAll(failures.stream().map(Finding::resource).toList());
    assertThat(plan.notes()).extracting(Plan.Note::kind).contains(Plan.Note.Kind.NOT_ALLOWED, Plan.Note.Kind.MANUAL)
        .doesNotContain(Plan.Note.Kind.REFUSED);
  }

  @Test
  void onlyTheAllowedRulesAreChanged() {
    Plan all = plan(pipeline(List.of("all"), true));
    String rule = all.changes().get(0).rules().get(0);
    Plan one = plan(pipeline(List.of(rule), true));
    assertThat(one.changes()).isNotEmpty().allSatisfy(change -> assertThat(change.rules()).containsOnly(rule));
    assertThat(all.changes().size()).isGreaterThan(one.changes().size());
  }

  @Test
  void frameworkIdsSelectTheirRules() {
    Plan cis = plan(pipeline(List.of("cis-aws-foundations-3.0"), true));
    var catalogue = pipeline(List.of(), false).catalogue();
    assertThat(cis.changes()).isNotEmpty().allSatisfy(change -> change.rules().forEach(rule ->
        assertThat(catalogue.find(rule).orElseThrow().frameworks()).containsKey("cis-aws-foundations-3.0")));
  }

  @Test
  void rootScpsNeedTheirOwnAllowance() {
    assertThat(plan(pipeline(List.of("all"), false)).changes()).extracting(Plan.Change::facet).doesNotContain("scp");
  }

  @Test
  void aPlanReadsBackAsWrittenAndIsDeterministic() throws Exception {
    Plan plan = plan(pipeline(List.of("all"), true));
    Path file = temp.resolve("plan.json");
    PlanIo.write(plan, file);
    assertThat(PlanIo.read(file)).isEqualTo(plan);
    assertThat(plan(pipeline(List.of("all"), true)).planId()).isEqualTo(plan.planId());
    Files.writeString(file, Files.readString(file).replace("\"formatVersion\" : 1", "\"formatVersion\" : 2"));
    assertThatThrownBy(() -> PlanIo.read(file)).isInstanceOf(InvalidInputException.class).hasMessageContaining("formatVersion");
  }

  @Test
  void aPlanOlderThanMaxPlanAgeHoursIsRefusedBeforeAnyAwsCall() {
    Pipeline pipeline = pipeline(List.of("all"), true);
    Plan plan = plan(pipeline);
    Remediator later = new Remediator(pipeline, Clock.fixed(NOW.plus(Duration.ofHours(25)), ZoneOffset.UTC), Remediations::find);
    assertThatThrownBy(() -> later.apply(plan, Path.of("plan.json"), interceptors -> {
      throw new AssertionError("no AWS call may be made for a stale plan");
    }, OrganizationSettings.defaults(), new Journal(temp.resolve("journal.jsonl")), temp.resolve("after.json")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("plan.json").hasMessageContaining("maxPlanAgeHours");
    assertThat(temp.resolve("journal.jsonl")).doesNotExist();
  }

  @Test
  void withABaselineEachChangeSaysWhichOfItsFindingsAreNew() {
    Pipeline pipeline = pipeline(List.of("all"), true);
    Evaluation evaluation = pipeline.evaluate(snapshot);
    Remediator remediator = new Remediator(pipeline, Clock.fixed(NOW, ZoneOffset.UTC), Remediations::find);
    var empty = new io.trailwarden.finding.Baseline("empty.json", evaluation.managementAccountId(), evaluation.organizationId(),
        Map.of());
    Plan allNew = remediator.plan(snapshot, evaluation.compareWith(empty));
    assertThat(allNew.changes()).isNotEmpty().allSatisfy(c -> assertThat(c.newFindings()).isEqualTo(c.findings()));
    var same = new io.trailwarden.finding.Baseline("same.json", evaluation.managementAccountId(), evaluation.organizationId(),
        evaluation.findings().stream().filter(Finding::isActiveFailure).collect(java.util.stream.Collectors.toMap(
            Finding::fingerprint, f -> new io.trailwarden.finding.Baseline.Failure(f.fingerprint(), f.ruleId(), f.resource(),
                f.severity(), f.message()), (a, b) -> a)));
    Plan noneNew = remediator.plan(snapshot, evaluation.compareWith(same));
    assertThat(noneNew.changes()).allSatisfy(c -> assertThat(c.newFindings()).isEmpty());
    assertThat(new PlanPrinter(false).render(allNew)).contains("new since the baseline");
  }
}
