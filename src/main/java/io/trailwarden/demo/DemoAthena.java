package io.trailwarden.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwarden.Json;
import io.trailwarden.investigate.DuckDbEngine;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The demo's Athena run is emulated: moto runs no SQL, so before the query the demo queues, as moto's
 * answer, the rows the embedded engine found for the same investigation over the same files, in
 * Athena's wire form (a header row, every value as text, typed columns). What the run shows is the
 * client path: the statement sent, the polling, the results read and typed back.
 */
public final class DemoAthena {
  private static final DateTimeFormatter ATHENA_TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
      .withZone(ZoneOffset.UTC);

  private DemoAthena() {}

  /** Queues {@code result} as the answer of moto's next Athena query in that account and region. */
  public static void answerWith(MotoServer moto, String account, String region, DuckDbEngine.Result result) {
    ObjectNode body = Json.mapper().createObjectNode().put("account_id", account).put("region", region);
    ObjectNode answer = body.putArray("results").addObject();
    ArrayNode columns = answer.putArray("column_info");
    ArrayNode rows = answer.putArray("rows");
    ArrayNode header = rows.addObject().putArray("Data");
    for (int i = 0; i < result.columns().size(); i++) {
      String name = result.columns().get(i);
      columns.addObject().put("Name", name).put("Label", name).put("Type", type(result.rows(), i)).put("Nullable", "UNKNOWN");
      header.addObject().put("VarCharValue", name);
    }
    for (List<Object> row : result.rows()) {
      ArrayNode data = rows.addObject().putArray("Data");
      for (Object value : row) {
        ObjectNode datum = data.addObject();
        if (value != null) {
          datum.put("VarCharValue", instant(value) != null ? ATHENA_TIMESTAMP.format(instant(value)) : value.toString());
        }
      }
    }
    moto.queueAthenaResults(body.toString());
  }

  private static String type(List<List<Object>> rows, int column) {
    for (List<Object> row : rows) {
      Object value = row.get(column);
      if (value != null) {
        return value instanceof Long ? "bigint" : value instanceof Double ? "double" : value instanceof Boolean ? "boolean"
            : instant(value) != null ? "timestamp" : "varchar";
      }
    }
    return "varchar";
  }

  private static Instant instant(Object value) {
    if (!(value instanceof String text) || !text.matches("\\d{4}-\\d{2}-\\d{2}T.*Z")) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
