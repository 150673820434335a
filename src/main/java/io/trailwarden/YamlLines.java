package io.trailwarden;

import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Finds the line of a YAML node by its path (map keys and list indexes), from SnakeYAML's node marks.
 * Jackson's error locations point past the offending token; the node's own mark is exact.
 */
public final class YamlLines {
  private YamlLines() {}

  /** The 1-based line of the node at the path; for a scalar value, the line of its key. */
  public static Optional<Integer> lineOf(String text, List<Object> path) {
    Node node;
    try {
      node = new Yaml().compose(new StringReader(text));
    } catch (YAMLException e) {
      return Optional.empty();
    }
    for (Object step : path) {
      node = node == null ? null : child(node, step);
    }
    return Optional.ofNullable(node).map(n -> n.getStartMark().getLine() + 1);
  }

  /** The line of the node a Jackson mapping error is about, as {@code ":N"}, when it can be found. */
  public static Optional<String> lineOf(String text, com.fasterxml.jackson.databind.JsonMappingException e) {
    List<Object> path = e.getPath().stream()
        .map(r -> r.getFieldName() != null ? (Object) r.getFieldName() : (Object) r.getIndex())
        .toList();
    return lineOf(text, path).map(n -> ":" + n);
  }

  private static Node child(Node node, Object step) {
    if (node instanceof MappingNode map && step instanceof String key) {
      for (NodeTuple tuple : map.getValue()) {
        if (tuple.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
          return tuple.getValueNode() instanceof ScalarNode ? tuple.getKeyNode() : tuple.getValueNode();
        }
      }
    }
    if (node instanceof SequenceNode list && step instanceof Integer index && index < list.getValue().size()) {
      return list.getValue().get(index);
    }
    return null;
  }
}
