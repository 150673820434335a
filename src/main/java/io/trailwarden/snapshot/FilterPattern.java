package io.trailwarden.snapshot;

import java.util.List;
import java.util.Optional;

/**
 * A metric filter's pattern as TrailWarden parsed it, so the rules judge conditions rather than text.
 * A JSON pattern ({@code { ... }}) becomes its disjunctive normal form: the pattern matches an event
 * when every condition of at least one term holds. {@code syntax} is {@code json}; {@code text} for a
 * term or space-delimited pattern, which matches words in the raw event and no field (no terms);
 * {@code invalid} when the pattern could not be parsed ({@code error} says where and why).
 */
public record FilterPattern(String syntax, List<List<Condition>> terms, Optional<String> error) {
  public static final String JSON = "json";
  public static final String TEXT = "text";
  public static final String INVALID = "invalid";

  public FilterPattern {
    terms = terms.stream().map(List::copyOf).toList();
  }

  /**
   * One comparison: a selector ({@code $.eventName}), an operator ({@code =}, {@code !=}, {@code <},
   * {@code <=}, {@code >}, {@code >=}, {@code IS NULL}, {@code IS TRUE}, {@code IS FALSE},
   * {@code EXISTS}, {@code NOT EXISTS}), and a value whose kind is {@code string} (unquoted, {@code *}
   * a wildcard), {@code number}, {@code regex} (between the % signs) or {@code none} (unary operators).
   */
  public record Condition(String selector, String operator, String value, String kind) {}
}
