package dev.s3batch.tools.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Fills {@code ${Name}} placeholders in every string of a policy document, as {@code Fn::Sub} would. */
public final class Placeholders {

  /** A placeholder: {@code ${Name}}. */
  public static final Pattern PATTERN = Pattern.compile("\\$\\{([A-Za-z0-9:.]+)}");

  private Placeholders() {}

  /**
   * A copy of {@code policy} with every placeholder replaced.
   *
   * @throws IllegalArgumentException naming the placeholders {@code values} lacks
   */
  public static ObjectNode fill(ObjectNode policy, Map<String, String> values) {
    TreeSet<String> missing = new TreeSet<>();
    ObjectNode copy = policy.deepCopy();
    fillIn(copy, values, missing);
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("no value for placeholder(s) " + String.join(", ", missing));
    }
    return copy;
  }

  /** The placeholder names in the policy's strings. */
  public static TreeSet<String> names(JsonNode policy) {
    TreeSet<String> names = new TreeSet<>();
    collect(policy, names);
    return names;
  }

  private static void collect(JsonNode node, TreeSet<String> names) {
    if (node.isTextual()) {
      Matcher m = PATTERN.matcher(node.asText());
      while (m.find()) {
        names.add(m.group(1));
      }
    }
    node.forEach(child -> collect(child, names));
  }

  private static void fillIn(JsonNode node, Map<String, String> values, TreeSet<String> missing) {
    if (node instanceof ObjectNode o) {
      for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getValue().isTextual()) {
          e.setValue(TextNode.valueOf(substitute(e.getValue().asText(), values, missing)));
        } else {
          fillIn(e.getValue(), values, missing);
        }
      }
    } else if (node instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        if (a.get(i).isTextual()) {
          a.set(i, TextNode.valueOf(substitute(a.get(i).asText(), values, missing)));
        } else {
          fillIn(a.get(i), values, missing);
        }
      }
    }
  }

  private static String substitute(String text, Map<String, String> values, TreeSet<String> missing) {
    Matcher m = PATTERN.matcher(text);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null) {
        missing.add(m.group(1));
        value = m.group();
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(value));
    }
    m.appendTail(sb);
    return sb.toString();
  }
}
