package io.trailwarden.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.NullNode;
import io.trailwarden.finding.Evaluation;
import io.trailwarden.finding.Finding;
import io.trailwarden.policy.Severity;
import io.trailwarden.finding.Status;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JunitReporterTest {
  private final JunitReporter reporter = new JunitReporter();

  @Test
  void countsPerSuiteFollowStatuses() throws Exception {
    Evaluation evaluation = Evaluations.mixed();
    Document xml = parse(reporter.render(evaluation));
    NodeList suites = xml.getElementsByTagName("testsuite");

    assertThat(suites.getLength()).isEqualTo(evaluation.rules().size());
    for (int i = 0; i < suites.getLength(); i++) {
      Element suite = (Element) suites.item(i);
      List<Finding> findings = evaluation.findingsOf(suite.getAttribute("name"));
      assertThat(suite.getAttribute("id")).isEqualTo(Integer.toString(i));
      assertThat(suite.getAttribute("tests")).isEqualTo(Integer.toString(findings.size()));
      assertThat(suite.getAttribute("failures")).isEqualTo(count(findings, Status.FAIL));
      assertThat(suite.getAttribute("errors")).isEqualTo(count(findings, Status.UNKNOWN));
      assertThat(suite.getAttribute("skipped")).isEqualTo(count(findings, Status.WAIVED));
      assertThat(suite.getElementsByTagName("testcase").getLength()).isEqualTo(findings.size());
      assertThat(suite.getElementsByTagName("failure").getLength()).isEqualTo(Integer.parseInt(count(findings, Status.FAIL)));
      assertThat(suite.getElementsByTagName("error").getLength()).isEqualTo(Integer.parseInt(count(findings, Status.UNKNOWN)));
      assertThat(suite.getElementsByTagName("skipped").getLength()).isEqualTo(Integer.parseInt(count(findings, Status.WAIVED)));
    }
    // The fixture covers every status, so every branch above was exercised.
    assertThat(xml.getElementsByTagName("failure").getLength()).isEqualTo(5);
    assertThat(xml.getElementsByTagName("error").getLength()).isEqualTo(1);
    assertThat(xml.getElementsByTagName("skipped").getLength()).isEqualTo(1);
  }

  @Test
  void suitesCarryTheSnapshotTimeWithoutZoneAndTheOrganizationAsHost() throws Exception {
    Element suite = (Element) parse(reporter.render(Evaluations.mixed())).getElementsByTagName("testsuite").item(0);
    assertThat(suite.getAttribute("timestamp")).isEqualTo("2026-11-23T06:00:07");
    assertThat(suite.getAttribute("hostname")).isEqualTo("o-a1b2c3d4e5");

    Element withoutOrganization =
        (Element) parse(reporter.render(Evaluations.noFindings())).getElementsByTagName("testsuite").item(0);
    assertThat(withoutOrganization.getAttribute("hostname")).isEqualTo("trailwarden");
    assertThat(withoutOrganization.getAttribute("tests")).isEqualTo("0");
  }

  @Test
  void failureCarriesSeverityMessageResourceAndFix() throws Exception {
    Element failure = (Element) parse(reporter.render(Evaluations.mixed())).getElementsByTagName("failure").item(0);
    Element testcase = (Element) failure.getParentNode();

    assertThat(testcase.getAttribute("name")).isEqualTo(
        "[medium] cloudtrail_org_trail_cloudwatch_logs_enabled: " + Evaluations.ORG_TRAIL);
    assertThat(testcase.getAttribute("classname")).isEqualTo("aws.111111111111.us-east-1.cloudtrail");
    assertThat(failure.getAttribute("type")).isEqualTo("medium");
    assertThat(failure.getAttribute("message")).doesNotContain("\n").contains("CloudWatch Logs. CloudWatchLogsLogGroupArn |");
    assertThat(failure.getTextContent()).contains("\nCloudWatchLogsLogGroupArn |", "\nResource: " + Evaluations.ORG_TRAIL,
        "\nFix: Configure a CloudWatch Logs log group");
  }

  @Test
  void oddPlacesAndControlCharactersStayWellFormed() throws Exception {
    Finding odd = Evaluations.fail(Evaluations.BUCKET_WRITE, Severity.HIGH, "arn:aws:s3:::odd", "", "eu west.1",
        "bad\u0001byte <x> & \"q\"", Optional.empty(), NullNode.getInstance());
    Evaluation evaluation = new Evaluation("0.1.0", Instant.parse("2026-11-23T06:00:00Z"), "111111111111",
        Optional.empty(), Evaluations.rules(), List.of(odd), List.of(), List.of());

    Element testcase = (Element) parse(reporter.render(evaluation)).getElementsByTagName("testcase").item(0);

    assertThat(testcase.getAttribute("classname")).isEqualTo("aws.unknown.eu_west_1.s3");
    assertThat(((Element) testcase.getElementsByTagName("failure").item(0)).getAttribute("message"))
        .isEqualTo("bad\uFFFDbyte <x> & \"q\"");
  }

  private static String count(List<Finding> findings, Status status) {
    return Long.toString(findings.stream().filter(f -> f.status() == status).count());
  }

  static Document parse(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }
}
