package io.trailwarden.cli;

import io.trailwarden.aws.ClientFactory;
import io.trailwarden.aws.Connector;
import io.trailwarden.config.Config;
import io.trailwarden.config.ConfigLoader;
import io.trailwarden.config.OrganizationSettings;
import io.trailwarden.AtomicFiles;
import io.trailwarden.demo.DemoAthena;
import io.trailwarden.demo.DemoLogs;
import io.trailwarden.demo.DemoOrganization;
import io.trailwarden.demo.MotoServer;
import io.trailwarden.demo.Seeder;
import io.trailwarden.finding.Baseline;
import io.trailwarden.investigate.AthenaEngine;
import io.trailwarden.investigate.AthenaTable;
import io.trailwarden.investigate.DuckDbEngine;
import io.trailwarden.investigate.Engine;
import io.trailwarden.investigate.Investigations;
import io.trailwarden.investigate.LogActivityCheck;
import io.trailwarden.snapshot.LogActivity;
import io.trailwarden.snapshot.SnapshotIo;
import io.trailwarden.investigate.LogQuery;
import io.trailwarden.investigate.LogSource;
import io.trailwarden.investigate.ResultFormat;
import io.trailwarden.logs.LogSources;
import io.trailwarden.logs.LogVerification;
import io.trailwarden.finding.Status;
import io.trailwarden.policy.RulesDirectory;
import io.trailwarden.remediate.Journal;
import io.trailwarden.remediate.Plan;
import io.trailwarden.remediate.PlanIo;
import io.trailwarden.remediate.PlanPrinter;
import io.trailwarden.remediate.Remediator;
import io.trailwarden.remediate.fix.Remediations;
import io.trailwarden.scan.Pipeline;
import io.trailwarden.snapshot.Snapshot;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code demo}: scan a built-in 15-account organization on a local AWS emulator; no AWS account needed. */
@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Start a local AWS emulator (moto), build a 15-account demo organization with a few faults, scan it "
        + "and write the reports. Needs no AWS account. With --fix, also plan every fix, apply it and rescan.")
final class DemoCommand implements Callable<Integer> {
  /** Keeps the demo's account ids the same from run to run. */
  static final int SEED = 20261123;
  static final String CATEGORY = "trailwarden/demo";

  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin ConfigOption config;
  @Mixin ReportOptions reportOptions;
  @Mixin RulesOption rulesOption;

  @Option(names = "--fix", description = "Plan every automated fix (all allowed, SCPs at the root included), apply it, "
      + "and rescan: the whole remediation loop on the emulator.")
  boolean fix;

  @Option(names = "--verify-logs", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Also deliver signed log files and digests for every account x region (one log file is then edited) "
          + "and verify them, as logs verify does, into <output-dir>/logs-verify; then run the cross-account and tamper-attempt "
          + "investigations over them, as logs query does, judge what scan --with-logs records of them into "
          + "<output-dir>/logs-activity, and show the Athena table (logs athena-ddl) with one emulated --engine athena run "
          + "(default: on; --no-verify-logs skips all of it).")
  boolean verifyLogs;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ConfigLoader.Loaded loaded = fix ? allowEverything(config.load()) : config.load();
    Config.Report report = reportOptions.over(loaded.config().report());
    try (RulesDirectory rules = rulesOption.resolve(); MotoServer moto = MotoServer.start(System.getenv())) {
      Pipeline pipeline = rulesOption.pipeline(rules, loaded, out, err);
      moto.seedRandomness(SEED);
      DemoOrganization.Seeded seeded;
      try (Seeder seeder = new Seeder(moto.endpoint())) {
        seeded = DemoOrganization.seed(seeder);
      }
      out.printf("Demo: Northwind Capital, %d accounts in organization %s, on a local AWS emulator at %s%n",
          seeded.accounts().size(), seeded.organizationId(), moto.endpoint());
      out.flush();
      OrganizationSettings organization = new OrganizationSettings(Optional.of(Seeder.MANAGEMENT_ACCOUNT),
          Optional.of(seeded.loggingAccountId()), Seeder.HOME_REGION, Optional.of(DemoOrganization.TRAIL_NAME),
          Optional.of(DemoOrganization.LOG_BUCKET), DemoOrganization.REGIONS, null, Optional.empty(), 8,
          Optional.of(moto.endpoint().toString()),
          new OrganizationSettings.Sensitive(List.of("northwind-card-statements"), List.of()));
      var settings = new io.trailwarden.aws.AwsSettings(Optional.of(moto.endpoint()), organization.homeRegion(),
          organization.memberRoleName(), Optional.empty(), organization.concurrency());
      Connector aws = interceptors -> new ClientFactory(settings, Seeder.credentials(), interceptors);
      Scans.Scanned scanned = Scans.scan(pipeline, aws, organization, reportOptions, report, CATEGORY, err);
      int logs = verifyLogs ? verifyLogs(rules, loaded, moto, seeded, aws, report, scanned, out, err) : ExitCode.OK.code();
      int exit = fix ? fix(pipeline, aws, organization, report, scanned, out, err) : scanned.exitCode();
      return exit == ExitCode.OK.code() ? logs : exit;
    }
  }

  /**
   * Delivers the demo's logs and verifies them with the integrity rule alone. moto 5.2.5 evaluates any
   * bucket-policy statement with a Condition as a Deny of every object call (it cannot test
   * aws:SecureTransport), so the log bucket's policy is set aside while logs are written and read, and
   * put back before anything else runs; on AWS, CloudTrail's TLS writes and the verifier's reads pass it.
   */
  private int verifyLogs(RulesDirectory rules, ConfigLoader.Loaded loaded, MotoServer moto, DemoOrganization.Seeded seeded,
      Connector aws, Config.Report report, Scans.Scanned scanned, PrintWriter out, PrintWriter err) throws IOException {
    Path dir = Path.of(report.outputDir()).resolve("logs-verify");
    Config.Report logsReport = new Config.Report(report.formats(), dir.toString(), report.failOn(), report.allowPartial(),
        report.failOnNew(), report.sarifCategory());
    Pipeline logsPipeline = rulesOption.pipeline(rules, LogsVerifyCommand.onlyTheIntegrityRule(loaded), out, err);
    try (Seeder seeder = new Seeder(moto.endpoint())) {
      Optional<String> policy = seeder.bucketPolicy(seeded.loggingAccountId(), DemoOrganization.LOG_BUCKET);
      seeder.restoreBucketPolicy(seeded.loggingAccountId(), DemoOrganization.LOG_BUCKET, Optional.empty());
      try {
        DemoLogs.Delivered delivered = DemoLogs.deliver(seeder, seeded, dir.resolve("public-keys.json"), java.time.Instant.now());
        out.println();
        out.printf("Log integrity: %d signed digests and %d log files delivered for %d accounts x %d regions (%s to %s); "
            + "then a log file of %s in %s was edited. Verifying, as logs verify does:%n", delivered.digests(), delivered.logFiles(),
            seeded.accounts().size(), DemoOrganization.REGIONS.size(), delivered.from(), delivered.to(), DemoLogs.TAMPERED_ACCOUNT,
            DemoLogs.TAMPERED_REGION);
        out.flush();
        var request = new io.trailwarden.logs.LogVerification.Request(delivered.from(), delivered.to(), List.of(), List.of(),
            8);
        var verified = Scans.verifyLogs(logsPipeline, aws, scanned.snapshot(), request,
            Optional.of(io.trailwarden.logs.keys.SavedPublicKeys.read(List.of(delivered.publicKeys()))),
            dir.resolve(Scans.SNAPSHOT_FILE));
        var evaluation = logsPipeline.evaluate(verified);
        logsPipeline.report(evaluation, logsReport, CATEGORY + "/logs");
        int exit = Outcome.exitCode(evaluation, logsReport, err);
        Investigated investigated = investigate(aws, scanned.snapshot(), delivered, dir.resolve("cache"), out);
        int found = judgeActivity(rules, loaded, scanned.snapshot().withLogActivity(investigated.activity()), report, out, err);
        athena(moto, aws, loaded.config(), scanned.snapshot(), delivered, investigated.results(), dir, out);
        return exit == ExitCode.OK.code() ? found : exit;
      } finally {
        seeder.restoreBucketPolicy(seeded.loggingAccountId(), DemoOrganization.LOG_BUCKET, policy);
      }
    }
  }

  /**
   * The saved investigations the demo shows, as logs query runs them, over the window just delivered
   * (its own days only, to keep the demo quick): the log files are downloaded into a cache and loaded
   * into the embedded engine once, and each investigation is one SQL query on them.
   */
  private static Investigated investigate(Connector aws, Snapshot snapshot, DemoLogs.Delivered delivered,
      Path cache, PrintWriter out) {
    Map<String, DuckDbEngine.Result> found = new java.util.LinkedHashMap<>();
    Instant to = Instant.now();
    var request = new LogVerification.Request(delivered.from(), to, List.of(), List.of(), 8);
    var target = LogVerification.target(snapshot, request);
    try (ClientFactory clients = aws.connect(List.of())) {
      var reader = LogSources.reader(clients, snapshot, target.bucket());
      var source = LogSource.s3(reader.s3(), reader.account(), target.bucket(), cache, 8);
      try (var query = LogQuery.load(source, target, snapshot, delivered.from(), to)) {
        out.println();
        out.printf("Investigate: %d log files of %d accounts x %d regions in %d events, on the embedded SQL engine, as "
            + "logs query does:%n", query.fetched().files().size(), target.accounts().size(), target.regions().size(),
            query.events());
        for (String id : DemoLogs.INVESTIGATIONS) {
          var investigation = Investigations.get(id);
          var result = query.run(investigation, Map.of());
          found.put(id, result);
          out.println();
          out.println("trailwarden logs query " + id + "   (" + investigation.title() + ")");
          out.print(ResultFormat.TABLE.render(result));
        }
        out.flush();
        return new Investigated(found, LogActivityCheck.of(query, target, "s3://" + target.bucket(), false, delivered.from(), to,
            to.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
      }
    }
  }

  /** What the demo's investigations returned, and what scan --with-logs records of the same logs. */
  private record Investigated(Map<String, DuckDbEngine.Result> results, LogActivity activity) {}

  /**
   * Amazon Athena, briefly: the table logs athena-ddl writes for the demo organization, and the first
   * investigation run with --engine athena on the emulator's Athena. That run is emulated and says so:
   * moto runs no SQL, so it answers with the rows the embedded engine found ({@link DemoAthena}).
   */
  private static void athena(MotoServer moto, Connector aws, Config config, Snapshot snapshot, DemoLogs.Delivered delivered,
      Map<String, DuckDbEngine.Result> found, Path dir, PrintWriter out) throws IOException {
    Instant to = Instant.now();
    var target = LogVerification.target(snapshot, new LogVerification.Request(delivered.from(), to, List.of(), List.of(), 8));
    var settings = LogsQueryCommand.settings(config.athena());
    Path ddl = dir.resolve("athena-table.sql");
    String statement = AthenaTable.ddl(settings.table(), target, LogsAthenaDdlCommand.DEFAULT_FIRST_DAY);
    AtomicFiles.write(ddl, statement);
    out.println();
    out.println("Amazon Athena: trailwarden logs athena-ddl --output " + ddl + " wrote the table for logs query --engine athena:");
    statement.lines().filter(l -> l.startsWith("CREATE") || l.startsWith("PARTITIONED") || l.startsWith("ROW FORMAT")
        || l.contains("projection.account.values") || l.contains("storage.location.template")).forEach(l -> out.println("  " + l));
    String id = DemoLogs.INVESTIGATIONS.get(0);
    String management = snapshot.scope().managementAccountId();
    String region = config.athena().region().orElse(config.organization().homeRegion());
    DemoAthena.answerWith(moto, management, region, found.get(id));
    try (ClientFactory clients = aws.connect(List.of())) {
      clients.managementAccount(management);
      var engine = new AthenaEngine(clients.athena(management, region), settings);
      var run = engine.run(Investigations.get(id, Engine.ATHENA), Map.of(),
          LogQuery.context(snapshot, target), target, delivered.from(), to);
      out.println();
      out.println("trailwarden logs query " + id + " --engine athena --format csv");
      out.println("  (EMULATED: moto runs no SQL. It answered query " + run.queryExecutionId() + " with the rows the embedded "
          + "engine found above; this shows the Athena client path, not Athena's engine.)");
      out.print(ResultFormat.CSV.render(run.result()).replace("\r\n", "\n"));
      out.flush();
    }
  }

  /** The rules that judge what scan --with-logs records. */
  static final List<String> ACTIVITY_RULES = List.of("cloudtrail_org_trail_no_tampering_attempts", "iam_root_user_not_used");

  /**
   * What scan --with-logs makes of the same window: the tamper-attempt and root-usage counts per account
   * in the snapshot's logActivity, judged by their two rules, reported into {@code <output-dir>/logs-activity}.
   */
  private int judgeActivity(RulesDirectory rules, ConfigLoader.Loaded loaded, Snapshot queried, Config.Report report,
      PrintWriter out, PrintWriter err) throws IOException {
    Path dir = Path.of(report.outputDir()).resolve("logs-activity");
    Config.Report activityReport = new Config.Report(report.formats(), dir.toString(), report.failOn(), report.allowPartial(),
        report.failOnNew(), report.sarifCategory());
    Config c = loaded.config();
    ConfigLoader.Loaded only = new ConfigLoader.Loaded(new Config(c.version(), c.organization(), c.report(),
        new Config.Rules(ACTIVITY_RULES, List.of(), c.rules().params()), c.waivers(), c.remediation()), loaded.file(), loaded.text());
    Pipeline pipeline = rulesOption.pipeline(rules, only, out, err);
    new SnapshotIo().write(queried, dir.resolve(Scans.SNAPSHOT_FILE));
    out.println();
    out.println("Findings from the logs, as scan --with-logs judges them (" + String.join(", ", ACTIVITY_RULES) + "):");
    out.flush();
    var evaluation = pipeline.evaluate(queried);
    pipeline.report(evaluation, activityReport, CATEGORY + "/logs-activity");
    return Outcome.exitCode(evaluation, activityReport, err);
  }

  /** Plan, apply and rescan: what a nightly auto-remediation run does, shown on the demo. */
  private static int fix(Pipeline pipeline, Connector aws, OrganizationSettings organization, Config.Report report,
      Scans.Scanned scanned, PrintWriter out, PrintWriter err) throws IOException {
    Path dir = Path.of(report.outputDir());
    Remediator remediator = new Remediator(pipeline, Clock.systemUTC(), Remediations::find);
    Plan plan = remediator.plan(scanned.snapshot(), scanned.evaluation());
    Path planFile = dir.resolve(RemediatePlanCommand.PLAN_FILE);
    PlanIo.write(plan, planFile);
    out.println();
    out.print(new PlanPrinter(RemediateSupport.colour()).render(plan));
    out.println();
    out.println("Applying the plan (" + planFile + ") ...");
    Journal journal = new Journal(Path.of(pipeline.config().config().remediation().journal()));
    Remediator.Applied applied = remediator.apply(PlanIo.read(planFile), planFile, aws, organization, journal,
        dir.resolve(RemediateApplyCommand.RESCAN_FILE));
    RemediateApplyCommand.summarize(applied, journal, out);
    out.println();
    out.println("Rescan after the fixes, compared with the scan before them:");
    pipeline.report(applied.evaluation().compareWith(Baseline.of("the scan before the fixes", scanned.evaluation())), report,
        CATEGORY);
    out.printf("Failures: %d before, %d after; what is left is in the plan's list of findings left to you.%n",
        scanned.evaluation().count(Status.FAIL), applied.evaluation().count(Status.FAIL));
    return Outcome.exitCode(applied.evaluation(), report, err);
  }

  /** Who the demo's alarm topic is subscribed to (the emulator confirms every subscription at once). */
  static final String DEMO_SUBSCRIBER = "security-alerts@northwind.example";

  /** The demo's --fix allows every remediation, SCPs at the root too, and journals into the output directory. */
  private ConfigLoader.Loaded allowEverything(ConfigLoader.Loaded loaded) {
    Config c = loaded.config();
    Config.Report report = reportOptions.over(c.report());
    Config.Remediation r = c.remediation();
    Config.Remediation all = new Config.Remediation(List.of(Config.Remediation.ALL), true, r.memberRoleName(),
        r.maxPlanAgeHours(), r.accessLogBucket(), Path.of(report.outputDir()).resolve("remediation-journal.jsonl").toString(),
        new Config.Alarms(r.alarms().namespace(), r.alarms().topicName(), true,
            r.alarms().subscribe().or(() -> java.util.Optional.of(new Config.Subscriber("email", DEMO_SUBSCRIBER)))));
    return new ConfigLoader.Loaded(new Config(c.version(), c.organization(), c.report(), c.rules(), c.waivers(), all, c.athena()),
        loaded.file(), loaded.text());
  }
}
