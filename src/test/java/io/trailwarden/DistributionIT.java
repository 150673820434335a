package io.trailwarden;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release distribution that {@code ./mvnw package} builds: unpacked into an empty directory, away
 * from the source checkout, with no Maven and no rules on the environment, {@code bin/trailwarden
 * evaluate} runs the shipped examples and writes the reports. OPA comes from $OPA_PATH (the build's),
 * linked by the launcher into a fresh user cache, so the test does not download it.
 */
class DistributionIT {
  private static final String VERSION = System.getProperty("trailwarden.version", "0.1.0-SNAPSHOT");
  private static final Path TARGET = TestFiles.projectDir().resolve("target");

  @TempDir
  Path temp;

  @Test
  void theUnpackedTarballEvaluatesTheExamplesFromAnEmptyDirectory() throws Exception {
    Path archive = TARGET.resolve("trailwarden-" + VERSION + ".tar.gz");
    assertThat(archive).as("built by ./mvnw package").exists();
    Path unpacked = Files.createDirectories(temp.resolve("unpacked"));
    Process tar = new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", unpacked.toString()).inheritIO().start();
    assertThat(tar.waitFor(60, TimeUnit.SECONDS) && tar.exitValue() == 0).as("tar -xzf").isTrue();
    Path home = unpacked.resolve("trailwarden-" + VERSION);

    assertThat(home.resolve("bin/trailwarden")).isExecutable();
    assertThat(home.resolve("lib/trailwarden.jar")).isRegularFile();
    assertThat(home.resolve("config.yaml")).isRegularFile();
    assertThat(Files.readString(home.resolve("licenses/THIRD-PARTY.txt"))).contains("picocli", "Apache");
    assertThat(home.resolve("rules/frameworks.yaml")).isRegularFile();
    try (Stream<Path> files = Files.walk(home.resolve("rules"))) {
      assertThat(files.map(Path::toString)).anyMatch(f -> f.endsWith("cloudtrail_org_trail_exists.rego"))
          .noneMatch(f -> f.endsWith("_test.rego")).noneMatch(f -> f.contains("/lib/test/"));
    }
    assertThat(Files.getPosixFilePermissions(home.resolve("scripts/opa.sh"))).contains(PosixFilePermission.OWNER_EXECUTE);

    Path work = Files.createDirectories(temp.resolve("work"));
    Path cache = temp.resolve("cache");
    assertThat(run(home, work, cache, "examples/compliant-org.json", "compliant"))
        .as(() -> TestFiles.read(work.resolve("compliant.log"))).isZero();
    assertThat(run(home, work, cache, "examples/misconfigured-org.json", "misconfigured"))
        .as(() -> TestFiles.read(work.resolve("misconfigured.log"))).isEqualTo(1);
    for (String report : List.of("trailwarden.sarif", "trailwarden-junit.xml", "trailwarden.json", "trailwarden.md",
        "trailwarden.html")) {
      assertThat(work.resolve("misconfigured").resolve(report)).isNotEmptyFile();
    }
    assertThat(Files.readString(work.resolve("misconfigured/trailwarden.html"))).contains("framework-hipaa");
    assertThat(cache.resolve("trailwarden/bin/opa")).as("OPA provisioned into the user's cache").exists();
  }

  @Test
  void theZipHoldsTheSameFilesAsTheTarball() throws Exception {
    Path unpacked = Files.createDirectories(temp.resolve("tar"));
    Process tar = new ProcessBuilder("tar", "-xzf", TARGET.resolve("trailwarden-" + VERSION + ".tar.gz").toString(),
        "-C", unpacked.toString()).inheritIO().start();
    assertThat(tar.waitFor(60, TimeUnit.SECONDS) && tar.exitValue() == 0).isTrue();
    TreeSet<String> fromTar = new TreeSet<>();
    try (Stream<Path> files = Files.walk(unpacked)) {
      files.filter(Files::isRegularFile).forEach(f -> fromTar.add(unpacked.relativize(f).toString()));
    }
    TreeSet<String> fromZip = new TreeSet<>();
    try (ZipFile zip = new ZipFile(TARGET.resolve("trailwarden-" + VERSION + ".zip").toFile())) {
      zip.stream().filter(e -> !e.isDirectory()).map(ZipEntry::getName).forEach(fromZip::add);
    }
    assertThat(fromZip).isNotEmpty().isEqualTo(fromTar);
  }

  /** bin/trailwarden evaluate, run from {@code work} with a clean environment: no TRAILWARDEN_RULES, a fresh HOME. */
  private static int run(Path home, Path work, Path cache, String example, String outputDir) throws Exception {
    Path snapshot = work.resolve(Path.of(example).getFileName());
    Files.copy(home.resolve(example), snapshot, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    List<String> command = new ArrayList<>(List.of(home.resolve("bin/trailwarden").toString(), "evaluate", "--snapshot",
        snapshot.getFileName().toString(), "--output-dir", outputDir));
    ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
        .redirectOutput(work.resolve(outputDir + ".log").toFile());
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(k -> k.startsWith("TRAILWARDEN_") || k.startsWith("MAVEN") || k.equals("MOTO_SERVER_PATH"));
    env.put("HOME", work.resolve("home").toString());
    env.put("XDG_CACHE_HOME", cache.toString());
    env.put("PATH", "/usr/bin:/bin");
    Process process = builder.start();
    assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("evaluate finished").isTrue();
    return process.exitValue();
  }
}
