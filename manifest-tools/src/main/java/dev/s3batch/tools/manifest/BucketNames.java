package dev.s3batch.tools.manifest;

/**
 * Checks bucket-name syntax (the general-purpose bucket rules): 3 to 63 characters of lowercase
 * letters, digits, dots and hyphens, starting and ending with a letter or digit, no {@code ..},
 * not an IP address. Such names need no escaping in a manifest, so they are written as is.
 */
public final class BucketNames {

  private BucketNames() {}

  /** Throws a {@link ManifestException} saying why {@code name} is not a bucket name. */
  public static void check(String name) {
    String why = problem(name);
    if (why != null) {
      throw new ManifestException("\"" + name + "\" is not a bucket name: " + why);
    }
  }

  /** Why {@code name} is not a bucket name, or null when it is one. */
  public static String problem(String name) {
    int n = name.length();
    if (n < 3 || n > 63) {
      return "a bucket name has 3 to 63 characters";
    }
    for (int i = 0; i < n; i++) {
      char c = name.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
      if (!ok) {
        return "only lowercase letters, digits, '.' and '-' are allowed";
      }
    }
    if (!alnum(name.charAt(0)) || !alnum(name.charAt(n - 1))) {
      return "it must start and end with a letter or digit";
    }
    if (name.contains("..")) {
      return "it must not contain \"..\"";
    }
    if (name.matches("\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}")) {
      return "it must not look like an IP address";
    }
    return null;
  }

  private static boolean alnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }
}
