package dev.s3batch.tools.lambdaclient;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A function as Lambda's Invoke API names it: a name, a name with its alias or version
 * ({@code my-function:live}), a partial ARN ({@code 123456789012:function:my-function}) or a full
 * ARN, checked against the {@code FunctionName} pattern of the Lambda service model, and an
 * optional qualifier (alias or version) given apart. A name that carries a qualifier and a
 * qualifier given apart are refused together, since Lambda would pick neither silently.
 *
 * <pre>{@code
 * FunctionRef f = FunctionRef.of("arn:aws:lambda:us-east-1:123456789012:function:s3batch", "live");
 * }</pre>
 *
 * @param name the function name or ARN, as given
 * @param qualifier the alias or version given apart, or null
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html">Invoke</a>
 */
public record FunctionRef(String name, String qualifier) {

  /** The Lambda service model's pattern of {@code Invoke}'s {@code FunctionName}. */
  private static final Pattern NAME = Pattern.compile(
      "(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_\\.]+)"
          + "(:(\\$LATEST|[a-zA-Z0-9-_]+))?");
  private static final Pattern QUALIFIER = Pattern.compile("[a-zA-Z0-9$_-]{1,128}");

  public FunctionRef {
    Objects.requireNonNull(name, "name");
    Matcher m = NAME.matcher(name);
    if (name.isEmpty() || name.length() > 170 || !m.matches()) {
      throw new IllegalArgumentException("\"" + name + "\" is not a function name or ARN (a name such as my-function,"
          + " my-function:ALIAS, or arn:aws:lambda:REGION:ACCOUNT:function:NAME)");
    }
    if (qualifier != null) {
      if (!QUALIFIER.matcher(qualifier).matches()) {
        throw new IllegalArgumentException("\"" + qualifier + "\" is not an alias or version (1 to 128 of a-z A-Z 0-9 $ _ -)");
      }
      if (m.group(8) != null) {
        throw new IllegalArgumentException(name + " already names the version or alias " + m.group(9));
      }
    }
  }

  /** The function named by {@code name}, with {@code qualifier} (null for none). */
  public static FunctionRef of(String name, String qualifier) {
    return new FunctionRef(name, qualifier);
  }

  /** As a user would write it: {@code name}, or {@code name} with {@code (qualifier Q)}. */
  @Override
  public String toString() {
    return qualifier == null ? name : name + " (qualifier " + qualifier + ")";
  }
}
