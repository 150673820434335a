package io.trailwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwarden.TestFiles;
import io.trailwarden.demo.Seeder;
import io.trailwarden.emulator.ArticleOrganization;
import io.trailwarden.emulator.ArticleOrganization.Fault;
import io.trailwarden.emulator.FaultRuns;
import io.trailwarden.emulator.InjectedFailures;
import io.trailwarden.emulator.Moto;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The security tools on the emulator, through the real SDK: Security Hub (DescribeHub) and GuardDuty
 * (ListDetectors, GetDetector, ListOrganizationAdminAccounts) seeded in every account x region of the
 * article's organization pass; each fault fails exactly its finding; a refused call is UNKNOWN, never
 * a pass. Only the two security-tool rules run.
 */
class SecurityToolsIT {
  @RegisterExtension static final Moto MOTO = new Moto();
  @TempDir Path temp;

  static final String HUB = "securityhub_hub_enabled";
  static final String GUARDDUTY = "guardduty_enabled_organization_wide";

  @AfterEach
  void allowEveryOperation() {
    System.clearProperty(InjectedFailures.DENY);
  }

  MainTest.Run scan(Set<Fault> faults) throws Exception {
    ArticleOrganization.Seeded seeded;
    try (Seeder seeder = new Seeder(MOTO.endpoint())) {
      seeded = ArticleOrganization.seed(seeder, faults);
    }
    this.seeded = seeded;
    Path config = temp.resolve("config.yaml");
    Files.writeString(config, FaultRuns.configFile(FaultRuns.articleConfig(seeded), MOTO.endpoint().toString()) + """
        rules:
          include: [%s, %s]
        """.formatted(HUB, GUARDDUTY));
    return MainTest.run("scan", "--config", config.toString(), "--output-dir", temp.resolve("reports").toString(),
        "--rules", TestFiles.rulesDir().toString());
  }

  ArticleOrganization.Seeded seeded;

  Set<String> notPassing() throws Exception {
    return ScanIT.notPassing(temp.resolve("reports"));
  }

  @Test
  void theCompliantOrganizationPassesInEveryAccountAndRegion() throws Exception {
    MainTest.Run run = scan(EnumSet.noneOf(Fault.class));
    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.OK.code());
    assertThat(notPassing()).isEmpty();
    var findings = io.trailwarden.Json.mapper().readTree(temp.resolve("reports/trailwarden.json").toFile()).path("findings");
    Set<String> judged = new java.util.TreeSet<>();
    findings.forEach(f -> judged.add(f.path("ruleId").asText() + " " + f.path("resource").asText()));
    // 4 accounts x 2 regions of each rule, and GuardDuty's administrator in each region.
    assertThat(judged).filteredOn(f -> f.startsWith(HUB + " ")).hasSize(8);
    assertThat(judged).filteredOn(f -> f.startsWith(GUARDDUTY + " ") && f.endsWith(":detector")).hasSize(8);
    assertThat(judged).filteredOn(f -> f.endsWith(":organization-admin")).containsExactlyInAnyOrder(
        GUARDDUTY + " arn:aws:guardduty:eu-west-1:" + Seeder.MANAGEMENT_ACCOUNT + ":organization-admin",
        GUARDDUTY + " arn:aws:guardduty:us-east-1:" + Seeder.MANAGEMENT_ACCOUNT + ":organization-admin");
  }

  @Test
  void securityHubNotEnabledFailsThatPlaceOnly() throws Exception {
    scan(EnumSet.of(Fault.SECURITY_HUB_OFF));
    assertThat(notPassing()).containsExactly(
        "FAIL " + HUB + " arn:aws:securityhub:eu-west-1:" + seeded.developmentAccount() + ":hub/default");
  }

  @Test
  void aMissingDetectorFailsThatPlaceOnly() throws Exception {
    scan(EnumSet.of(Fault.NO_DETECTOR));
    assertThat(notPassing()).containsExactly(
        "FAIL " + GUARDDUTY + " arn:aws:guardduty:eu-west-1:" + seeded.developmentAccount() + ":detector");
  }

  @Test
  void aSuspendedDetectorFailsThatPlaceOnly() throws Exception {
    scan(EnumSet.of(Fault.DETECTOR_SUSPENDED));
    assertThat(notPassing()).containsExactly(
        "FAIL " + GUARDDUTY + " arn:aws:guardduty:us-east-1:" + seeded.productionAccount() + ":detector");
  }

  @Test
  void aRegionWithoutAnAdministratorFailsThatRegionOnly() throws Exception {
    scan(EnumSet.of(Fault.NO_GUARDDUTY_ADMINISTRATOR));
    assertThat(notPassing()).containsExactly(
        "FAIL " + GUARDDUTY + " arn:aws:guardduty:eu-west-1:" + Seeder.MANAGEMENT_ACCOUNT + ":organization-admin");
  }

  /** AccessDenied is not "not subscribed": every place is UNKNOWN and the scan exits 3, never a pass or a fail. */
  @Test
  void aRefusedDescribeHubIsUnknownEverywhere() throws Exception {
    System.setProperty(InjectedFailures.DENY, "DescribeHub");
    MainTest.Run run = scan(EnumSet.of(Fault.SECURITY_HUB_OFF));
    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.INCOMPLETE.code());
    Set<String> hub = notPassing().stream().filter(f -> f.contains(" " + HUB + " ")).collect(Collectors.toSet());
    assertThat(hub).hasSize(8).allMatch(f -> f.startsWith("UNKNOWN "));
  }

  @Test
  void refusedDetectorListsAreUnknownNotFailures() throws Exception {
    System.setProperty(InjectedFailures.DENY, "ListDetectors");
    MainTest.Run run = scan(EnumSet.of(Fault.NO_DETECTOR));
    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.INCOMPLETE.code());
    assertThat(notPassing()).hasSize(8).allMatch(f -> f.startsWith("UNKNOWN " + GUARDDUTY + " ") && f.endsWith(":detector"));
  }
}
