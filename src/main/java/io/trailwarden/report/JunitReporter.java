package io.trailwarden.report;

import io.trailwarden.finding.Baseline;
import io.trailwarden.finding.Evaluation;
import io.trailwarden.finding.Finding;
import io.trailwarden.finding.Status;
import io.trailwarden.policy.RuleMetadata;
import java.io.IOException;
import java.io.Writer;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML that both the Jenkins xUnit schema (junit-10.xsd) and the Ant schema (JUnit.xsd) accept
 * (architecture.md §6), so any CI test-report view can show the scan. The stricter of the two wins everywhere:
 * Ant forbids attributes on {@code <testsuites>}, requires {@code package} and {@code id} on each suite,
 * a zone-less timestamp, and the child order properties, testcases, system-out, system-err.
 *
 * <p>One suite per rule, one test case per (rule, resource): FAIL is a {@code <failure>}, UNKNOWN an
 * {@code <error>} (missing evidence is not a pass), WAIVED a {@code <skipped>}, PASS has no child.
 */
public final class JunitReporter implements Reporter {
  /** The Rego package prefix of every rule; Ant's {@code package} names where the "class" lives. */
  static final String PACKAGE = "trailwarden.rules";

  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

  @Override
  public ReportFormat format() {
    return ReportFormat.JUNIT;
  }

  @Override
  public void write(Evaluation evaluation, Writer out) throws IOException {
    try {
      // The JDK's own writer, whatever StAX implementation the classpath brings, so output is stable.
      Xml xml = new Xml(XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out));
      xml.writer.writeStartDocument("UTF-8", "1.0");
      xml.newline(0);
      xml.writer.writeStartElement("testsuites");
      String timestamp = TIMESTAMP.format(evaluation.collectedAt().truncatedTo(ChronoUnit.SECONDS));
      // Machine host names would make reports differ between runners; the organization is the "host".
      String hostname = evaluation.organizationId().filter(id -> !id.isBlank()).orElse("trailwarden");
      List<RuleMetadata> rules = evaluation.rules().stream().sorted(Comparator.comparing(RuleMetadata::id)).toList();
      for (int id = 0; id < rules.size(); id++) {
        RuleMetadata rule = rules.get(id);
        List<Finding> findings = evaluation.findingsOf(rule.id());
        xml.newline(1);
        xml.writer.writeStartElement("testsuite");
        xml.attribute("name", rule.id());
        xml.attribute("tests", findings.size());
        xml.attribute("failures", count(findings, Status.FAIL));
        xml.attribute("errors", count(findings, Status.UNKNOWN));
        xml.attribute("skipped", count(findings, Status.WAIVED));
        xml.attribute("time", "0");
        xml.attribute("timestamp", timestamp);
        xml.attribute("hostname", hostname);
        xml.attribute("package", PACKAGE);
        xml.attribute("id", id);
        properties(xml, evaluation, rule, findings);
        for (Finding finding : findings) {
          testcase(xml, evaluation, finding);
        }
        xml.newline(2);
        xml.writer.writeEmptyElement("system-out");
        xml.newline(2);
        xml.writer.writeEmptyElement("system-err");
        xml.newline(1);
        xml.writer.writeEndElement();
      }
      xml.newline(0);
      xml.writer.writeEndElement();
      xml.writer.writeEndDocument();
      xml.writer.close(); // flushes, and leaves out open
    } catch (XMLStreamException e) {
      if (e.getCause() instanceof IOException io) {
        throw io; // the file, not the XML
      }
      throw new IllegalStateException("cannot write JUnit XML: " + e.getMessage(), e);
    }
    out.write('\n');
  }

  /** The rule's own description, so that a CI test view explains the suite. */
  private static void properties(Xml xml, Evaluation evaluation, RuleMetadata rule, List<Finding> findings)
      throws XMLStreamException {
    xml.newline(2);
    xml.writer.writeStartElement("properties");
    xml.property("title", rule.title());
    xml.property("severity", rule.severity().id());
    for (var framework : rule.frameworks().entrySet()) {
      xml.property("framework." + framework.getKey(), String.join(", ", framework.getValue()));
    }
    if (evaluation.baseline().isPresent()) {
      xml.property("baseline", evaluation.baseline().get().source());
      xml.property("baseline.new", String.valueOf(findings.stream()
          .filter(f -> evaluation.baselineState(f).orElse(null) == Baseline.State.NEW).count()));
      xml.property("baseline.fixed", String.valueOf(evaluation.baseline().get().fixed().stream()
          .filter(f -> f.ruleId().equals(rule.id())).count()));
      xml.property("baseline.notRechecked", String.valueOf(evaluation.baseline().get().notRechecked().stream()
          .filter(f -> f.ruleId().equals(rule.id())).count()));
    }
    xml.newline(2);
    xml.writer.writeEndElement();
  }

  private static void testcase(Xml xml, Evaluation evaluation, Finding finding) throws XMLStreamException {
    xml.newline(2);
    if (finding.status() == Status.PASS) {
      xml.writer.writeEmptyElement("testcase");
      testcaseAttributes(xml, finding);
      return;
    }
    xml.writer.writeStartElement("testcase");
    testcaseAttributes(xml, finding);
    xml.newline(3);
    String resource = "\nResource: " + finding.resource();
    switch (finding.status()) {
      case FAIL -> {
        xml.writer.writeStartElement("failure");
        xml.attribute("message", ReportSupport.oneLine(finding.message()));
        xml.attribute("type", finding.severity().id());
        // Neither JUnit schema lets a testcase carry properties, so the baseline state is a line of the
        // failure's text, and the suite's properties count new failures.
        xml.text(finding.message().strip() + resource + "\nFix: " + ReportSupport.fix(evaluation, finding)
            + evaluation.baselineState(finding).map(state -> "\nBaseline: " + (state == Baseline.State.NEW
                ? "new since " : "also failing in ") + evaluation.baseline().orElseThrow().source()).orElse(""));
        xml.writer.writeEndElement();
      }
      case UNKNOWN -> {
        xml.writer.writeStartElement("error");
        xml.attribute("message", ReportSupport.oneLine(finding.message()));
        xml.attribute("type", "evidence-missing");
        xml.text(finding.message().strip() + resource);
        xml.writer.writeEndElement();
      }
      case WAIVED -> {
        // Ant's <skipped> allows no "type" attribute, only a message.
        xml.writer.writeEmptyElement("skipped");
        xml.attribute("message", ReportSupport.waived(finding));
      }
      case PASS -> throw new IllegalStateException("a PASS test case has no child");
    }
    xml.newline(2);
    xml.writer.writeEndElement();
  }

  private static void testcaseAttributes(Xml xml, Finding finding) throws XMLStreamException {
    xml.attribute("name", name(finding));
    xml.attribute("classname", classname(finding));
    xml.attribute("time", "0");
  }

  /** "[high] cloudtrail_org_trail_multi_region_enabled: arn:aws:cloudtrail:...": sortable and greppable. */
  static String name(Finding finding) {
    return "[" + finding.severity().id() + "] " + finding.ruleId() + ": " + finding.resource();
  }

  /** "aws.111111111111.us-east-1.cloudtrail": CI views group test cases by this dotted "class". */
  static String classname(Finding finding) {
    return String.join(".", "aws", dotted(ReportSupport.place(finding.accountId())),
        dotted(ReportSupport.place(finding.region())), dotted(finding.service()));
  }

  private static String dotted(String part) {
    int i = 0;
    while (i < part.length() && dotted(part.charAt(i))) {
      i++;
    }
    if (!part.isEmpty() && i == part.length()) {
      return part; // the usual case, without a regular expression per test case
    }
    String cleaned = part.replaceAll("[^A-Za-z0-9_-]", "_");
    return cleaned.isEmpty() ? "_" : cleaned;
  }

  private static boolean dotted(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  }

  private static long count(List<Finding> findings, Status status) {
    return findings.stream().filter(f -> f.status() == status).count();
  }

  /** The stream writer with the indentation, attribute and text conventions of this report. */
  private record Xml(XMLStreamWriter writer) {
    void newline(int depth) throws XMLStreamException {
      writer.writeCharacters("\n" + "  ".repeat(depth));
    }

    /** Attribute values are single lines: XML parsers turn a raw line break into a space anyway. */
    void attribute(String name, String value) throws XMLStreamException {
      writer.writeAttribute(name, legal(ReportSupport.oneLine(value)));
    }

    void attribute(String name, long value) throws XMLStreamException {
      writer.writeAttribute(name, Long.toString(value));
    }

    void text(String text) throws XMLStreamException {
      writer.writeCharacters(legal(text.replace("\r\n", "\n").replace('\r', '\n')));
    }

    void property(String name, String value) throws XMLStreamException {
      newline(3);
      writer.writeEmptyElement("property");
      attribute("name", name);
      attribute("value", value);
    }

    /**
     * XML 1.0 cannot carry most control characters even escaped, and the stream writer does not check;
     * they become U+FFFD so that one odd byte in an AWS message does not make the file unreadable.
     */
    private static String legal(String text) {
      int i = 0;
      while (i < text.length() && legal(text.charAt(i))) {
        i++;
      }
      if (i == text.length()) {
        return text; // the usual case: no surrogate pair and nothing to replace
      }
      StringBuilder out = new StringBuilder(text.length());
      text.codePoints().forEach(c -> out.appendCodePoint(
          c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
              || (c >= 0x10000 && c <= 0x10FFFF) ? c : 0xFFFD));
      return out.toString();
    }

    private static boolean legal(char c) {
      return c >= 0x20 ? c <= 0xD7FF || (c >= 0xE000 && c <= 0xFFFD) : c == 0x9 || c == 0xA || c == 0xD;
    }
  }
}
