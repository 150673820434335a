package io.trailwarden.cli;

import io.trailwarden.aws.ClientFactory;
import io.trailwarden.aws.Connector;
import io.trailwarden.config.Config;
import io.trailwarden.config.ConfigLoader;
import io.trailwarden.config.OrganizationSettings;
import io.trailwarden.demo.DemoOrganization;
import io.trailwarden.demo.MotoServer;
import io.trailwarden.demo.Seeder;
import io.trailwarden.finding.Baseline;
import io.trailwarden.finding.Status;
import io.trailwarden.policy.RulesDirectory;
import io.trailwarden.remediate.Journal;
import io.trailwarden.remediate.Plan;
import io.trailwarden.remediate.PlanIo;
import io.trailwarden.remediate.PlanPrinter;
import io.trailwarden.remediate.Remediator;
import io.trailwarden.remediate.fix.Remediations;
import io.trailwarden.scan.Pipeline;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
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
      return fix ? fix(pipeline, aws, organization, report, scanned, out, err) : scanned.exitCode();
    }
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
    return new ConfigLoader.Loaded(new Config(c.version(), c.organization(), c.report(), c.rules(), c.waivers(), all),
        loaded.file(), loaded.text());
  }
}
