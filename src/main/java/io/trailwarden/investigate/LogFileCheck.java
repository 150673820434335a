package io.trailwarden.investigate;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.trailwarden.InvalidInputException;
import io.trailwarden.Json;
import io.trailwarden.logs.digest.GzipMember;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks a log file before the engine reads it: one whole gzip member of a JSON object whose
 * {@code Records} is an array. DuckDB reads a truncated gzip stream as far as it goes without a word,
 * so this check is what turns a damaged file into an error naming it rather than fewer rows.
 */
final class LogFileCheck {
  private LogFileCheck() {}

  /** @param shown the file as the user knows it (an S3 URL or a path) */
  static void check(Path file, String shown) {
    byte[] json;
    try (InputStream in = Files.newInputStream(file)) {
      json = GzipMember.inflateAll(in);
    } catch (IOException e) {
      throw new InvalidInputException(shown + ": not a complete gzip file (" + e.getMessage() + ")");
    }
    try (JsonParser parser = Json.mapper().getFactory().createParser(json)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new InvalidInputException(shown + ": not a CloudTrail log file (no JSON object)");
      }
      boolean records = false;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if (name.equals("Records")) {
          if (value != JsonToken.START_ARRAY) {
            throw new InvalidInputException(shown + ": Records is not an array");
          }
          records = true;
        }
        parser.skipChildren();
      }
      if (!records) {
        throw new InvalidInputException(shown + ": not a CloudTrail log file (no Records)");
      }
      if (parser.nextToken() != null) {
        throw new InvalidInputException(shown + ": data after the JSON object");
      }
    } catch (IOException e) {
      throw new InvalidInputException(shown + ": malformed JSON: " + e.getMessage().lines().findFirst().orElse(""));
    }
  }
}
