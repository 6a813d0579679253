package dev.s3batch.tools.iam;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;

/**
 * Decides, like IAM's evaluation of one identity policy without conditions, whether a policy
 * allows an action on a resource: an explicit Deny wins, else some Allow statement must match
 * both the action and the resource ({@code *} and {@code ?} wildcards as in IAM).
 */
final class PolicySimulator {

  private PolicySimulator() {}

  static boolean allows(JsonNode policy, Permission p) {
    boolean allowed = false;
    for (JsonNode s : policy.path("Statement")) {
      boolean matches = any(s.path("Action"), p.action()) && any(s.path("Resource"), p.resource());
      if (matches && "Deny".equals(s.path("Effect").asText())) {
        return false;
      }
      allowed |= matches && "Allow".equals(s.path("Effect").asText());
    }
    return allowed;
  }

  private static boolean any(JsonNode patterns, String value) {
    if (patterns.isTextual()) {
      return glob(patterns.asText(), value);
    }
    for (JsonNode p : patterns) {
      if (glob(p.asText(), value)) {
        return true;
      }
    }
    return false;
  }

  private static boolean glob(String pattern, String value) {
    StringBuilder regex = new StringBuilder();
    for (char c : pattern.toCharArray()) {
      regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
    }
    return value.matches(regex.toString());
  }
}
