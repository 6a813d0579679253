package dev.s3batch.tools.cli;

import dev.s3batch.tools.aws.AwsClients;
import dev.s3batch.tools.aws.AwsSetupException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code --region}, {@code --profile}, {@code --endpoint-url}: shared by every command that talks to AWS. */
public final class AwsOptions {

  @Option(names = "--region", paramLabel = "REGION", description = "AWS Region (default: AWS_REGION or your profile's).")
  String region;

  @Option(names = "--profile", paramLabel = "NAME", description = "Profile from ~/.aws (default: AWS_PROFILE or default).")
  String profile;

  @Option(
      names = "--endpoint-url",
      paramLabel = "URL",
      description = "Send requests to this http(s) endpoint instead of AWS (for example http://127.0.0.1:9090).")
  String endpointUrl;

  /**
   * The clients these options describe, their Region and credentials resolved: a command calls
   * this before it sends or writes anything.
   *
   * @throws CliException exit 2 when the SDK finds no Region or no credentials
   */
  public AwsClients clients() {
    return preflighted(new AwsClients(region, profile, endpoint()));
  }

  /** Resolves the Region and credentials of {@code clients} now: no Region or credentials exit 2. */
  static AwsClients preflighted(AwsClients clients) {
    try {
      return clients.preflight();
    } catch (AwsSetupException e) {
      throw CliException.usage(e.getMessage());
    }
  }

  /**
   * Checks, before the first task, that a function run in this process finds a Region and
   * credentials in {@code environment} (or through the SDK's default chains, as it would).
   *
   * @throws CliException exit 2 naming what is missing
   */
  public void preflightFunction(Map<String, String> environment) {
    try {
      AwsClients.preflightFunction(environment);
    } catch (AwsSetupException e) {
      throw CliException.usage(e.getMessage());
    }
  }

  /** The endpoint, or null. */
  public URI endpoint() {
    return endpoint("--endpoint-url", endpointUrl);
  }

  /**
   * An endpoint option's value: an absolute {@code http} or {@code https} URL, or null when not given.
   *
   * @throws CliException exit 2 naming the option otherwise
   */
  static URI endpoint(String option, String value) {
    if (value == null) {
      return null;
    }
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      throw CliException.usage(option + " \"" + value + "\" is not a URL: " + e.getReason());
    }
    if (uri.getScheme() == null || uri.getHost() == null) {
      throw CliException.usage(option + " \"" + value + "\" is not an absolute http(s) URL");
    }
    String scheme = uri.getScheme().toLowerCase(java.util.Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw CliException.usage(option + " \"" + value + "\": only http:// and https:// endpoints are supported");
    }
    return uri;
  }

  /** The region option, or null. */
  public String region() {
    return region;
  }
}
