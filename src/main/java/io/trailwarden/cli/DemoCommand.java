package io.trailwarden.cli;

import io.trailwarden.aws.ClientFactory;
import io.trailwarden.config.Config;
import io.trailwarden.config.ConfigLoader;
import io.trailwarden.config.OrganizationSettings;
import io.trailwarden.demo.DemoOrganization;
import io.trailwarden.demo.MotoServer;
import io.trailwarden.demo.Seeder;
import io.trailwarden.scan.Pipeline;
import io.trailwarden.policy.RulesDirectory;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code demo}: scan a built-in 15-account organization on a local AWS emulator; no AWS account needed. */
@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Start a local AWS emulator (moto), build a 15-account demo organization with a few faults, scan it "
        + "and write the reports. Needs no AWS account.")
final class DemoCommand implements Callable<Integer> {
  /** Keeps the demo's account ids the same from run to run. */
  static final int SEED = 20261123;

  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin ConfigOption config;
  @Mixin ReportOptions reportOptions;
  @Mixin RulesOption rulesOption;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ConfigLoader.Loaded loaded = config.load();
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
      return Scans.scan(pipeline, interceptors -> new ClientFactory(settings, Seeder.credentials(), interceptors), organization,
          report, err);
    }
  }
}
