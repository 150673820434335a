package io.trailwarden.policy;

import java.util.List;
import java.util.Optional;

/** Every rule in the rules directory, sorted by id. */
public record Catalogue(List<RuleMetadata> rules) {
  public Catalogue {
    rules = rules.stream().sorted(java.util.Comparator.comparing(RuleMetadata::id)).toList();
  }

  public Optional<RuleMetadata> find(String id) {
    return rules.stream().filter(r -> r.id().equals(id)).findFirst();
  }

  public List<String> ids() {
    return rules.stream().map(RuleMetadata::id).toList();
  }
}
