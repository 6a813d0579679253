package dev.s3batch.tools.iam;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The policy files under {@code iam/} as {@link ActionPermissions} and {@link Policies} say they must be. */
final class PolicyFiles {

  /** Sample values for every placeholder the files use. */
  static final Map<String, String> SAMPLE = Map.of(
      "AccountId", "123456789012", "Region", "eu-west-1", "FunctionName", "s3batch",
      "ManifestBucket", "manifests", "ManifestKey", "jobs/manifest.csv", "ManifestPrefix", "generated/",
      "ReportBucket", "reports", "ReportPrefix", "batch/", "SourceBucket", "photos",
      "DestinationBucket", "photos-copy");

  private PolicyFiles() {}

  /** The repository's {@code iam/} folder, found from the module or the root directory. */
  static Path iamDirectory() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      if (Files.isDirectory(dir.resolve("iam")) && Files.exists(dir.resolve("build-parent/pom.xml"))) {
        return dir.resolve("iam");
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException("no iam/ folder above " + Path.of("").toAbsolutePath());
  }

  /** Every policy file, by its path relative to {@code iam/}, with its expected content. */
  static Map<String, ObjectNode> expected() {
    Map<String, ObjectNode> files = new LinkedHashMap<>();
    files.put("job-role/trust-policy.json", Policies.jobRoleTrust());
    files.put("job-role/permissions.json", Policies.jobRolePermissions());
    files.put("job-role/manifest-generator.json", Policies.manifestGenerator());
    files.put("function-role/trust-policy.json", Policies.functionRoleTrust());
    for (String action : ActionPermissions.actions()) {
      files.put("function-role/" + action + ".json", Policies.functionRole(action));
    }
    for (String addOn : ActionPermissions.addOns()) {
      files.put("function-role/" + addOn + "-addon.json", Policies.functionRoleAddOn(addOn));
    }
    return files;
  }
}
