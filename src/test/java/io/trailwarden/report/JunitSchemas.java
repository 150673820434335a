package io.trailwarden.report;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.xml.sax.SAXException;

/**
 * The two JUnit XML schemas TrailWarden's consumers validate against, vendored unchanged under
 * src/test/resources/report/schemas (origin and licence in the README there). They disagree, so a report
 * must satisfy both: the Jenkins xUnit plugin's junit-10.xsd and the Apache Ant JUnit.xsd.
 */
public enum JunitSchemas {
  JENKINS("Jenkins", "junit-jenkins-10.xsd"),
  ANT("Ant", "junit-ant.xsd");

  private final String label;
  private final Schema schema;

  JunitSchemas(String label, String file) {
    this.label = label;
    try {
      SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      this.schema = factory.newSchema(JunitSchemas.class.getResource("/report/schemas/" + file));
    } catch (SAXException e) {
      throw new IllegalStateException(file + " does not load: " + e.getMessage(), e);
    }
  }

  /** The schema a test names by its consumer, "Jenkins" or "Ant". */
  public static JunitSchemas byLabel(String label) {
    return Stream.of(values()).filter(s -> s.label.equals(label)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no JUnit schema is called " + label));
  }

  @Override
  public String toString() {
    return label;
  }

  /** Validates the document against this schema; a violation is a {@link SAXException} naming line and column. */
  public void validate(String xml) throws SAXException, IOException {
    Validator validator = schema.newValidator();
    validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    validator.validate(new StreamSource(new StringReader(xml)));
  }

  /** Validates a report file against both schemas, naming the file and the schema in the error. */
  public static void validateBoth(Path report) throws IOException {
    String xml = Files.readString(report);
    for (JunitSchemas schema : values()) {
      try {
        schema.validate(xml);
      } catch (SAXException e) {
        throw new AssertionError(report + " is not valid under " + schema + ": " + e.getMessage(), e);
      }
    }
  }
}
