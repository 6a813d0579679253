package dev.s3batch.tools.iam;

import java.util.List;
import java.util.Objects;

/**
 * One statement of a function role's policy: the IAM actions an action needs on one scope.
 *
 * @param sid the statement id, saying why (letters and digits only, as IAM requires)
 * @param actions the IAM actions, {@code service:Action}
 * @param scope the resource they apply to
 */
public record Grant(String sid, List<String> actions, Scope scope) {

  public Grant {
    Objects.requireNonNull(sid, "sid");
    Objects.requireNonNull(scope, "scope");
    actions = List.copyOf(actions);
    if (!sid.matches("[A-Za-z0-9]+")) {
      throw new IllegalArgumentException("a Sid is letters and digits only: " + sid);
    }
  }

  /** A grant of {@code actions} on {@code scope}. */
  public static Grant of(String sid, Scope scope, String... actions) {
    return new Grant(sid, List.of(actions), scope);
  }
}
