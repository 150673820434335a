package io.trailwarden.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xml.sax.SAXException;

/**
 * The JUnit XML against both real schemas its consumers use ({@link JunitSchemas}): every rendered case and
 * every golden file must be valid under each. The negative cases each break one rule of the schema they
 * name, and that schema must reject them, so the reporter's tests cannot pass on a schema that accepts
 * anything.
 */
class JunitSchemaTest {
  static Stream<Arguments> casesBySchema() {
    return Evaluations.CASES.keySet().stream()
        .flatMap(name -> Stream.of(JunitSchemas.values()).map(schema -> Arguments.of(name, schema)));
  }

  @ParameterizedTest(name = "{0} under {1}")
  @MethodSource("casesBySchema")
  void reportIsValid(String name, JunitSchemas schema) {
    String xml = new JunitReporter().render(Evaluations.CASES.get(name).get());
    assertThatCode(() -> schema.validate(xml)).doesNotThrowAnyException();
  }

  @Test
  void everyGoldenFileIsValidUnderBoth() throws IOException {
    List<Path> golden = new ArrayList<>();
    try (var files = Files.list(Path.of("src/test/resources/report/golden"))) {
      files.filter(f -> f.getFileName().toString().endsWith(".junit.xml")).sorted().forEach(golden::add);
    }
    assertThat(golden).hasSameSizeAs(Evaluations.CASES.keySet());
    for (Path file : golden) {
      JunitSchemas.validateBoth(file);
    }
  }

  static Stream<Arguments> violations() {
    return Stream.of(
        violation("Ant: attribute on <testsuites>", x -> x.replace("<testsuites>", "<testsuites name=\"trailwarden\">")),
        violation("Ant: testsuite without hostname", x -> x.replaceFirst(" hostname=\"[^\"]*\"", "")),
        violation("Ant: testsuite without package", x -> x.replaceFirst(" package=\"[^\"]*\"", "")),
        violation("Ant: testsuite without id", x -> x.replaceFirst(" id=\"[^\"]*\"", "")),
        violation("Ant: testsuite without timestamp", x -> x.replaceFirst(" timestamp=\"[^\"]*\"", "")),
        violation("Ant: timestamp with a zone", x -> x.replaceFirst("timestamp=\"([^\"]*)\"", "timestamp=\"$1Z\"")),
        violation("Ant: testsuite with an attribute only Jenkins knows", x -> x.replaceFirst("<testsuite ", "<testsuite group=\"g\" ")),
        violation("Ant: system-out before a testcase", x -> x
            .replaceFirst("\n    <system-out/>", "")
            .replaceFirst("</properties>", "</properties>\n    <system-out/>")),
        violation("Ant: system-err before system-out", x -> x
            .replaceFirst("<system-out/>\n    <system-err/>", "<system-err/>\n    <system-out/>")),
        violation("Ant: testsuite without system-err", x -> x.replaceFirst("\n    <system-err/>", "")),
        violation("Ant: testsuite without properties", x -> x.replaceFirst("(?s)\n    <properties>.*?</properties>", "")),
        violation("Ant: testcase without classname", x -> x.replaceFirst(" classname=\"[^\"]*\"", "")),
        violation("Ant: testcase without time", x -> x.replaceFirst("(<testcase [^>]*) time=\"0\"", "$1")),
        violation("Ant: failure without type", x -> x.replaceFirst("(<failure [^>]*) type=\"[^\"]*\"", "$1")),
        violation("Ant: error without type", x -> x.replaceFirst(" type=\"evidence-missing\"", "")),
        violation("Ant: skipped with a type", x -> x.replaceFirst("<skipped ", "<skipped type=\"waiver\" ")),
        violation("Ant: two outcomes in one testcase", x -> x.replaceFirst("</failure>", "</failure>\n      <skipped/>")),
        violation("Ant: system-out inside a testcase", x -> x.replaceFirst("</failure>", "</failure>\n      <system-out/>")),
        violation("Ant: tests is not an integer", x -> x.replaceFirst("tests=\"1\"", "tests=\"one\"")),
        violation("Jenkins: suite time with four decimals", x -> x.replaceFirst("(<testsuite [^>]*)time=\"0\"", "$1time=\"0.0001\"")),
        violation("Jenkins and Ant: testsuite without name", x -> x.replaceFirst("<testsuite name=\"[^\"]*\"", "<testsuite")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("violations")
  void theNamedSchemaRejects(String rule, UnaryOperator<String> breakIt) {
    String valid = new JunitReporter().render(Evaluations.mixed());
    String broken = breakIt.apply(valid);

    assertThat(broken).as("the mutation must change the report").isNotEqualTo(valid);
    List<JunitSchemas> named = Stream.of(rule.substring(0, rule.indexOf(':')).split(" and "))
        .map(JunitSchemas::byLabel).toList();
    for (JunitSchemas schema : named) {
      assertThatThrownBy(() -> schema.validate(broken)).as(rule + " under " + schema).isInstanceOf(SAXException.class);
    }
  }

  private static Arguments violation(String rule, UnaryOperator<String> breakIt) {
    return Arguments.of(rule, breakIt);
  }
}
