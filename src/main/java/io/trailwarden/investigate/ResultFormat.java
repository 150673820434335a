package io.trailwarden.investigate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwarden.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** How a query's rows are printed: an aligned table for people, CSV (RFC 4180) or JSON (an array of objects) for tools. */
public enum ResultFormat {
  TABLE, CSV, JSON;

  public String render(DuckDbEngine.Result result) {
    return switch (this) {
      case TABLE -> table(result);
      case CSV -> csv(result);
      case JSON -> json(result);
    };
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString();
  }

  private static String table(DuckDbEngine.Result result) {
    int[] widths = result.columns().stream().mapToInt(String::length).toArray();
    for (List<Object> row : result.rows()) {
      for (int i = 0; i < widths.length; i++) {
        widths[i] = Math.max(widths[i], Math.min(80, text(row.get(i)).length()));
      }
    }
    StringBuilder out = new StringBuilder();
    line(out, new ArrayList<>(result.columns()), widths);
    List<Object> rule = new ArrayList<>();
    for (int width : widths) {
      rule.add("-".repeat(width));
    }
    line(out, rule, widths);
    for (List<Object> row : result.rows()) {
      line(out, row, widths);
    }
    out.append("(").append(result.rows().size()).append(result.rows().size() == 1 ? " row)" : " rows)").append('\n');
    return out.toString();
  }

  private static void line(StringBuilder out, List<?> cells, int[] widths) {
    List<String> padded = new ArrayList<>();
    for (int i = 0; i < widths.length; i++) {
      String cell = text(cells.get(i)).replace('\n', ' ');
      cell = cell.length() > widths[i] ? cell.substring(0, widths[i] - 1) + "…" : cell;
      padded.add(cell + " ".repeat(widths[i] - cell.length()));
    }
    out.append(String.join("  ", padded).stripTrailing()).append('\n');
  }

  private static String csv(DuckDbEngine.Result result) {
    StringBuilder out = new StringBuilder();
    out.append(result.columns().stream().map(ResultFormat::csvCell).collect(Collectors.joining(","))).append("\r\n");
    for (List<Object> row : result.rows()) {
      out.append(row.stream().map(v -> csvCell(text(v))).collect(Collectors.joining(","))).append("\r\n");
    }
    return out.toString();
  }

  private static String csvCell(String cell) {
    return cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")
        ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
  }

  private static String json(DuckDbEngine.Result result) {
    ArrayNode rows = Json.mapper().createArrayNode();
    for (List<Object> row : result.rows()) {
      ObjectNode object = rows.addObject();
      for (int i = 0; i < result.columns().size(); i++) {
        object.set(result.columns().get(i), Json.mapper().valueToTree(row.get(i)));
      }
    }
    return Json.pretty(rows) + "\n";
  }
}
