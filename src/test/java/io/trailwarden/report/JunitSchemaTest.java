package io.trailwarden.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xml.sax.SAXException;

/**
 * The JUnit XML against src/test/resources/report/junit-strict.xsd, which encodes what the Jenkins
 * xUnit schema and the Ant schema both require (DESIGN §6). The negative cases each break one rule of
 * one of the two real schemas and must be rejected, so the strict schema cannot silently drift to be
 * looser than the pair.
 */
class JunitSchemaTest {
  private static final Schema SCHEMA = load();

  static Stream<String> cases() {
    return Evaluations.CASES.keySet().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reportIsValid(String name) {
    String xml = new JunitReporter().render(Evaluations.CASES.get(name).get());
    assertThatCode(() -> validate(xml)).doesNotThrowAnyException();
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
        violation("both: testsuite without name", x -> x.replaceFirst("<testsuite name=\"[^\"]*\"", "<testsuite")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("violations")
  void strictSchemaRejects(String rule, UnaryOperator<String> breakIt) {
    String valid = new JunitReporter().render(Evaluations.mixed());
    String broken = breakIt.apply(valid);

    assertThat(broken).as("the mutation must change the report").isNotEqualTo(valid);
    assertThatThrownBy(() -> validate(broken)).as(rule).isInstanceOf(SAXException.class);
  }

  private static Arguments violation(String rule, UnaryOperator<String> breakIt) {
    return Arguments.of(rule, breakIt);
  }

  private static void validate(String xml) throws Exception {
    Validator validator = SCHEMA.newValidator();
    validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    validator.validate(new StreamSource(new StringReader(xml)));
  }

  private static Schema load() {
    try {
      SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      return factory.newSchema(JunitSchemaTest.class.getResource("/report/junit-strict.xsd"));
    } catch (SAXException e) {
      throw new IllegalStateException("junit-strict.xsd does not load: " + e.getMessage(), e);
    }
  }
}
