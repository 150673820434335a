package io.trailwarden.collect;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwarden.snapshot.FilterPattern;
import io.trailwarden.snapshot.FilterPattern.Condition;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The forms of CloudWatch Logs' filter-pattern syntax, JSON and not, and malformed patterns. */
class FilterPatternParserTest {
  /** A parsed pattern in a compact form: terms separated by " || ", conditions by " && ". */
  private static String dnf(String pattern) {
    FilterPattern parsed = FilterPatternParser.parse(pattern);
    assertThat(parsed.syntax()).as(parsed.error().orElse("")).isEqualTo(FilterPattern.JSON);
    return parsed.terms().stream()
        .map(t -> t.stream().map(FilterPatternParserTest::text).collect(Collectors.joining(" && ")))
        .collect(Collectors.joining(" || "));
  }

  private static String text(Condition c) {
    return switch (c.kind()) {
      case "none" -> c.selector() + " " + c.operator();
      case "string" -> c.selector() + " " + c.operator() + " '" + c.value() + "'";
      case "regex" -> c.selector() + " " + c.operator() + " %" + c.value() + "%";
      default -> c.selector() + " " + c.operator() + " " + c.value();
    };
  }

  // The examples of AWS's page "Filter pattern syntax for metric filters, subscription filters and
  // filter log events", JSON log events.
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{ $.eventType = \"UpdateTrail\" }                     | $.eventType = 'UpdateTrail'",
      "{ $.sourceIPAddress != 123.123.* }                     | $.sourceIPAddress != '123.123.*'",
      "{ $.arrayKey[0] = \"value\" }                          | $.arrayKey[0] = 'value'",
      "{ $.objectList[1].id = 2 }                             | $.objectList[1].id = 2",
      "{ $.bandwidth > 75 }                                   | $.bandwidth > 75",
      "{ $.latency < 50 }                                     | $.latency < 50",
      "{ $.refreshRate >= 60 }                                | $.refreshRate >= 60",
      "{ $.responseTime <= 5 }                                | $.responseTime <= 5",
      "{ $.errorCode = 400 }                                  | $.errorCode = 400",
      "{ $.errorCode != 500 }                                 | $.errorCode != 500",
      "{ $.number[0] = 1e-3 }                                 | $.number[0] = 1e-3",
      "{ $.number[0] != 1e+3 }                                | $.number[0] != 1e+3",
      "{ $.user.email NOT EXISTS }                            | $.user.email NOT EXISTS",
      "{ $.user.id EXISTS }                                   | $.user.id EXISTS",
      "{ $.key IS NULL }                                      | $.key IS NULL",
      "{ $.isActive IS TRUE }                                 | $.isActive IS TRUE",
      "{ $.isActive is false }                                | $.isActive IS FALSE",
      "{ $.eventName = %Delete.*Trail% }                     | $.eventName = %Delete.*Trail%",
      "{ $.userIdentity.* = \"x\" }                           | $.userIdentity.* = 'x'",
      "{ $.Records[*].eventName = \"StopLogging\" }           | $.Records[*].eventName = 'StopLogging'",
      "{ $.message = \"say \\\"hi\\\"\" }                     | $.message = 'say \"hi\"'",
      "{$.eventName=ConsoleLogin}                             | $.eventName = 'ConsoleLogin'",
  })
  void parsesEachJsonForm(String pattern, String expected) {
    assertThat(dnf(pattern)).isEqualTo(expected);
  }

  @Test
  void compoundExpressionsOfThePage() {
    assertThat(dnf("{($.user.id = 1) && ($.users[0].email = \"John.Doe@example.com\")}"))
        .isEqualTo("$.user.id = 1 && $.users[0].email = 'John.Doe@example.com'");
    assertThat(dnf("{($.user.id = 2 && $.users[0].email = \"nonmatch\") || $.actions[2] = \"GET\"}"))
        .isEqualTo("$.actions[2] = 'GET' || $.user.id = 2 && $.users[0].email = 'nonmatch'");
    assertThat(dnf("{ ($.user.email = \"John.Stiles@example.com\" || $.coordinates[0][1] = \"nonmatch\") && $.actions[2] = \"nonmatch\" }"))
        .isEqualTo("$.actions[2] = 'nonmatch' && $.coordinates[0][1] = 'nonmatch' || $.actions[2] = 'nonmatch' && $.user.email = 'John.Stiles@example.com'");
  }

  @Test
  void andBindsTighterThanOr() {
    // CIS 3.0's own 4.1 pattern relies on it: the exclusions apply to the AccessDenied branch only.
    assertThat(dnf("{($.errorCode =\"*UnauthorizedOperation\") || ($.errorCode =\"AccessDenied*\") && "
        + "($.sourceIPAddress!=\"delivery.logs.amazonaws.com\") && ($.eventName!=\"HeadBucket\") }"))
        .isEqualTo("$.errorCode = '*UnauthorizedOperation' || $.errorCode = 'AccessDenied*' && $.eventName != 'HeadBucket'"
            + " && $.sourceIPAddress != 'delivery.logs.amazonaws.com'");
  }

  @Test
  void orderQuotingAndDuplicatesDoNotMatter() {
    String a = "{ ($.eventSource = kms.amazonaws.com) && (($.eventName = DisableKey) || ($.eventName = ScheduleKeyDeletion)) }";
    String b = "{(($.eventName=\"ScheduleKeyDeletion\")||($.eventName=\"DisableKey\")||($.eventName=DisableKey))&&($.eventSource=\"kms.amazonaws.com\")}";
    assertThat(FilterPatternParser.parse(a)).isEqualTo(FilterPatternParser.parse(b));
    assertThat(FilterPatternParser.parse(a).terms()).hasSize(2);
  }

  @Test
  void rootUsageWithNotExists() {
    assertThat(dnf("{ $.userIdentity.type = \"Root\" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != \"AwsServiceEvent\" }"))
        .isEqualTo("$.eventType != 'AwsServiceEvent' && $.userIdentity.invokedBy NOT EXISTS && $.userIdentity.type = 'Root'");
  }

  @Test
  void quotedAndBareNumbersDiffer() {
    assertThat(FilterPatternParser.parse("{ $.code = 400 }").terms().get(0).get(0).kind()).isEqualTo("number");
    assertThat(FilterPatternParser.parse("{ $.code = \"400\" }").terms().get(0).get(0).kind()).isEqualTo("string");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "ERROR", "\"Failed authentication\"", "ERROR -DEBUG", "?ERROR ?WARN",
      "[ip, user, username, timestamp, request, status_code = 4*, bytes]", "%Unauthorized.*%"})
  void textPatternsMatchNoField(String pattern) {
    FilterPattern parsed = FilterPatternParser.parse(pattern);
    assertThat(parsed.syntax()).isEqualTo(FilterPattern.TEXT);
    assertThat(parsed.terms()).isEmpty();
    assertThat(parsed.error()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{ $.eventName = \"ConsoleLogin\"                        | column 31, at the end: expected }",
      "{ ($.eventName = ConsoleLogin }                          | column 31, at \"}\": expected )",
      "{ $.eventName == ConsoleLogin }                          | column 16, at \"= ConsoleLogin }\": expected a value after =",
      "{ eventName = ConsoleLogin }                             | column 3, at \"eventName = ConsoleL\": expected a selector starting with $",
      "{ $ = 1 }                                                | column 4, at \" = 1 }\": expected a field after $ (e.g. $.eventName)",
      "{ $.a = 1 && }                                           | column 14, at \"}\": expected a selector starting with $",
      "{ $.a = 1 } extra                                        | column 13, at \"extra\": unexpected text after the closing }",
      "{ $.a IS MAYBE }                                         | column 10, at \"MAYBE }\": expected NULL, TRUE or FALSE after IS",
      "{ $.a NOT THERE }                                        | column 11, at \"THERE }\": expected EXISTS after NOT",
      "{ $.a ~ 1 }                                              | column 7, at \"~ 1 }\": expected an operator (=, !=, <, <=, >, >=, IS, NOT EXISTS) after $.a",
      "{ $.a = \"open }                                         | column 9, at \"\"open }\": string not closed with \"",
      "{ $.a = %open }                                          | column 9, at \"%open }\": regular expression not closed with %",
      "{ $.a > big }                                            | column 12, at \" }\": > compares numbers, not big",
      "{ $.a[x] = 1 }                                           | column 7, at \"x] = 1 }\": expected an array index such as [0] or [*]",
      "{ $. = 1 }                                               | column 5, at \" = 1 }\": expected a field name after .",
      "{}                                                       | column 2, at \"}\": expected a selector starting with $",
  })
  void malformedPatternsSayWhereAndWhy(String pattern, String error) {
    FilterPattern parsed = FilterPatternParser.parse(pattern.strip());
    assertThat(parsed.syntax()).isEqualTo(FilterPattern.INVALID);
    assertThat(parsed.terms()).isEmpty();
    assertThat(parsed.error()).contains(error);
  }

  @Test
  void tooManyAlternativesIsAnErrorNotAHang() {
    String or = "(" + String.join(" || ", List.of("$.a = 1", "$.a = 2", "$.a = 3", "$.a = 4", "$.a = 5", "$.a = 6", "$.a = 7", "$.a = 8")) + ")";
    String pattern = "{ " + String.join(" && ", java.util.Collections.nCopies(5, or)) + " }";
    FilterPattern parsed = FilterPatternParser.parse(pattern);
    assertThat(parsed.syntax()).isEqualTo(FilterPattern.INVALID);
    assertThat(parsed.error()).get().asString().contains("more than 4096 alternatives");
  }
}
