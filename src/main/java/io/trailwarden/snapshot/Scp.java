package io.trailwarden.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** A service control policy, its parsed document, and every root, OU or account it is attached to. */
public record Scp(String id, String name, boolean awsManaged, JsonNode document, List<String> targets) {
  public Scp {
    targets = List.copyOf(targets);
  }
}
