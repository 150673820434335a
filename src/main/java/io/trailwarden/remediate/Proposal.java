package io.trailwarden.remediate;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwarden.remediate.facet.Facet;
import io.trailwarden.remediate.facet.Target;
import java.util.List;
import java.util.function.UnaryOperator;

/** What a remediation proposes for one failing finding: an edit of a facet, or a reason it must be done by hand. */
public sealed interface Proposal {
  /**
   * Edit {@code facet} of {@code target} with {@code edit} (a pure function of the current document,
   * which must return it unchanged when there is nothing to do). {@code requires} names targets that
   * must be in place first (a trail requires its bucket).
   */
  record Fix(Facet facet, Target target, String summary, UnaryOperator<JsonNode> edit, List<Target> requires)
      implements Proposal {
    public Fix {
      requires = List.copyOf(requires);
    }

    public Fix(Facet facet, Target target, String summary, UnaryOperator<JsonNode> edit) {
      this(facet, target, summary, edit, List.of());
    }
  }

  /** Not automated here, and why (the plan shows it; the user decides). */
  record Manual(String reason) implements Proposal {}
}
