package io.trailwarden.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.trailwarden.InputFiles;
import io.trailwarden.InvalidInputException;
import io.trailwarden.JsonProblems;
import io.trailwarden.YamlLines;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Loads config.yaml; every mistake is reported as {@code file:line:column: what is wrong}. */
public final class ConfigLoader {
  private static final ObjectMapper YAML = YAMLMapper.builder()
      .addModule(new Jdk8Module())
      .addModule(new JavaTimeModule())
      .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
      // "4" is not a number and 1 is not true: a value of the wrong kind is a mistake to report, not to guess at.
      .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
      .build();

  private ConfigLoader() {}

  /** A loaded config and its source text, kept to point at lines in later checks. */
  public record Loaded(Config config, Path file, String text) {}

  public static Loaded load(Path file) {
    String text = InputFiles.read(file, "config");
    return new Loaded(parse(text, file.toString()), file, text);
  }

  static Config parse(String text, String source) {
    YamlShape.check(text, source);
    try {
      return YAML.readValue(text, Config.class);
    } catch (JsonMappingException e) {
      String line = YamlLines.lineOf(text, e).orElse(at(e.getLocation()));
      throw new InvalidInputException(source + line + ": " + describe(e));
    } catch (JsonProcessingException e) {
      throw new InvalidInputException(source + at(e.getLocation()) + ": not valid YAML: " + e.getOriginalMessage());
    }
  }

  private static String describe(JsonMappingException e) {
    String path = e.getPath().stream()
        .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining()).replaceFirst("^\\.", "");
    if (e instanceof UnrecognizedPropertyException u) {
      String parent = path.contains(".") ? path.substring(0, path.lastIndexOf('.')) : "";
      return "unknown key '" + u.getPropertyName() + "'" + (parent.isEmpty() ? "" : " under " + parent)
          + "; known keys: " + u.getKnownPropertyIds().stream().map(Object::toString).sorted()
              .collect(Collectors.joining(", "));
    }
    if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
      return path + ": '" + f.getValue() + "' is not one of "
          + Arrays.stream(f.getTargetType().getEnumConstants()).map(c -> c.toString().toLowerCase(Locale.ROOT))
              .collect(Collectors.joining(", "));
    }
    if (e instanceof InvalidFormatException f && f.getTargetType() == java.time.LocalDate.class) {
      return path + ": '" + f.getValue() + "' is not a valid " + expected(f.getTargetType());
    }
    if (e instanceof ValueInstantiationException v && v.getCause() != null) {
      return (path.isEmpty() ? "" : path + ": ") + v.getCause().getMessage();
    }
    return (path.isEmpty() ? "" : path + ": ") + JsonProblems.describe(e);
  }

  private static String expected(Class<?> type) {
    if (type == java.time.LocalDate.class) {
      return "date (YYYY-MM-DD)";
    }
    return type == null ? "value" : type.getSimpleName().toLowerCase(Locale.ROOT);
  }

  private static String at(JsonLocation location) {
    return location == null || location.getLineNr() < 1 ? "" : ":" + location.getLineNr() + ":" + location.getColumnNr();
  }
}
