package io.trailwarden;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package graph has no cycle, and the layers point one way: cli on top, the data model at the bottom.
 * Within remediate as well: the facets at the bottom, then the engine, then the fixes by area, then the
 * registry of fixes, which only the CLI uses (it hands the engine the registry's lookup).
 */
class PackageGraphTest {
  private static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.trailwarden");

  /** The remediation engine: io.trailwarden.remediate itself, not the packages below it. */
  private static final String ENGINE = "io.trailwarden.remediate";
  private static final String FACETS = "io.trailwarden.remediate.facet..";
  private static final String REGISTRY = "io.trailwarden.remediate.fix..";
  /** The fixes, by the service whose resource they change. */
  private static final String[] FIXES = {"io.trailwarden.remediate.cloudtrail..", "io.trailwarden.remediate.s3..",
      "io.trailwarden.remediate.organizations..", "io.trailwarden.remediate.kms..", "io.trailwarden.remediate.logs.."};

  /** The engine is one slice and each package below it another; {@code remediate.(*)..} alone would leave the engine out. */
  private static final SliceAssignment REMEDIATE_PARTS = new SliceAssignment() {
    @Override
    public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
      String name = javaClass.getPackageName();
      if (name.equals(ENGINE)) {
        return SliceIdentifier.of("engine");
      }
      return name.startsWith(ENGINE + ".") ? SliceIdentifier.of(name.substring(ENGINE.length() + 1).split("\\.")[0])
          : SliceIdentifier.ignore();
    }

    @Override
    public String getDescription() {
      return "the remediation engine and each package below it";
    }
  };

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

  /** Among the remediate packages, the engine included: a fix may use another area's fix, but never in a circle. */
  @Test
  void theRemediationPackagesHaveNoCycle() {
    slices().matching("io.trailwarden.remediate.(*)..").should().beFreeOfCycles().check(MAIN);
    slices().assignedFrom(REMEDIATE_PARTS).should().beFreeOfCycles().check(MAIN);
  }

  /** A facet is a document of a resource and its AWS calls; it knows nothing of the fixes that edit it or the engine. */
  @Test
  void theFacetsKnowNothingOfTheFixesOrTheEngine() {
    noClasses().that().resideInAPackage(FACETS)
        .should().dependOnClassesThat().resideInAnyPackage(Stream.concat(Stream.of(ENGINE, REGISTRY), Stream.of(FIXES))
            .toArray(String[]::new))
        .check(MAIN);
  }

  /** The fixes only propose edits of facet documents: they make no AWS call and read nothing live. */
  @Test
  void theFixesChangeAwsOnlyThroughTheFacets() {
    noClasses().that().resideInAnyPackage(FIXES)
        .should().dependOnClassesThat().resideInAnyPackage("io.trailwarden.aws..", "io.trailwarden.collect..",
            "software.amazon.awssdk..")
        .check(MAIN);
  }

  /** The engine, the facets and the CLI know a fix only as a Remediation found in the registry. */
  @Test
  void onlyTheRegistryKnowsTheFixes() {
    noClasses().that().resideOutsideOfPackages(Stream.concat(Stream.of(REGISTRY), Stream.of(FIXES)).toArray(String[]::new))
        .should().dependOnClassesThat().resideInAnyPackage(FIXES)
        .check(MAIN);
  }

  /** The registry sits above the fixes and the engine: the CLI hands it to the engine, which does not name it. */
  @Test
  void onlyTheCliHandsTheRegistryToTheEngine() {
    noClasses().that().resideOutsideOfPackages("io.trailwarden.cli..", REGISTRY)
        .should().dependOnClassesThat().resideInAPackage(REGISTRY)
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

  @Test
  void investigationsReadTheLogsButKnowNothingOfTheScanner() {
    // investigate reuses the logs package's stores and copier; like it, it knows the scanner only through the snapshot.
    noClasses().that().resideInAPackage("io.trailwarden.investigate..")
        .should().dependOnClassesThat().resideInAnyPackage("io.trailwarden.config..", "io.trailwarden.finding..",
            "io.trailwarden.report..", "io.trailwarden.collect..", "io.trailwarden.scan..", "io.trailwarden.remediate..",
            "io.trailwarden.policy..", "io.trailwarden.demo..", "io.trailwarden.export..")
        .check(MAIN);
    noClasses().that().resideInAPackage("io.trailwarden.logs..")
        .should().dependOnClassesThat().resideInAPackage("io.trailwarden.investigate..").check(MAIN);
  }

  @Test
  void onlyTheEngineTalksToDuckDb() {
    noClasses().that().doNotHaveFullyQualifiedName("io.trailwarden.investigate.DuckDbEngine")
        .should().dependOnClassesThat().resideInAnyPackage("org.duckdb..", "java.sql..").check(MAIN);
  }
}
