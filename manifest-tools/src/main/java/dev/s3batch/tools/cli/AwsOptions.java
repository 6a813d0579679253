package dev.s3batch.tools.cli;

import dev.s3batch.tools.aws.AwsClients;
import java.net.URI;
import java.net.URISyntaxException;
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
      description = "Send requests to this endpoint instead of AWS (for example http://127.0.0.1:9090).")
  String endpointUrl;

  /** The clients these options describe. */
  public AwsClients clients() {
    return new AwsClients(region, profile, endpoint());
  }

  /** The endpoint, or null. */
  public URI endpoint() {
    if (endpointUrl == null) {
      return null;
    }
    try {
      URI uri = new URI(endpointUrl);
      if (uri.getScheme() == null || uri.getHost() == null) {
        throw CliException.usage("--endpoint-url \"" + endpointUrl + "\" is not an absolute http(s) URL");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw CliException.usage("--endpoint-url \"" + endpointUrl + "\" is not a URL: " + e.getReason());
    }
  }

  /** The region option, or null. */
  public String region() {
    return region;
  }
}
