package io.trailwarden.policy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.trailwarden.snapshot.FilterPattern.Condition;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The CIS monitoring controls of {@code rules/cloudwatch/monitoring_controls.yaml}: which events the
 * metric filter of each must match. The rules are generated from them (MonitoringRulesTest), and the
 * remediation creates filters with {@link Control#pattern()}.
 */
public final class MonitoringControls {
  /** Where the file is inside the jar (the rules travel there) and under the project. */
  public static final String RESOURCE = "/trailwarden/rules/cloudwatch/monitoring_controls.yaml";
  private static final Set<String> UNARY = Set.of("IS NULL", "IS TRUE", "IS FALSE", "EXISTS", "NOT EXISTS");

  private MonitoringControls() {}

  /** One control: its rule id, the events it watches, its framework ids and the metric the fix publishes. */
  public record Control(String id, String what, String cis, Optional<String> securityHub, String severity, String remediationId,
      String metricName, List<Condition> all, List<Condition> anyOf, List<Condition> mayNarrow) {
    public Control {
      all = List.copyOf(all);
      anyOf = List.copyOf(anyOf);
      mayNarrow = List.copyOf(mayNarrow);
    }

    /** The alternatives a filter must cover: {@code all} plus one of {@code anyOf} each, or {@code all} alone. */
    public List<List<Condition>> alternatives() {
      if (anyOf.isEmpty()) {
        return List.of(all);
      }
      return anyOf.stream().map(a -> {
        List<Condition> term = new ArrayList<>(all);
        term.add(a);
        return List.copyOf(term);
      }).toList();
    }

    /** The filter pattern the remediation creates: every condition of {@code all}, and any of {@code anyOf}. */
    public String pattern() {
      List<String> parts = all.stream().map(c -> "(" + text(c) + ")").collect(Collectors.toCollection(ArrayList::new));
      if (!anyOf.isEmpty()) {
        String any = anyOf.stream().map(c -> "(" + text(c) + ")").collect(Collectors.joining(" || "));
        parts.add(all.isEmpty() ? any : "(" + any + ")");
      }
      return "{ " + String.join(" && ", parts) + " }";
    }
  }

  @JsonIgnoreProperties(ignoreUnknown = false)
  record File(List<Entry> controls) {}

  record Entry(String id, String what, String cis, String securityHub, String severity, String remediationId, String metricName,
      String eventSource, List<String> eventNames, List<Written> all, List<Written> anyOf, List<Written> mayNarrow) {}

  record Written(String selector, String operator, String value) {}

  public static List<Control> load() {
    try (InputStream in = MonitoringControls.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("monitoring controls missing from the build: " + RESOURCE);
      }
      return parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Control> parse(InputStream in) throws IOException {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    File file = yaml.readValue(in, File.class);
    return file.controls().stream().map(MonitoringControls::control).toList();
  }

  private static Control control(Entry e) {
    List<Condition> all = new ArrayList<>();
    if (e.eventSource() != null) {
      all.add(new Condition("$.eventSource", "=", e.eventSource(), "string"));
    }
    all.addAll(conditions(e.all()));
    List<Condition> anyOf = new ArrayList<>(conditions(e.anyOf()));
    if (e.eventNames() != null) {
      e.eventNames().forEach(name -> anyOf.add(new Condition("$.eventName", "=", name, "string")));
    }
    return new Control(e.id(), e.what(), e.cis(), Optional.ofNullable(e.securityHub()), e.severity(), e.remediationId(),
        e.metricName(), all, anyOf, conditions(e.mayNarrow()));
  }

  private static List<Condition> conditions(List<Written> written) {
    if (written == null) {
      return List.of();
    }
    return written.stream().map(w -> UNARY.contains(w.operator())
        ? new Condition(w.selector(), w.operator(), "", "none")
        : new Condition(w.selector(), w.operator(), w.value(), "string")).toList();
  }

  /** A condition as a filter pattern writes it; string values are quoted. */
  static String text(Condition c) {
    if (c.kind().equals("none")) {
      return c.selector() + " " + c.operator();
    }
    String value = c.kind().equals("string") ? "\"" + c.value().replace("\\", "\\\\").replace("\"", "\\\"") + "\"" : c.value();
    return c.selector() + " " + c.operator() + " " + value;
  }
}
