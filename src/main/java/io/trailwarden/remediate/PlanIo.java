package io.trailwarden.remediate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwarden.AtomicFiles;
import io.trailwarden.InputFiles;
import io.trailwarden.InvalidInputException;
import io.trailwarden.Json;
import io.trailwarden.JsonProblems;
import io.trailwarden.remediate.facet.Facets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Reads and writes plan files. A plan read back must be exactly what was written: its {@code planId} is
 * the digest of its content, so a truncated, hand-edited or corrupted plan is refused before anything
 * is applied.
 */
public final class PlanIo {
  private PlanIo() {}

  /** The plan with its planId set to the digest of everything else. */
  static Plan sealed(Plan draft) {
    Plan unsealed = withId(draft, "");
    return withId(draft, digest(Json.mapper().valueToTree(unsealed)));
  }

  public static void write(Plan plan, Path file) {
    try {
      AtomicFiles.write(file, Json.pretty(plan));
    } catch (IOException e) {
      throw new InvalidInputException(file + ": cannot write the plan: " + e.getMessage(), e);
    }
  }

  public static Plan read(Path file) {
    String text = InputFiles.read(file, "plan");
    JsonNode tree;
    try {
      tree = Json.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      throw new InvalidInputException(file + JsonProblems.syntax(e) + " (not a complete plan: truncated?)");
    }
    if (tree == null || !tree.isObject()) {
      throw new InvalidInputException(file + ": a plan is a JSON object written by 'trailwarden remediate plan'");
    }
    if (!tree.path("formatVersion").isInt() || tree.path("formatVersion").intValue() != Plan.FORMAT_VERSION) {
      throw new InvalidInputException(file + ": formatVersion is " + tree.path("formatVersion")
          + "; this TrailWarden reads plans of format " + Plan.FORMAT_VERSION + ". Make a new plan.");
    }
    ObjectNode unsealed = ((ObjectNode) tree).deepCopy();
    String claimed = unsealed.path("planId").asText();
    unsealed.put("planId", "");
    if (!digest(unsealed).equals(claimed)) {
      throw new InvalidInputException(file + ": the plan was changed after it was made (its content does not match planId "
          + claimed + "). Plans are not edited by hand: make a new one with 'trailwarden remediate plan'.");
    }
    Plan plan;
    try {
      plan = Json.mapper().treeToValue(tree, Plan.class);
    } catch (JsonMappingException e) {
      throw new InvalidInputException(file + ": " + JsonProblems.path(e) + ": " + JsonProblems.describe(e)
          + " (this plan was not written by this TrailWarden: make a new one)");
    } catch (JsonProcessingException e) {
      throw new InvalidInputException(file + ": " + e.getOriginalMessage());
    }
    for (Plan.Change change : plan.changes()) {
      if (Facets.find(change.facet()).isEmpty()) {
        throw new InvalidInputException(file + ": change " + change.id() + " edits facet '" + change.facet()
            + "', which this TrailWarden does not know. Make a new plan.");
      }
    }
    return plan;
  }

  private static Plan withId(Plan plan, String id) {
    return new Plan(plan.formatVersion(), id, plan.createdAt(), plan.toolVersion(), plan.managementAccountId(),
        plan.organizationId(), plan.changes(), plan.notes());
  }

  // The digest is over the canonical JSON (sorted keys), so whitespace is irrelevant and any edit of a
  // value is not.
  private static String digest(JsonNode tree) {
    try {
      String canonical = Json.mapper().writeValueAsString(Json.mapper().treeToValue(tree, Object.class));
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 16);
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot digest a plan: " + e.getMessage(), e);
    }
  }
}
