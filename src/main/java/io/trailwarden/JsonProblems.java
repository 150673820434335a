package io.trailwarden;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Says what is wrong with a JSON or YAML value in the user's terms. Jackson's own messages name Java
 * classes ({@code Cannot construct instance of `io.trailwarden...`}), which mean nothing to the person
 * who wrote the file.
 */
public final class JsonProblems {
  private JsonProblems() {}

  /**
   * A syntax error (or trailing data) in the user's terms, with its line and column when known:
   * {@code ":3:14: not valid JSON: ..."}, to follow the file name.
   */
  public static String syntax(com.fasterxml.jackson.core.JsonProcessingException e) {
    var location = e.getLocation();
    String at = location == null || location.getLineNr() < 1 ? "" : ":" + location.getLineNr() + ":" + location.getColumnNr();
    String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    if (original.startsWith("Trailing token")) {
      return at + ": there is more data after the JSON document ends; a file holds exactly one";
    }
    return at + ": not valid JSON: " + original.replaceAll("`[^`]*`", "this value").replaceAll("(?s)\\n.*$", "");
  }

  /** The JSON path of the value the error is about, {@code $.a[0].b}. */
  public static String path(JsonMappingException e) {
    return "$" + e.getPath().stream()
        .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining());
  }

  /** What is wrong, without the path: "'x' is not one of a, b", "must be a string", "lacks reason". */
  public static String describe(JsonMappingException e) {
    if (e instanceof UnrecognizedPropertyException u) {
      return "unknown key '" + u.getPropertyName() + "'; known keys: " + u.getKnownPropertyIds().stream()
          .map(Object::toString).sorted().collect(Collectors.joining(", "));
    }
    if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
      return "'" + f.getValue() + "' is not one of " + Arrays.stream(f.getTargetType().getEnumConstants())
          .map(c -> c.toString().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
    }
    if (e instanceof InvalidFormatException f) {
      return "'" + f.getValue() + "' is not " + kind(f.getTargetType());
    }
    if (e instanceof ValueInstantiationException v && v.getCause() != null && v.getCause().getMessage() != null) {
      return v.getCause().getMessage();
    }
    String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    if (original.startsWith("Missing required creator property")) {
      return "lacks '" + original.replaceFirst("^Missing required creator property '([^']*)'.*", "$1") + "'";
    }
    if (original.contains("Cannot map `null`") || original.contains("null value")) {
      return "must not be null";
    }
    if (e instanceof MismatchedInputException m) {
      return "must be " + kind(m.getTargetType());
    }
    // Whatever else Jackson says, keep its first clause and drop the Java names it carries.
    return original.replaceAll("`[^`]*`", "this value").replaceAll("(?s)\\s*\\(.*$", "").replaceAll("(?s)\\n.*$", "");
  }

  /** "a string", "a whole number", a list, ... for a Java type. */
  public static String kind(Class<?> type) {
    if (type == null) {
      return "a value of the right kind";
    }
    if (type == String.class || type == java.util.Optional.class) {
      return "a string";
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "a whole number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == java.time.LocalDate.class) {
      return "a date (YYYY-MM-DD)";
    }
    if (type == java.time.Instant.class) {
      return "a UTC time (ISO-8601, e.g. 2026-11-23T10:00:00Z)";
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "a list";
    }
    if (Map.class.isAssignableFrom(type) || type.isRecord()) {
      return "a mapping of keys to values";
    }
    if (type.isEnum()) {
      return "one of " + Arrays.stream(type.getEnumConstants()).map(c -> c.toString().toLowerCase(Locale.ROOT))
          .collect(Collectors.joining(", "));
    }
    return "a " + type.getSimpleName().toLowerCase(Locale.ROOT);
  }
}
