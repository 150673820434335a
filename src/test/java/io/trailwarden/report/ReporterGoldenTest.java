package io.trailwarden.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.trailwarden.finding.Evaluation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shared golden test (as PMD tests its renderers): every reporter renders every case of
 * {@link Evaluations}, and the text must equal {@code src/test/resources/report/golden/<case>.<ext>} byte
 * for byte. The golden files are the specification of each format; review their diff like code.
 *
 * <p>To regenerate them after an intended change: {@code ./mvnw test -Dgolden.update=true}, then read the
 * diff.
 */
abstract class ReporterGoldenTest {
  static final String UPDATE_PROPERTY = "golden.update";

  /** The reporter under test, as a function (the console reporter is not a {@link Reporter}). */
  abstract String render(Evaluation evaluation);

  /** The golden files' extension, e.g. "sarif" or "junit.xml". */
  abstract String extension();

  static Stream<String> cases() {
    return Evaluations.CASES.keySet().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesGoldenFile(String name) throws IOException {
    String actual = render(Evaluations.CASES.get(name).get());
    Path golden = goldenDir().resolve(name + "." + extension());
    if (Boolean.getBoolean(UPDATE_PROPERTY)) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
      return;
    }
    if (!Files.exists(golden)) {
      fail("golden file " + golden + " is missing; create it with ./mvnw test -D" + UPDATE_PROPERTY
          + "=true and review it");
    }
    byte[] expected = Files.readAllBytes(golden);
    if (!Arrays.equals(expected, actual.getBytes(StandardCharsets.UTF_8))) {
      // A text comparison shows a readable diff; the byte comparison above also catches encoding changes.
      assertThat(actual)
          .as("%s differs from the golden file; if the change is intended, run ./mvnw test -D%s=true and review"
              + " the diff", golden, UPDATE_PROPERTY)
          .isEqualTo(new String(expected, StandardCharsets.UTF_8));
      fail(golden + " differs in its bytes (encoding?) although the text is equal");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void rendersTheSameTextTwice(String name) {
    assertThat(render(Evaluations.CASES.get(name).get())).isEqualTo(render(Evaluations.CASES.get(name).get()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void endsWithOneNewlineAndUsesNoCarriageReturns(String name) {
    String text = render(Evaluations.CASES.get(name).get());
    assertThat(text).endsWith("\n").doesNotEndWith("\n\n").doesNotContain("\r");
  }

  private static Path goldenDir() {
    return Path.of(System.getProperty("trailwarden.projectDir", "."), "src", "test", "resources", "report", "golden");
  }
}
