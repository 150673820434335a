package io.trailwarden.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwarden.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** opa inspect's answer is kept while OPA and every file of the rules are unchanged, and only then. */
class InspectionCacheTest {
  private static final String RULE = "cloudtrail_org_trail_logging";

  @TempDir Path work;

  /** A copy of the rules whose catalogue has been read once through a cache, which now keeps one answer. */
  private record Primed(Path rules, InspectionCache cache, String fresh, Path kept) {}

  private Primed primed() throws IOException {
    Path rules = copyOfRules();
    InspectionCache cache = InspectionCache.in(work.resolve("cache"));
    String fresh = title(catalogue(rules, cache));
    return new Primed(rules, cache, fresh, single(work.resolve("cache")));
  }

  @Test
  void theKeptAnswerIsReadBackWhileTheRulesAreUnchanged() throws IOException {
    Primed primed = primed();

    // An answer edited in the cache shows that the next catalogue came from it, not from OPA.
    Files.writeString(primed.kept(), Files.readString(primed.kept()).replace(primed.fresh(), "Title from the cache"));
    assertThat(title(catalogue(primed.rules(), primed.cache()))).isEqualTo("Title from the cache");

    // Any change to a file of the rules (a test file too: opa inspect compiles it) asks OPA again.
    Path test = primed.rules().resolve("cloudtrail/cloudtrail_org_trail_logging_test.rego");
    Files.writeString(test, Files.readString(test) + "\n# edited\n");
    assertThat(title(catalogue(primed.rules(), primed.cache()))).isEqualTo(primed.fresh());
  }

  @Test
  void anUnreadableAnswerMeansOpaIsAskedAndTheAnswerReplaced() throws IOException {
    Primed primed = primed();
    Files.writeString(primed.kept(), "{\"annotations\": [trunc");

    assertThat(title(catalogue(primed.rules(), primed.cache()))).isEqualTo(primed.fresh());
    assertThat(Files.readString(primed.kept())).contains(primed.fresh());
  }

  @Test
  void aCacheThatCannotBeWrittenIsOnlyAMiss() throws IOException {
    Path rules = copyOfRules();
    Path notADirectory = Files.writeString(work.resolve("cache-file"), "");
    assertThat(title(catalogue(rules, InspectionCache.in(notADirectory.resolve("rules"))))).isNotBlank();
  }

  @Test
  void onlyTheNewestAnswersAreKept() throws IOException {
    Path dir = Files.createDirectories(work.resolve("cache"));
    InspectionCache cache = InspectionCache.in(dir);
    for (int i = 0; i < InspectionCache.KEPT + 3; i++) {
      cache.put("answer" + i, "{}");
      Files.setLastModifiedTime(dir.resolve("answer" + i + ".json"), FileTime.fromMillis(1_000_000L * (i + 1)));
    }
    cache.put("newest", "{}");
    try (Stream<Path> files = Files.list(dir)) {
      List<String> names = files.map(f -> f.getFileName().toString()).toList();
      assertThat(names).hasSize(InspectionCache.KEPT).contains("newest.json").doesNotContain("answer0.json", "answer3.json");
    }
  }

  private Catalogue catalogue(Path rules, InspectionCache cache) {
    return new PolicyEngine(PolicyEngineTest.opa(), RulesDirectory.resolve(Optional.of(rules), Map.of()), Optional.of(cache)).catalogue();
  }

  private static String title(Catalogue catalogue) {
    return catalogue.find(RULE).orElseThrow().title();
  }

  private static Path single(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> all = files.toList();
      assertThat(all).as("answers kept in %s", dir).hasSize(1);
      return all.get(0);
    }
  }

  private Path copyOfRules() throws IOException {
    Path source = TestFiles.rulesDir();
    Path target = work.resolve("rules");
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : files.toList()) {
        Path copy = target.resolve(source.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(copy);
        } else {
          Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
    return target;
  }
}
