package dev.s3batch.e2e;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the references of a CloudFormation template that resolve to nothing it defines: every
 * {@code Ref}, {@code Fn::GetAtt}, {@code ${X}} in {@code Fn::Sub}, {@code Condition} and
 * {@code Fn::If} condition, and {@code DependsOn}, against its parameters, resources, conditions
 * and the pseudo-parameters {@code AWS::*}. SAM's {@code Function.Version} and {@code Function.Alias}
 * resolve when that function sets {@code AutoPublishAlias}. Also what the template tests share to
 * compare a template's policies with the toolkit's ({@link #asWritten}, {@link #properties}).
 */
final class TemplateReferences {

  private static final Pattern SUB = Pattern.compile("\\$\\{([^}!]+)}");
  private static final Set<String> PSEUDO = Set.of(
      "AWS::AccountId", "AWS::NoValue", "AWS::NotificationARNs", "AWS::Partition", "AWS::Region", "AWS::StackId",
      "AWS::StackName", "AWS::URLSuffix");

  private TemplateReferences() {}

  /** Every reference that does not resolve, each with where it was found. */
  @SuppressWarnings("unchecked")
  static List<String> unresolved(Map<String, Object> template) {
    Map<String, Object> parameters = section(template, "Parameters");
    Map<String, Object> resources = section(template, "Resources");
    Map<String, Object> conditions = section(template, "Conditions");
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, Object> r : resources.entrySet()) {
      Map<String, Object> resource = (Map<String, Object>) r.getValue();
      Object condition = resource.get("Condition");
      if (condition != null && !conditions.containsKey(condition.toString())) {
        problems.add("Resources." + r.getKey() + ".Condition: no condition " + condition);
      }
      Object dependsOn = resource.get("DependsOn");
      for (Object d : dependsOn instanceof List<?> l ? l : dependsOn == null ? List.of() : List.of(dependsOn)) {
        if (!resources.containsKey(d.toString())) {
          problems.add("Resources." + r.getKey() + ".DependsOn: no resource " + d);
        }
      }
    }
    walk(template, "", new Scope(parameters, resources, conditions), problems);
    return problems;
  }

  private record Scope(Map<String, Object> parameters, Map<String, Object> resources, Map<String, Object> conditions) {

    boolean value(String name) {
      if (PSEUDO.contains(name) || parameters.containsKey(name) || resources.containsKey(name)) {
        return true;
      }
      int dot = name.indexOf('.');
      return dot > 0 && attribute(name.substring(0, dot), name.substring(dot + 1));
    }

    @SuppressWarnings("unchecked")
    boolean attribute(String resource, String attribute) {
      Object r = resources.get(resource);
      if (!(r instanceof Map<?, ?> map)) {
        return false;
      }
      if (Set.of("Version", "Alias").contains(attribute)) {
        Object props = map.get("Properties");
        return "AWS::Serverless::Function".equals(map.get("Type")) && props instanceof Map<?, ?> p
            && p.containsKey("AutoPublishAlias");
      }
      return !attribute.isEmpty();
    }
  }

  @SuppressWarnings("unchecked")
  private static void walk(Object node, String path, Scope scope, List<String> problems) {
    if (node instanceof Map<?, ?> map) {
      if (map.size() == 1) {
        Map.Entry<String, Object> e = (Map.Entry<String, Object>) map.entrySet().iterator().next();
        check(e.getKey(), e.getValue(), path, scope, problems);
      }
      map.forEach((k, v) -> walk(v, path + "." + k, scope, problems));
    } else if (node instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        walk(list.get(i), path + "[" + i + "]", scope, problems);
      }
    }
  }

  private static void check(String function, Object value, String path, Scope scope, List<String> problems) {
    switch (function) {
      case "Ref" -> {
        if (!scope.value(value.toString())) {
          problems.add(path + ": Ref " + value + " names no parameter or resource");
        }
      }
      case "Fn::GetAtt" -> {
        List<?> parts = (List<?>) value;
        if (!scope.attribute(parts.get(0).toString(), parts.get(1).toString())) {
          problems.add(path + ": GetAtt " + parts + " names no resource");
        }
      }
      case "Fn::Sub" -> {
        String text = value instanceof List<?> l ? l.get(0).toString() : value.toString();
        Map<?, ?> vars = value instanceof List<?> l && l.size() > 1 ? (Map<?, ?>) l.get(1) : Map.of();
        Matcher m = SUB.matcher(text);
        while (m.find()) {
          if (!vars.containsKey(m.group(1)) && !scope.value(m.group(1))) {
            problems.add(path + ": Sub ${" + m.group(1) + "} names no parameter or resource");
          }
        }
      }
      case "Condition" -> {
        if (value instanceof String s && !scope.conditions().containsKey(s)) {
          problems.add(path + ": no condition " + s);
        }
      }
      case "Fn::If" -> {
        String condition = ((List<?>) value).get(0).toString();
        if (!scope.conditions().containsKey(condition)) {
          problems.add(path + ": If names no condition " + condition);
        }
      }
      default -> { }
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> section(Map<String, Object> template, String name) {
    Object s = template.get(name);
    return s == null ? Map.of() : (Map<String, Object>) s;
  }

  /** The names of a template section, sorted. */
  static Set<String> names(Map<String, Object> template, String section) {
    return new TreeSet<>(section(template, section).keySet());
  }

  /**
   * A template's policy as {@code iam/} and {@code Policies} write it: {@code Fn::Sub} strings with
   * their placeholders ({@code ${Region}}, {@code ${AccountId}}, partition {@code aws}).
   */
  static Object asWritten(Object node) {
    if (node instanceof Map<?, ?> m) {
      if (m.size() == 1 && m.containsKey("Fn::Sub")) {
        return m.get("Fn::Sub").toString().replace("arn:${AWS::Partition}:", "arn:aws:")
            .replace("${AWS::Region}", "${Region}").replace("${AWS::AccountId}", "${AccountId}");
      }
      Map<String, Object> copy = new LinkedHashMap<>();
      m.forEach((k, v) -> copy.put(k.toString(), asWritten(v)));
      return copy;
    }
    if (node instanceof List<?> l) {
      List<Object> copy = new ArrayList<>();
      l.forEach(v -> copy.add(asWritten(v)));
      return copy;
    }
    return node;
  }

  /** The {@code Properties} of one of the template's resources. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> properties(Map<String, Object> template, String resource) {
    Map<String, Object> resources = section(template, "Resources");
    return (Map<String, Object>) ((Map<String, Object>) resources.get(resource)).get("Properties");
  }
}
