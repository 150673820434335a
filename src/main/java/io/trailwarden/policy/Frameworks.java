package io.trailwarden.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.trailwarden.InputFiles;
import io.trailwarden.InvalidInputException;
import io.trailwarden.YamlLines;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The compliance frameworks named in {@code rules/frameworks.yaml}: their names and the titles of the
 * controls the rules cover. Which rule covers which control is the rules' own METADATA
 * ({@code custom.frameworks}); this file only names them.
 */
public record Frameworks(List<Framework> frameworks) {
  static final String FILE = "frameworks.yaml";
  private static final ObjectMapper YAML = YAMLMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  public Frameworks {
    frameworks = frameworks == null ? List.of() : List.copyOf(frameworks);
  }

  /** A framework: its id as rules name it, its full name, and the controls TrailWarden covers. */
  public record Framework(String id, String name, String url, List<Control> controls) {
    public Framework {
      controls = controls == null ? List.of() : List.copyOf(controls);
    }

    public Optional<Control> control(String controlId) {
      return controls.stream().filter(c -> c.id().equals(controlId)).findFirst();
    }
  }

  /**
   * One control of a framework, e.g. 3.2 "Ensure CloudTrail log file validation is enabled".
   *
   * @param uncovered why no rule implements the control (it is listed so that reports show the gap);
   *     null for a control that rules implement
   */
  public record Control(String id, String title, String uncovered) {
    public Control(String id, String title) {
      this(id, title, null);
    }

    /** Why TrailWarden does not judge this control, when it does not. */
    public Optional<String> whyUncovered() {
      return Optional.ofNullable(uncovered).filter(s -> !s.isBlank());
    }
  }

  public static Frameworks none() {
    return new Frameworks(List.of());
  }

  /** The frameworks file of a rules directory; none when the directory has no such file. */
  public static Frameworks read(Path rulesDir) {
    Path file = rulesDir.resolve(FILE);
    if (!Files.exists(file)) {
      return none();
    }
    String text = InputFiles.read(file, "frameworks");
    try {
      Frameworks read = YAML.readValue(text, Frameworks.class);
      return read == null ? none() : read;
    } catch (JsonMappingException e) {
      // Jackson points past the offending token; the node's own line is exact.
      String line = YamlLines.lineOf(text, e).orElse("");
      throw new InvalidInputException(file + line + ": " + e.getOriginalMessage());
    } catch (JsonProcessingException e) {
      String line = Optional.ofNullable(e.getLocation()).map(l -> ":" + l.getLineNr()).orElse("");
      throw new InvalidInputException(file + line + ": not valid YAML: " + e.getOriginalMessage());
    }
  }

  public Optional<Framework> find(String id) {
    return frameworks.stream().filter(f -> f.id().equals(id)).findFirst();
  }

  /** The control's title, when the file names it. */
  public Optional<String> title(String frameworkId, String controlId) {
    return find(frameworkId).flatMap(f -> f.control(controlId)).map(Control::title);
  }
}
