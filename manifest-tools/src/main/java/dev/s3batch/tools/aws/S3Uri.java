package dev.s3batch.tools.aws;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An object or prefix in S3, written {@code s3://bucket/key}. The key is taken verbatim (no URL
 * decoding) and may be empty (the bucket's root, or a prefix). This is the one parser of
 * locations ({@link #location}): every option that takes an S3 URI, a local path or either reads
 * its text through it ({@link #requireS3}, {@link #requireLocal}, {@link #requireLocation}), each
 * package giving its own exception, so a mistyped {@code s3:/bucket/key} is refused everywhere
 * instead of becoming a local folder.
 *
 * <pre>{@code
 * S3Uri u = S3Uri.requireS3("--report", "s3://reports/jobs/2024", IllegalArgumentException::new); // reports, jobs/2024
 * u.child("manifest.json");                                      // s3://reports/jobs/2024/manifest.json
 * u.objectArn("aws");                                            // arn:aws:s3:::reports/jobs/2024
 * }</pre>
 *
 * @param bucket the bucket name, not empty (its syntax is checked by {@link #bucketNameProblem})
 * @param key the key or prefix, never null, possibly empty
 */
public record S3Uri(String bucket, String key) {

  private static final String SCHEME = "s3://";
  /** RFC 3986's scheme: a letter, then letters, digits, {@code +}, {@code .} or {@code -}; then {@code :}. */
  private static final Pattern URI_SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:");

  public S3Uri {
    Objects.requireNonNull(bucket, "bucket");
    Objects.requireNonNull(key, "key");
    if (bucket.isEmpty()) {
      throw new IllegalArgumentException("an S3 URI needs a bucket name");
    }
  }

  /**
   * Reads the text of a location option strictly: {@code s3://BUCKET[/KEY]} with a valid bucket
   * name is {@link Location.S3}; text that starts like a URI scheme ({@code letters, digits, + . -}
   * then {@code :}, any case) and is not that is {@link Location.Invalid} ({@code s3:/b/k},
   * {@code S3://b/k}, {@code s3:b/k}, {@code s3://}, {@code s3:///k}, {@code s3a://b},
   * {@code https://...}, {@code file:...}); anything else, a one-letter scheme (a Windows drive,
   * {@code C:\dir}) included, is a {@link Location.Local} path. A local file whose name holds a
   * colon is written {@code ./NAME}.
   */
  public static Location location(String text) {
    Objects.requireNonNull(text, "text");
    if (text.startsWith(SCHEME)) {
      String rest = text.substring(SCHEME.length());
      int slash = rest.indexOf('/');
      String bucket = slash < 0 ? rest : rest.substring(0, slash);
      if (bucket.isEmpty()) {
        return new Location.Invalid("no bucket name after s3://; write s3://BUCKET/KEY");
      }
      Optional<String> why = bucketNameProblem(bucket);
      if (why.isPresent()) {
        return new Location.Invalid("\"" + bucket + "\" is not a bucket name: " + why.get());
      }
      return new Location.S3(new S3Uri(bucket, slash < 0 ? "" : rest.substring(slash + 1)));
    }
    Matcher scheme = URI_SCHEME.matcher(text);
    if (!scheme.lookingAt() || scheme.end() == 2) {
      return new Location.Local(text);
    }
    String name = text.substring(0, scheme.end() - 1);
    if (name.equalsIgnoreCase("s3")) {
      String rest = text.substring(scheme.end());
      return new Location.Invalid(rest.startsWith("//") && !name.equals("s3")
          ? "write the scheme in lower case: s3://" + rest.substring(2)
          : "write s3:// with two slashes, as in s3://BUCKET/KEY");
    }
    return new Location.Invalid("\"" + name + ":\" is not a location s3batch reads; write s3://BUCKET/KEY, or a local "
        + "path (./NAME for a file whose name holds a colon)");
  }

  /**
   * The S3 location {@code text} names, for an option that takes only S3 locations.
   *
   * @param error makes the exception to throw from a message {@code OPTION "TEXT": reason}
   */
  public static S3Uri requireS3(String option, String text, Function<String, ? extends RuntimeException> error) {
    Location l = location(text);
    if (l instanceof Location.S3 s) {
      return s.uri();
    }
    throw error.apply(problem(option, text,
        l instanceof Location.Invalid i ? i.reason() : "not an s3:// URI; write s3://BUCKET/KEY"));
  }

  /**
   * The S3 location or local path {@code text} names, for an option that takes either; a mistyped
   * S3 address is refused.
   *
   * @param error makes the exception to throw from a message {@code OPTION "TEXT": reason}
   */
  public static Location requireLocation(String option, String text, Function<String, ? extends RuntimeException> error) {
    Location l = location(text);
    if (l instanceof Location.Invalid i) {
      throw error.apply(problem(option, text, i.reason()));
    }
    return l;
  }

  /**
   * The local path {@code text} names, for an option that takes only a local file or folder; an S3
   * location or a mistyped one is refused (it would otherwise become a local folder named {@code s3:}).
   *
   * @param error makes the exception to throw from a message {@code OPTION "TEXT": reason}
   */
  public static String requireLocal(String option, String text, Function<String, ? extends RuntimeException> error) {
    if (location(text) instanceof Location.Local l) {
      return l.path();
    }
    // a mistyped S3 address is refused the same way: this option takes no S3 location at all
    throw error.apply(problem(option, text, option + " takes a local path, not an S3 location"));
  }

  private static String problem(String option, String text, String reason) {
    return option + " \"" + text + "\": " + reason;
  }

  /**
   * Why {@code name} is not a general-purpose bucket name, empty when it is one: 3 to 63 characters
   * of lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit, no
   * {@code ..}, not an IP address. Such names need no escaping in a manifest.
   */
  public static Optional<String> bucketNameProblem(String name) {
    int n = name.length();
    if (n < 3 || n > 63) {
      return Optional.of("a bucket name has 3 to 63 characters");
    }
    for (int i = 0; i < n; i++) {
      char c = name.charAt(i);
      if (!alnum(c) && c != '.' && c != '-') {
        return Optional.of("only lowercase letters, digits, '.' and '-' are allowed");
      }
    }
    if (!alnum(name.charAt(0)) || !alnum(name.charAt(n - 1))) {
      return Optional.of("it must start and end with a letter or digit");
    }
    if (name.contains("..")) {
      return Optional.of("it must not contain \"..\"");
    }
    if (name.matches("\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}")) {
      return Optional.of("it must not look like an IP address");
    }
    return Optional.empty();
  }

  /** The bucket's ARN in a partition, for example {@code arn:aws:s3:::bucket}. */
  public String bucketArn(String partition) {
    return "arn:" + partition + ":s3:::" + bucket;
  }

  /** The object's ARN in a partition, for example {@code arn:aws:s3:::bucket/key}. */
  public String objectArn(String partition) {
    return bucketArn(partition) + "/" + key;
  }

  /** The key under this one: {@code key + "/" + name}, without a doubled or leading slash. */
  public S3Uri child(String name) {
    if (key.isEmpty()) {
      return new S3Uri(bucket, name);
    }
    return new S3Uri(bucket, key.endsWith("/") ? key + name : key + "/" + name);
  }

  /** The key as a prefix: empty, or ending in {@code /}. */
  public String prefix() {
    return key.isEmpty() || key.endsWith("/") ? key : key + "/";
  }

  /** The URI as text: {@code s3://bucket/key}. */
  @Override
  public String toString() {
    return SCHEME + bucket + "/" + key;
  }

  private static boolean alnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }
}
