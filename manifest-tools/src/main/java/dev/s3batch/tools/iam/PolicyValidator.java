package dev.s3batch.tools.iam;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks that a policy document is valid IAM policy JSON and least-privilege: version
 * {@code 2012-10-17}, a non-empty {@code Statement} array, {@code Effect} Allow or Deny, exactly one
 * of Action/NotAction with known {@code service:Action} names, resource ARNs, IAM's condition
 * operators; no wildcard actions, no {@code NotAction}/{@code NotResource} with Allow, no bucket
 * wildcard, and {@code "Resource": "*"} only in a statement whose {@code Sid} says it
 * {@code CannotBeScoped}. A trust policy (one with a Principal) has no Resource.
 *
 * <pre>{@code
 * List<String> problems = PolicyValidator.problems(policy);   // empty when the policy passes
 * }</pre>
 */
public final class PolicyValidator {

  /** The word a statement's Sid must contain for it to use {@code "Resource": "*"}. */
  public static final String UNSCOPED_SID_MARK = "CannotBeScoped";

  private static final Pattern ACTION = Pattern.compile("[a-z0-9-]+:[A-Za-z0-9*?]+");
  private static final Pattern ARN =
      Pattern.compile("arn:aws(-cn|-us-gov)?:[a-z0-9-]+:([a-z]{2}(-gov)?-[a-z]+-\\d)?:(\\d{12})?:[^\\s]+");
  private static final Pattern SID = Pattern.compile("[A-Za-z0-9]*");

  private PolicyValidator() {}

  /** Every problem found, each naming the statement; empty when the policy passes. */
  public static List<String> problems(JsonNode policy) {
    List<String> problems = new ArrayList<>();
    if (policy == null || !policy.isObject()) {
      problems.add("the policy is not a JSON object");
      return problems;
    }
    for (Iterator<String> it = policy.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (!Set.of("Version", "Id", "Statement").contains(field)) {
        problems.add("unknown top-level element \"" + field + "\"");
      }
    }
    if (!"2012-10-17".equals(policy.path("Version").asText(null))) {
      problems.add("Version must be \"2012-10-17\"");
    }
    JsonNode statements = policy.path("Statement");
    if (!statements.isArray() || statements.isEmpty()) {
      problems.add("Statement must be a non-empty array");
      return problems;
    }
    Set<String> sids = new HashSet<>();
    for (int i = 0; i < statements.size(); i++) {
      JsonNode s = statements.get(i);
      String where = "Statement[" + i + "]" + (s.hasNonNull("Sid") ? " (" + s.get("Sid").asText() + ")" : "");
      if (!s.isObject()) {
        problems.add(where + ": not an object");
        continue;
      }
      if (s.hasNonNull("Sid") && !sids.add(s.get("Sid").asText())) {
        problems.add(where + ": Sid repeated");
      }
      statement(s, where, problems);
    }
    return problems;
  }

  /** Throws {@link IllegalStateException} listing the problems, if any. */
  public static void check(String name, JsonNode policy) {
    List<String> problems = problems(policy);
    if (!problems.isEmpty()) {
      throw new IllegalStateException(name + " is not a valid least-privilege policy: " + String.join("; ", problems));
    }
  }

  private static void statement(JsonNode s, String where, List<String> problems) {
    s.fieldNames().forEachRemaining(f -> {
      if (!IamVocabulary.STATEMENT_KEYS.contains(f)) {
        problems.add(where + ": unknown element \"" + f + "\"");
      }
    });
    String sid = s.path("Sid").asText("");
    if (!SID.matcher(sid).matches()) {
      problems.add(where + ": Sid may hold only letters and digits");
    }
    String effect = s.path("Effect").asText(null);
    if (!"Allow".equals(effect) && !"Deny".equals(effect)) {
      problems.add(where + ": Effect must be Allow or Deny");
    }
    boolean allow = "Allow".equals(effect);
    if (s.has("Action") == s.has("NotAction")) {
      problems.add(where + ": exactly one of Action and NotAction is required");
    }
    if (allow && s.has("NotAction")) {
      problems.add(where + ": Allow with NotAction grants everything else");
    }
    for (String action : strings(s.has("Action") ? s.get("Action") : s.path("NotAction"), where, "Action", problems)) {
      if (action.equals("*") || action.contains("*") || action.contains("?")) {
        problems.add(where + ": wildcard action \"" + action + "\"");
      } else if (!ACTION.matcher(action).matches()) {
        problems.add(where + ": \"" + action + "\" is not service:Action");
      } else if (!IamVocabulary.ACTIONS.contains(action)) {
        problems.add(where + ": unknown action \"" + action + "\"");
      }
    }
    boolean trust = s.has("Principal") || s.has("NotPrincipal");
    if (trust) {
      principal(s, where, problems);
    } else {
      resources(s, where, allow, sid, problems);
    }
    if (s.has("Condition")) {
      condition(s.get("Condition"), where, problems);
    }
  }

  private static void principal(JsonNode s, String where, List<String> problems) {
    if (s.has("NotPrincipal")) {
      problems.add(where + ": NotPrincipal is not allowed");
    }
    JsonNode p = s.path("Principal");
    if (!p.isObject() || p.isEmpty()) {
      problems.add(where + ": Principal must name a Service, AWS or Federated principal (never \"*\")");
    }
    if (s.has("Resource") || s.has("NotResource")) {
      problems.add(where + ": a trust policy statement has no Resource");
    }
  }

  private static void resources(JsonNode s, String where, boolean allow, String sid, List<String> problems) {
    if (s.has("Resource") == s.has("NotResource")) {
      problems.add(where + ": exactly one of Resource and NotResource is required");
    }
    if (allow && s.has("NotResource")) {
      problems.add(where + ": Allow with NotResource grants every other resource");
    }
    JsonNode r = s.has("Resource") ? s.get("Resource") : s.path("NotResource");
    for (String resource : strings(r, where, "Resource", problems)) {
      if (resource.equals("*")) {
        if (!sid.contains(UNSCOPED_SID_MARK)) {
          problems.add(where + ": \"Resource\": \"*\" without a Sid that says why it " + UNSCOPED_SID_MARK);
        }
      } else if (!ARN.matcher(resource).matches()) {
        problems.add(where + ": \"" + resource + "\" is not an ARN");
      } else if (resource.startsWith("arn:aws:s3:::*") || resource.matches("arn:aws[a-z-]*:s3:::\\*.*")) {
        problems.add(where + ": \"" + resource + "\" matches every bucket");
      }
    }
  }

  private static void condition(JsonNode c, String where, List<String> problems) {
    if (!c.isObject() || c.isEmpty()) {
      problems.add(where + ": Condition must be a non-empty object");
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = c.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!IamVocabulary.isConditionOperator(e.getKey())) {
        problems.add(where + ": unknown condition operator \"" + e.getKey() + "\"");
      }
      if (!e.getValue().isObject() || e.getValue().isEmpty()) {
        problems.add(where + ": condition " + e.getKey() + " must map keys to values");
        continue;
      }
      e.getValue().fields().forEachRemaining(kv -> {
        if (!kv.getKey().matches("[a-zA-Z0-9-]+:[A-Za-z0-9/_-]+")) {
          problems.add(where + ": condition key \"" + kv.getKey() + "\" is not service:key");
        }
        strings(kv.getValue(), where, "condition " + kv.getKey(), problems);
      });
    }
  }

  private static List<String> strings(JsonNode node, String where, String what, List<String> problems) {
    List<String> values = new ArrayList<>();
    if (node.isTextual()) {
      values.add(node.asText());
    } else if (node.isArray() && !node.isEmpty()) {
      for (JsonNode n : node) {
        if (n.isTextual()) {
          values.add(n.asText());
        } else {
          problems.add(where + ": " + what + " holds a non-string " + n);
        }
      }
    } else {
      problems.add(where + ": " + what + " must be a string or a non-empty array of strings");
    }
    return values;
  }
}
