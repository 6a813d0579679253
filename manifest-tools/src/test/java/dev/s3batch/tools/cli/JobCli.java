package dev.s3batch.tools.cli;

import java.util.ArrayList;
import java.util.List;

/** Runs {@code s3batch} in-process for the job command tests, with static test credentials. */
final class JobCli {

  static {
    // Static credentials for the SDK's default chain: the fakes do not check signatures.
    System.setProperty("aws.accessKeyId", "test");
    System.setProperty("aws.secretAccessKey", "test");
  }

  private JobCli() {}

  static CliRun run(String... args) {
    return CliRun.of(args);
  }

  static String[] args(List<String> first, String... rest) {
    List<String> all = new ArrayList<>(first);
    all.addAll(List.of(rest));
    return all.toArray(String[]::new);
  }
}
