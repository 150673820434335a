package io.trailwarden;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The package graph has no cycle, and the layers point one way: cli on top, the data model at the bottom. */
class PackageGraphTest {
  private static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.trailwarden");

  @Test
  void packagesHaveNoCycle() {
    slices().matching("io.trailwarden.(*)..").should().beFreeOfCycles().check(MAIN);
  }

  @Test
  void onlyTheCliCallsTheCli() {
    noClasses().that().resideOutsideOfPackage("io.trailwarden.cli..")
        .should().dependOnClassesThat().resideInAPackage("io.trailwarden.cli..").check(MAIN);
  }

  @Test
  void theSnapshotAndTheRulesKnowNothingOfWhatUsesThem() {
    noClasses().that().resideInAnyPackage("io.trailwarden.snapshot..", "io.trailwarden.policy..")
        .should().dependOnClassesThat().resideInAnyPackage("io.trailwarden.config..", "io.trailwarden.finding..",
            "io.trailwarden.report..", "io.trailwarden.collect..", "io.trailwarden.scan..", "io.trailwarden.remediate..")
        .check(MAIN);
  }

  @Test
  void theLogVerifierStandsApartFromTheScanner() {
    // logs reads the snapshot and talks to AWS; the rules, findings and reports know it only through the snapshot.
    noClasses().that().resideInAPackage("io.trailwarden.logs..")
        .should().dependOnClassesThat().resideInAnyPackage("io.trailwarden.config..", "io.trailwarden.finding..",
            "io.trailwarden.report..", "io.trailwarden.collect..", "io.trailwarden.scan..", "io.trailwarden.remediate..",
            "io.trailwarden.policy..", "io.trailwarden.demo..", "io.trailwarden.export..")
        .check(MAIN);
  }

  @Test
  void digestVerificationNeedsNoAws() {
    // What an auditor runs offline on a copy: the JDK's cryptography and the files, no SDK, no store.
    noClasses().that().resideInAPackage("io.trailwarden.logs.digest..")
        .should().dependOnClassesThat().resideInAnyPackage("software.amazon..", "io.trailwarden.aws..",
            "io.trailwarden.logs.store..", "io.trailwarden.logs.keys..", "io.trailwarden.logs.fetch..")
        .check(MAIN);
  }

  @Test
  void keysAndStoresDoNotReachUpIntoTheVerifier() {
    noClasses().that().resideInAnyPackage("io.trailwarden.logs.keys..", "io.trailwarden.logs.store..")
        .should().dependOnClassesThat().resideInAnyPackage("io.trailwarden.logs", "io.trailwarden.logs.fetch..")
        .check(MAIN);
  }
}
