package io.trailwarden.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.trailwarden.Json;
import java.io.IOException;
import java.io.Writer;
import java.util.Iterator;
import java.util.Map;

/**
 * A pretty JSON document written a value at a time: the same bytes as {@link Json#pretty} of the whole
 * tree, but only one element (a finding, a result) is a tree at any moment, so a report of a large
 * organization is never held twice, as a tree and as text.
 */
final class StreamedJson {
  private final Writer out;
  private final JsonGenerator json;

  StreamedJson(Writer out) {
    this.out = out;
    this.json = Json.prettyGenerator(out);
  }

  void startObject() throws IOException {
    json.writeStartObject();
  }

  void endObject() throws IOException {
    json.writeEndObject();
  }

  void startArray() throws IOException {
    json.writeStartArray();
  }

  void startArray(String name) throws IOException {
    json.writeFieldName(name);
    json.writeStartArray();
  }

  void endArray() throws IOException {
    json.writeEndArray();
  }

  void startObject(String name) throws IOException {
    json.writeFieldName(name);
    json.writeStartObject();
  }

  void field(String name, JsonNode value) throws IOException {
    json.writeFieldName(name);
    json.writeTree(value);
  }

  /** Every field of {@code object}, in its order, as fields of the object being written. */
  void fields(JsonNode object) throws IOException {
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      field(field.getKey(), field.getValue());
    }
  }

  /** One element of the array being written. */
  void value(JsonNode value) throws IOException {
    json.writeTree(value);
  }

  /** Ends the document with the newline {@link Json#pretty} ends it with; {@code out} stays open. */
  void finish() throws IOException {
    json.flush();
    out.write('\n');
  }
}
