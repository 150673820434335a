package io.trailwarden.remediate.facet;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwarden.aws.ClientFactory;
import io.trailwarden.snapshot.Snapshot;
import java.util.List;

/**
 * One writable aspect of one resource (a bucket's policy, a trail's settings, an SCP at the root), as
 * a JSON document. Remediations never call AWS: they edit this document, and the facet turns a
 * before/after pair into API calls. The same {@link #write} applies a plan and rolls it back.
 */
public interface Facet {
  /** Short, stable id used in plans and journals, e.g. {@code bucket-policy}. */
  String id();

  Target.Kind kind();

  /** Apply order (lower first): the bucket and its policy before the trail that writes into it, logging last. */
  int order();

  /**
   * The document as the snapshot shows it: the same function reads a full snapshot (at plan time) and
   * a one-resource re-read (before apply), so the two compare exactly. A missing resource or setting
   * is a JSON null.
   */
  JsonNode read(Snapshot snapshot, Target target);

  /**
   * Why AWS would refuse {@code to}, found before any call (a bucket policy over 20 KB, say); the
   * planner reports it instead of planning a change that cannot be applied.
   */
  default java.util.Optional<String> problem(JsonNode to) {
    return java.util.Optional.empty();
  }

  /**
   * True for a document that exists only while its resource does (a trail's logging status): rolling a
   * change back to "none" is then done by the change that removes the resource, not by this facet.
   */
  default boolean goesWithItsResource() {
    return false;
  }

  /**
   * The documents the resource shows after each write call {@link #write} makes from {@code from} to
   * {@code to}, the last being {@code to}: one for a one-call facet. A facet that needs several calls
   * (an SCP is created, then attached) lists the states between them, so the engine can journal each
   * call and, after a crash between two, recognise the state it left and go on from there. Writing
   * from one step to the next must be exactly one write call.
   */
  default List<JsonNode> steps(JsonNode from, JsonNode to) {
    return List.of(to);
  }

  /**
   * True when the resource was made by TrailWarden (its name and a tag it set on creation, read from
   * AWS), so a state between two {@link #steps} is its own unfinished work and not someone's change.
   * Only a facet with more than one step needs it.
   */
  default boolean madeByTrailWarden(ClientFactory aws, Target target) {
    return false;
  }

  /** The calls {@link #write} makes to go from {@code from} to {@code to}, with their IAM actions. */
  List<ApiCall> calls(JsonNode from, JsonNode to);

  /** Makes the resource's document {@code to}; {@code from} is what it is now (checked by the caller). */
  void write(ClientFactory aws, Target target, JsonNode from, JsonNode to);
}
