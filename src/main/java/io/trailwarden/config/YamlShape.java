package io.trailwarden.config;

import io.trailwarden.InvalidInputException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.DocumentStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * What config.yaml must look like before its values are read, checked on SnakeYAML's nodes (which keep
 * exact lines): one document, holding a mapping with {@code version}; no key twice (YAML says a later
 * key silently wins); no key without a value or with an empty string (to take a default, leave the key
 * out, so a key that is present always says something).
 */
final class YamlShape {
  private YamlShape() {}

  static void check(String text, String source) {
    List<Node> documents = new ArrayList<>();
    try {
      new Yaml().composeAll(new StringReader(text)).forEach(documents::add);
    } catch (YAMLException e) {
      return; // Jackson reports syntax errors with their line and column.
    }
    if (documents.isEmpty()) {
      throw new InvalidInputException(source + ": is empty (or only comments); a configuration starts with 'version: 1'."
          + " Without --config and ./config.yaml the built-in defaults apply.");
    }
    if (documents.size() > 1) {
      int second = 0;
      int starts = 0;
      for (Event event : new Yaml().parse(new StringReader(text))) {
        if (event instanceof DocumentStartEvent && ++starts == 2) {
          second = event.getStartMark().getLine() + 1;
          break;
        }
      }
      throw new InvalidInputException(source + ":" + second + ": a second YAML document ('---'); config.yaml is one document");
    }
    Node root = documents.get(0);
    if (!(root instanceof MappingNode map)) {
      throw new InvalidInputException(source + ":" + line(root) + ": config.yaml is a mapping of keys (version, organization,"
          + " report, rules, waivers, remediation, athena)");
    }
    if (map.getValue().stream().noneMatch(t -> t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("version"))) {
      throw new InvalidInputException(source + ":" + line(root) + ": lacks 'version: 1' (the format of this file), which"
          + " must come first");
    }
    walk(root, "", source);
  }

  private static void walk(Node node, String path, String source) {
    if (node instanceof MappingNode map) {
      Map<String, Node> seen = new HashMap<>();
      for (NodeTuple tuple : map.getValue()) {
        if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
          continue;
        }
        String keyPath = path.isEmpty() ? key.getValue() : path + "." + key.getValue();
        if (seen.putIfAbsent(key.getValue(), key) != null) {
          throw new InvalidInputException(source + ":" + line(key) + ": '" + key.getValue() + "' appears twice"
              + (path.isEmpty() ? "" : " under " + path) + " (first on line " + line(seen.get(key.getValue()))
              + "); YAML would silently keep only the last");
        }
        Node value = tuple.getValueNode();
        if (value instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL)) {
          throw new InvalidInputException(source + ":" + line(key) + ": " + keyPath + " has no value; write one, or"
              + " leave the key out to take the default");
        }
        if (value instanceof ScalarNode scalar && scalar.getTag().equals(Tag.STR) && scalar.getValue().isBlank()) {
          throw new InvalidInputException(source + ":" + line(key) + ": " + keyPath + " is empty; write a value, or"
              + " leave the key out to take the default");
        }
        walk(value, keyPath, source);
      }
    } else if (node instanceof SequenceNode list) {
      for (int i = 0; i < list.getValue().size(); i++) {
        walk(list.getValue().get(i), path + "[" + i + "]", source);
      }
    }
  }

  private static int line(Node node) {
    return node.getStartMark().getLine() + 1;
  }
}
