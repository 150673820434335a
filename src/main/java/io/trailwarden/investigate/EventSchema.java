package io.trailwarden.investigate;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The one table every investigation reads, {@code events}: a row per CloudTrail record, the documented
 * record fields with their types, the free-form ones (requestParameters, responseElements,
 * additionalEventData, resources, ...) as JSON, and, first, where the log file was: {@code account},
 * {@code region} and {@code day} from its S3 key. Fields a record lacks are NULL; fields the schema
 * does not name are not read.
 */
public final class EventSchema {
  public static final String TABLE = "events";

  /** A column: its name and DuckDB type. */
  public record Column(String name, String type) {}

  /** From the log file's key. */
  public static final List<Column> KEY_COLUMNS = List.of(new Column("account", "VARCHAR"), new Column("region", "VARCHAR"),
      new Column("day", "DATE"));

  /** The record fields, in the order CloudTrail writes them. */
  public static final List<Column> RECORD_COLUMNS = List.of(
      new Column("eventVersion", "VARCHAR"),
      new Column("userIdentity", "STRUCT(type VARCHAR, principalId VARCHAR, arn VARCHAR, accountId VARCHAR, "
          + "invokedBy VARCHAR, accessKeyId VARCHAR, userName VARCHAR, sessionContext JSON, onBehalfOf JSON)"),
      new Column("eventTime", "TIMESTAMP"),
      new Column("eventSource", "VARCHAR"),
      new Column("eventName", "VARCHAR"),
      new Column("awsRegion", "VARCHAR"),
      new Column("sourceIPAddress", "VARCHAR"),
      new Column("userAgent", "VARCHAR"),
      new Column("errorCode", "VARCHAR"),
      new Column("errorMessage", "VARCHAR"),
      new Column("requestParameters", "JSON"),
      new Column("responseElements", "JSON"),
      new Column("additionalEventData", "JSON"),
      new Column("requestID", "VARCHAR"),
      new Column("eventID", "VARCHAR"),
      new Column("readOnly", "BOOLEAN"),
      new Column("resources", "JSON"),
      new Column("eventType", "VARCHAR"),
      new Column("apiVersion", "VARCHAR"),
      new Column("managementEvent", "BOOLEAN"),
      new Column("recipientAccountId", "VARCHAR"),
      new Column("serviceEventDetails", "JSON"),
      new Column("sharedEventID", "VARCHAR"),
      new Column("vpcEndpointId", "VARCHAR"),
      new Column("eventCategory", "VARCHAR"),
      new Column("tlsDetails", "JSON"),
      new Column("sessionCredentialFromConsole", "VARCHAR"));

  private EventSchema() {}

  /** CREATE TABLE events (...). */
  static String createTable() {
    return "CREATE TABLE " + TABLE + " (" + java.util.stream.Stream.concat(KEY_COLUMNS.stream(), RECORD_COLUMNS.stream())
        .map(c -> "\"" + c.name() + "\" " + c.type()).collect(Collectors.joining(", ")) + ")";
  }

  /** The read_json {@code columns} argument: one Records array of the record struct. */
  static String recordsColumn() {
    return "{'Records': 'STRUCT(" + RECORD_COLUMNS.stream().map(c -> "\"" + c.name() + "\" " + c.type())
        .collect(Collectors.joining(", ")).replace("'", "''") + ")[]'}";
  }
}
