package io.trailwarden.investigate;

import io.trailwarden.InvalidInputException;
import io.trailwarden.logs.LogVerifier;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The organization trail's log files as one Athena table, with the {@link EventSchema} columns so that
 * the saved investigations read the same names on both engines: the DDL ({@link #ddl}) and, for each
 * query, the {@code events} view of a window over it ({@link #events}).
 *
 * <p>The table is partitioned by the key's {@code account}, {@code region} and {@code day}
 * ({@code yyyy/MM/dd} text) with partition projection, so Athena computes every partition's location
 * from {@code storage.location.template} and nothing is registered or crawled; a query names the
 * partitions it needs, so it reads only those folders. CloudTrail's SerDe reads a record's nested
 * objects into STRING columns as JSON text, which is how the JSON columns of the schema arrive.
 * {@code eventTime} is stored as the record's ISO-8601 text (the SerDe does not parse it) and typed
 * as a timestamp in {@code events}.
 */
public final class AthenaTable {
  static final String SERDE = "com.amazon.emr.hive.serde.CloudTrailSerde";
  static final String INPUT_FORMAT = "com.amazon.emr.cloudtrail.CloudTrailInputFormat";
  static final String OUTPUT_FORMAT = "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat";
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
  private static final Pattern STRUCT_FIELD = Pattern.compile("(\\w+) (VARCHAR|JSON)");

  private AthenaTable() {}

  /** Where the table is: its database and name (checked where config.yaml is read). */
  public record Name(String database, String table) {
    String quoted() {
      return "\"" + database + "\".\"" + table + "\"";
    }
  }

  /** {@code s3://bucket/[prefix/]AWSLogs/<org>/}: every member account's folders are below it. */
  static String location(LogVerifier.Target target) {
    String org = target.organizationId().orElseThrow(() -> new InvalidInputException("trail " + target.trailName()
        + " is not an organization trail: the Athena table is for the organization layout AWSLogs/<org id>/<account>/"));
    String prefix = target.keyPrefix().filter(p -> !p.isEmpty()).map(p -> p.endsWith("/") ? p : p + "/").orElse("");
    return "s3://" + target.bucket() + "/" + prefix + "AWSLogs/" + org + "/";
  }

  /**
   * {@code CREATE EXTERNAL TABLE} for the organization trail's files: the schema's record columns, the
   * key's partitions projected (the target's accounts and regions as enums, the days from
   * {@code firstDay} to now), the CloudTrail SerDe and input format AWS's own CloudTrail tables use.
   */
  public static String ddl(Name name, LogVerifier.Target target, LocalDate firstDay) {
    if (target.accounts().isEmpty() || target.regions().isEmpty()) {
      throw new InvalidInputException("the Athena table needs at least one account and one region (the snapshot has "
          + target.accounts().size() + " accounts and " + target.regions().size() + " regions)");
    }
    String location = location(target);
    List<String> columns = new ArrayList<>();
    for (EventSchema.Column c : EventSchema.RECORD_COLUMNS) {
      columns.add("  `" + c.name() + "` " + hiveType(c.type()));
    }
    List<String> properties = List.of(
        property("projection.enabled", "true"),
        property("projection.account.type", "enum"),
        property("projection.account.values", String.join(",", target.accounts())),
        property("projection.region.type", "enum"),
        property("projection.region.values", String.join(",", target.regions())),
        property("projection.day.type", "date"),
        property("projection.day.format", "yyyy/MM/dd"),
        property("projection.day.range", DAY.format(firstDay) + ",NOW"),
        property("projection.day.interval", "1"),
        property("projection.day.interval.unit", "DAYS"),
        property("storage.location.template", location + "${account}/CloudTrail/${region}/${day}"));
    return "CREATE EXTERNAL TABLE IF NOT EXISTS `" + name.database() + "`.`" + name.table() + "` (\n"
        + String.join(",\n", columns) + "\n)\n"
        + "COMMENT 'CloudTrail records of the organization trail " + target.trailName().replace("'", "")
        + " (trailwarden logs athena-ddl)'\n"
        + "PARTITIONED BY (`account` STRING, `region` STRING, `day` STRING)\n"
        + "ROW FORMAT SERDE '" + SERDE + "'\n"
        + "STORED AS INPUTFORMAT '" + INPUT_FORMAT + "'\n"
        + "OUTPUTFORMAT '" + OUTPUT_FORMAT + "'\n"
        + "LOCATION '" + location + "'\n"
        + "TBLPROPERTIES (\n" + String.join(",\n", properties) + "\n)\n";
  }

  /**
   * The investigation's SQL with {@code events} defined over the table: the window's records of the
   * target's accounts and regions, typed as {@link EventSchema} says. The account, region and day
   * predicates are on the partition columns, so Athena reads only those folders: the days from the
   * window's start to an hour past its end (a file is delivered up to about 15 minutes after its
   * events, as {@link LogKeys} lists them for the embedded engine).
   */
  public static String events(String sql, Name name, LogVerifier.Target target, Instant from, Instant to) {
    List<String> select = new ArrayList<>(List.of("account", "region", "CAST(date_parse(day, '%Y/%m/%d') AS date) AS day"));
    for (EventSchema.Column c : EventSchema.RECORD_COLUMNS) {
      select.add(c.name().equals("eventTime") ? "CAST(from_iso8601_timestamp(eventTime) AS timestamp) AS eventTime" : c.name());
    }
    String view = "events AS (\n  SELECT " + String.join(", ", select) + "\n  FROM " + name.quoted() + "\n"
        + "  WHERE account IN (" + literals(target.accounts()) + ")\n"
        + "    AND region IN (" + literals(target.regions()) + ")\n"
        + "    AND day BETWEEN '" + DAY.format(day(from)) + "' AND '" + DAY.format(day(to.plusSeconds(3600))) + "'\n"
        + "    AND from_iso8601_timestamp(eventTime) >= from_iso8601_timestamp('" + TIME.format(from) + "')\n"
        + "    AND from_iso8601_timestamp(eventTime) < from_iso8601_timestamp('" + TIME.format(to) + "')\n)";
    // A query of its own WITH gets events as its first named query (a second WITH is not SQL).
    var with = Pattern.compile("^\\s*WITH\\s+", Pattern.CASE_INSENSITIVE).matcher(sql);
    return with.lookingAt() ? "WITH " + view + ",\n" + sql.substring(with.end()) : "WITH " + view + "\n" + sql;
  }

  private static LocalDate day(Instant time) {
    return LocalDate.ofInstant(time, ZoneOffset.UTC);
  }

  private static String literals(List<String> values) {
    return values.stream().map(Investigation::quote).collect(Collectors.joining(", "));
  }

  private static String property(String key, String value) {
    return "  '" + key + "' = '" + value.replace("'", "") + "'";
  }

  /** The Hive type of a schema column: text and JSON are STRING, the time is CloudTrail's text. */
  static String hiveType(String duckDbType) {
    return switch (duckDbType) {
      case "VARCHAR", "JSON", "TIMESTAMP" -> "STRING";
      case "BOOLEAN" -> "BOOLEAN";
      default -> {
        if (!duckDbType.startsWith("STRUCT(")) {
          throw new IllegalStateException("no Athena type for " + duckDbType);
        }
        String fields = duckDbType.substring("STRUCT(".length(), duckDbType.length() - 1);
        yield "STRUCT<" + STRUCT_FIELD.matcher(fields).replaceAll("$1:STRING").replace(", ", ", ") + ">";
      }
    };
  }
}
