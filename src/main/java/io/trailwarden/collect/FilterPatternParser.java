package io.trailwarden.collect;

import io.trailwarden.snapshot.FilterPattern;
import io.trailwarden.snapshot.FilterPattern.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Parses CloudWatch Logs filter patterns. JSON patterns ({@code { $.eventName = "ConsoleLogin" && ... }})
 * are turned into disjunctive normal form, so that a rule can ask, without parsing, whether the pattern
 * matches every event a CIS control describes: {@code &&} binds tighter than {@code ||}, parentheses
 * group, values are quoted or bare (a {@code *} in a string is a wildcard), numbers, or {@code %regex%};
 * {@code IS NULL}, {@code IS TRUE}, {@code IS FALSE}, {@code EXISTS} and {@code NOT EXISTS} take no value.
 * Other patterns (terms, quoted phrases, {@code ?} alternatives, {@code [..]} space-delimited) match
 * words of the raw event and are reported as {@code text}. Never throws: a malformed pattern comes back
 * {@code invalid} with the column and the reason.
 */
public final class FilterPatternParser {
  /** Beyond this many terms a pattern is not judged (each && of ||s multiplies them). */
  static final int MAX_TERMS = 4096;
  private static final Pattern NUMBER = Pattern.compile("-?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
  private static final String BARE_STOP = " \t\r\n()&|{}\"=!<>";

  private final String text;
  private int pos;

  private FilterPatternParser(String text) {
    this.text = text;
  }

  public static FilterPattern parse(String pattern) {
    String trimmed = pattern == null ? "" : pattern.strip();
    if (!trimmed.startsWith("{")) {
      return new FilterPattern(FilterPattern.TEXT, List.of(), Optional.empty());
    }
    FilterPatternParser parser = new FilterPatternParser(pattern);
    try {
      return new FilterPattern(FilterPattern.JSON, parser.document(), Optional.empty());
    } catch (Malformed e) {
      return new FilterPattern(FilterPattern.INVALID, List.of(), Optional.of(e.getMessage()));
    }
  }

  private static final class Malformed extends Exception {
    private static final long serialVersionUID = 1L;

    Malformed(String message) {
      super(message, null, false, false);
    }
  }

  private List<List<Condition>> document() throws Malformed {
    skipSpace();
    expect("{");
    List<List<Condition>> terms = or();
    skipSpace();
    expect("}");
    skipSpace();
    if (pos < text.length()) {
      throw malformed("unexpected text after the closing }");
    }
    return terms;
  }

  private List<List<Condition>> or() throws Malformed {
    List<List<Condition>> terms = new ArrayList<>(and());
    while (accept("||")) {
      terms.addAll(and());
      if (terms.size() > MAX_TERMS) {
        throw malformed("more than " + MAX_TERMS + " alternatives");
      }
    }
    return normal(terms);
  }

  private List<List<Condition>> and() throws Malformed {
    List<List<Condition>> terms = primary();
    while (accept("&&")) {
      List<List<Condition>> right = primary();
      if ((long) terms.size() * right.size() > MAX_TERMS) {
        throw malformed("more than " + MAX_TERMS + " alternatives");
      }
      List<List<Condition>> product = new ArrayList<>();
      for (List<Condition> l : terms) {
        for (List<Condition> r : right) {
          List<Condition> both = new ArrayList<>(l);
          both.addAll(r);
          product.add(both);
        }
      }
      terms = product;
    }
    return terms;
  }

  private List<List<Condition>> primary() throws Malformed {
    skipSpace();
    if (accept("(")) {
      List<List<Condition>> inner = or();
      skipSpace();
      expect(")");
      return inner;
    }
    return List.of(List.of(comparison()));
  }

  private Condition comparison() throws Malformed {
    String selector = selector();
    skipSpace();
    for (String op : List.of("!=", "<=", ">=", "=", "<", ">")) {
      if (text.startsWith(op, pos)) {
        pos += op.length();
        skipSpace();
        return value(selector, op);
      }
    }
    if (keyword("IS")) {
      for (String what : List.of("NULL", "TRUE", "FALSE")) {
        if (keyword(what)) {
          return new Condition(selector, "IS " + what, "", "none");
        }
      }
      throw malformed("expected NULL, TRUE or FALSE after IS");
    }
    if (keyword("NOT")) {
      if (keyword("EXISTS")) {
        return new Condition(selector, "NOT EXISTS", "", "none");
      }
      throw malformed("expected EXISTS after NOT");
    }
    if (keyword("EXISTS")) {
      return new Condition(selector, "EXISTS", "", "none");
    }
    throw malformed("expected an operator (=, !=, <, <=, >, >=, IS, NOT EXISTS) after " + selector);
  }

  private String selector() throws Malformed {
    int start = pos;
    if (!accept("$")) {
      throw malformed("expected a selector starting with $");
    }
    int parts = 0;
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == '.') {
        pos++;
        int name = pos;
        if (pos < text.length() && text.charAt(pos) == '*') {
          pos++;
        } else {
          while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || "_-@:".indexOf(text.charAt(pos)) >= 0)) {
            pos++;
          }
        }
        if (pos == name) {
          throw malformed("expected a field name after .");
        }
      } else if (c == '[') {
        pos++;
        int index = pos;
        while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '*')) {
          pos++;
        }
        if (pos == index || !accept("]")) {
          throw malformed("expected an array index such as [0] or [*]");
        }
      } else {
        break;
      }
      parts++;
    }
    if (parts == 0) {
      throw malformed("expected a field after $ (e.g. $.eventName)");
    }
    return text.substring(start, pos);
  }

  private Condition value(String selector, String op) throws Malformed {
    if (pos >= text.length()) {
      throw malformed("expected a value after " + op);
    }
    char c = text.charAt(pos);
    if (c == '"') {
      return new Condition(selector, op, quoted(), "string");
    }
    if (c == '%') {
      int end = text.indexOf('%', pos + 1);
      if (end < 0) {
        throw malformed("regular expression not closed with %");
      }
      String regex = text.substring(pos + 1, end);
      pos = end + 1;
      return new Condition(selector, op, regex, "regex");
    }
    int start = pos;
    while (pos < text.length() && BARE_STOP.indexOf(text.charAt(pos)) < 0) {
      pos++;
    }
    if (pos == start) {
      throw malformed("expected a value after " + op);
    }
    String bare = text.substring(start, pos);
    boolean number = NUMBER.matcher(bare).matches();
    if (!number && !op.equals("=") && !op.equals("!=")) {
      throw malformed(op + " compares numbers, not " + bare);
    }
    return new Condition(selector, op, bare, number ? "number" : "string");
  }

  private String quoted() throws Malformed {
    int start = pos;
    pos++;
    StringBuilder value = new StringBuilder();
    while (pos < text.length()) {
      char c = text.charAt(pos++);
      if (c == '"') {
        return value.toString();
      }
      if (c == '\\' && pos < text.length()) {
        value.append(text.charAt(pos++));
      } else {
        value.append(c);
      }
    }
    pos = start;
    throw malformed("string not closed with \"");
  }

  // Sorted, duplicate-free conditions in each term and sorted, duplicate-free terms: equal patterns
  // written in another order parse the same, and snapshots stay stable.
  private static List<List<Condition>> normal(List<List<Condition>> terms) {
    var byText = new java.util.TreeMap<String, List<Condition>>();
    for (List<Condition> term : terms) {
      var sorted = new java.util.TreeMap<String, Condition>();
      term.forEach(c -> sorted.put(key(c), c));
      byText.put(String.join("\u0000", sorted.keySet()), List.copyOf(sorted.values()));
    }
    return List.copyOf(byText.values());
  }

  private static String key(Condition c) {
    return c.selector() + "\u0001" + c.operator() + "\u0001" + c.kind() + "\u0001" + c.value();
  }

  private boolean keyword(String word) {
    skipSpace();
    int end = pos + word.length();
    if (end <= text.length() && text.substring(pos, end).toUpperCase(Locale.ROOT).equals(word)
        && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)))) {
      pos = end;
      return true;
    }
    return false;
  }

  private boolean accept(String token) {
    skipSpace();
    if (text.startsWith(token, pos)) {
      pos += token.length();
      return true;
    }
    return false;
  }

  private void expect(String token) throws Malformed {
    if (!accept(token)) {
      throw malformed("expected " + token);
    }
  }

  private void skipSpace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private Malformed malformed(String reason) {
    String near = pos >= text.length() ? "the end" : "\"" + text.substring(pos, Math.min(text.length(), pos + 20)) + "\"";
    return new Malformed("column " + (pos + 1) + ", at " + near + ": " + reason);
  }
}
