package io.trailwarden.investigate;

import io.trailwarden.InvalidInputException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A saved investigation: one SQL file over the {@code events} table ({@link EventSchema}), whose leading
 * {@code --} comment lines are its metadata:
 *
 * <pre>
 * -- id: cross_account_assume_role
 * -- title: Cross-account role assumptions
 * -- description: ...
 * -- window: 24h
 * -- param: role text % LIKE pattern of the assumed role's ARN
 * -- columns: event_time, caller_account, ...
 * </pre>
 *
 * A parameter is {@code name type default description}; its type is {@code int}, {@code text} or
 * {@code list} (comma-separated texts), and a default of {@code @name} is filled from the organization
 * ({@link #CONTEXT}). The SQL names it as {@code {{name}}}, replaced by a SQL literal of its value, so a
 * value can never change the statement's shape.
 */
public record Investigation(String id, String title, String description, Duration window, List<Param> params,
    List<String> columns, String sql, String source) {
  /** Defaults the organization fills: the organization trail's name, its bucket, the sensitive buckets and tables. */
  public static final Set<String> CONTEXT = Set.of("trail", "log_bucket", "sensitive_buckets", "sensitive_tables");
  private static final Pattern HEADER = Pattern.compile("^--\\s*([a-z]+):\\s*(.*)$");
  private static final Pattern PARAM = Pattern.compile("^([a-z][a-z0-9_]*)\\s+(int|text|list)\\s+(\\S+)\\s*(.*)$");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([^}]*)}}");
  private static final Pattern ID = Pattern.compile("^[a-z][a-z0-9_]*$");
  private static final Pattern WINDOW = Pattern.compile("^([0-9]+)([hd])$");

  public Investigation {
    params = List.copyOf(params);
    columns = List.copyOf(columns);
  }

  public enum Type { INT, TEXT, LIST }

  /** {@code defaultValue} is the text as written; {@code @name} means the organization's value. */
  public record Param(String name, Type type, String defaultValue, String description) {}

  /** Parses a file's text; {@code source} names the file in every error. */
  public static Investigation parse(String text, String source) {
    Map<String, String> fields = new LinkedHashMap<>();
    List<Param> params = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    int body = 0;
    for (; body < lines.length; body++) {
      String line = lines[body].strip();
      if (line.isEmpty()) {
        continue;
      }
      if (!line.startsWith("--")) {
        break;
      }
      Matcher m = HEADER.matcher(line);
      if (!m.matches()) {
        continue; // a plain comment
      }
      String key = m.group(1);
      String value = m.group(2).strip();
      int lineNo = body + 1;
      switch (key) {
        case "param" -> params.add(param(value, source, lineNo));
        case "id", "title", "description", "window", "columns" -> {
          if (fields.containsKey(key)) {
            throw error(source, lineNo, "'" + key + "' is given twice");
          }
          fields.put(key, value);
        }
        default -> throw error(source, lineNo, "unknown header field '" + key
            + "' (expected id, title, description, window, param, columns)");
      }
    }
    for (String required : List.of("id", "title", "description", "window", "columns")) {
      if (!fields.containsKey(required) || fields.get(required).isEmpty()) {
        throw new InvalidInputException(source + ": the header has no '-- " + required + ":' line");
      }
    }
    String id = fields.get("id");
    if (!ID.matcher(id).matches()) {
      throw new InvalidInputException(source + ": id '" + id + "' is not lower_snake_case");
    }
    Matcher w = WINDOW.matcher(fields.get("window"));
    if (!w.matches()) {
      throw new InvalidInputException(source + ": window '" + fields.get("window") + "' is not a duration such as 24h or 7d");
    }
    Duration window = w.group(2).equals("h") ? Duration.ofHours(Long.parseLong(w.group(1)))
        : Duration.ofDays(Long.parseLong(w.group(1)));
    List<String> columns = List.of(fields.get("columns").split("\\s*,\\s*"));
    String sql = String.join("\n", List.of(lines).subList(body, lines.length)).strip();
    if (sql.isEmpty()) {
      throw new InvalidInputException(source + ": no SQL after the header");
    }
    Set<String> declared = new LinkedHashSet<>();
    for (Param p : params) {
      if (!declared.add(p.name())) {
        throw new InvalidInputException(source + ": parameter '" + p.name() + "' is declared twice");
      }
    }
    Set<String> used = new LinkedHashSet<>();
    Matcher placeholder = PLACEHOLDER.matcher(sql);
    while (placeholder.find()) {
      String name = placeholder.group(1).strip();
      if (!declared.contains(name)) {
        throw new InvalidInputException(source + ": the SQL uses {{" + name + "}}, which no '-- param:' line declares");
      }
      used.add(name);
    }
    for (String name : declared) {
      if (!used.contains(name)) {
        throw new InvalidInputException(source + ": parameter '" + name + "' is declared but the SQL never uses {{" + name + "}}");
      }
    }
    return new Investigation(id, fields.get("title"), fields.get("description"), window, params, columns, sql, source);
  }

  private static Param param(String value, String source, int line) {
    Matcher m = PARAM.matcher(value);
    if (!m.matches()) {
      throw error(source, line, "a parameter is 'name int|text|list default description', not '" + value + "'");
    }
    Type type = Type.valueOf(m.group(2).toUpperCase(java.util.Locale.ROOT));
    String defaultValue = m.group(3);
    if (defaultValue.startsWith("@")) {
      if (!CONTEXT.contains(defaultValue.substring(1))) {
        throw error(source, line, "default " + defaultValue + " is not one the organization fills (" + String.join(", ",
            CONTEXT.stream().sorted().map(c -> "@" + c).toList()) + ")");
      }
    } else if (type == Type.INT && !defaultValue.matches("-?[0-9]+")) {
      throw error(source, line, "the default of int parameter '" + m.group(1) + "' is not a number: " + defaultValue);
    }
    return new Param(m.group(1), type, defaultValue, m.group(4).strip());
  }

  private static InvalidInputException error(String source, int line, String message) {
    return new InvalidInputException(source + " line " + line + ": " + message);
  }

  /**
   * The SQL with every parameter replaced by a literal: the value given, else the default, an
   * {@code @name} default taken from {@code context}. A given name that is not a parameter is refused.
   */
  public String render(Map<String, String> given, Map<String, List<String>> context) {
    return render(given, context, Engine.DUCKDB);
  }

  /** As above, with the list literals of the engine's dialect (DuckDB {@code ['a']}, Athena {@code ARRAY['a']}). */
  public String render(Map<String, String> given, Map<String, List<String>> context, Engine engine) {
    Map<String, Param> byName = new LinkedHashMap<>();
    params.forEach(p -> byName.put(p.name(), p));
    for (String name : given.keySet()) {
      if (!byName.containsKey(name)) {
        throw new InvalidInputException("--param " + name + ": investigation " + id + " has no such parameter ("
            + (byName.isEmpty() ? "it has none" : "it has " + String.join(", ", byName.keySet())) + ")");
      }
    }
    Matcher m = PLACEHOLDER.matcher(sql);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      Param p = byName.get(m.group(1).strip());
      m.appendReplacement(out, Matcher.quoteReplacement(literal(p, given, context, engine)));
    }
    m.appendTail(out);
    return out.toString();
  }

  private String literal(Param p, Map<String, String> given, Map<String, List<String>> context, Engine engine) {
    List<String> values;
    if (given.containsKey(p.name())) {
      String v = given.get(p.name());
      values = p.type() == Type.LIST ? (v.isBlank() ? List.of() : List.of(v.split("\\s*,\\s*"))) : List.of(v);
    } else if (p.defaultValue().startsWith("@")) {
      values = context.getOrDefault(p.defaultValue().substring(1), List.of());
    } else {
      values = p.type() == Type.LIST ? (p.defaultValue().equals("-") ? List.of() : List.of(p.defaultValue().split(",")))
          : List.of(p.defaultValue());
    }
    return switch (p.type()) {
      case INT -> {
        String v = values.isEmpty() ? "" : values.get(0).strip();
        if (!v.matches("-?[0-9]{1,18}")) {
          throw new InvalidInputException("--param " + p.name() + "=" + v + ": investigation " + id + " expects a whole number");
        }
        yield v;
      }
      case TEXT -> quote(values.isEmpty() ? "" : values.get(0));
      case LIST -> list(values, engine);
    };
  }

  private static String list(List<String> values, Engine engine) {
    String items = String.join(", ", values.stream().map(Investigation::quote).toList());
    return switch (engine) {
      case DUCKDB -> values.isEmpty() ? "CAST([] AS VARCHAR[])" : "[" + items + "]";
      case ATHENA -> values.isEmpty() ? "CAST(ARRAY[] AS ARRAY(VARCHAR))" : "ARRAY[" + items + "]";
    };
  }

  /** The same header (what it finds, parameters, columns), so two files are forms of one investigation. */
  public boolean sameHeader(Investigation other) {
    return id.equals(other.id) && title.equals(other.title) && description.equals(other.description)
        && window.equals(other.window) && params.equals(other.params) && columns.equals(other.columns);
  }

  static String quote(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
