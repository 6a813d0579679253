package dev.s3batch.tools.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s3batch.tools.iam.IamInputException;
import dev.s3batch.tools.iam.IamRenderer;
import dev.s3batch.tools.iam.RenderRequest;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code s3batch iam render}: prints (or writes) the concrete least-privilege policies of one
 * deployment, ready for {@code aws iam create-role} and {@code aws iam put-role-policy}.
 */
@Command(
    name = "render",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Print the least-privilege trust and permission policies of the job role and the function role.",
      "They are scoped to exactly this function, manifest, report and buckets. --write DIR writes them as job-role-trust.json,",
      "job-role-permissions.json, function-role-trust.json and function-role-permissions.json."
    })
public final class IamRenderCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--function-arn", required = true, paramLabel = "ARN", description = "The function the job invokes.")
  String functionArn;

  @Option(names = "--manifest", required = true, paramLabel = "s3://BUCKET/KEY",
      description = "The job's manifest object (with --manifest-generator: where the generated manifest goes, s3://BUCKET/PREFIX).")
  String manifest;

  @Option(names = "--report", required = true, paramLabel = "s3://BUCKET/PREFIX", description = "Where the completion report goes.")
  String report;

  @Option(names = "--source-bucket", required = true, paramLabel = "BUCKET", description = "The bucket of the manifest's objects.")
  String sourceBucket;

  @Option(names = "--destination-bucket", paramLabel = "BUCKET", description = "Where copy and move write.")
  String destinationBucket;

  @Option(names = "--action", required = true, paramLabel = "NAME", description = "The function's built-in action.")
  String action;

  @Option(names = "--account-id", paramLabel = "ID", description = "The account (default: the function ARN's).")
  String accountId;

  @Option(names = "--region", paramLabel = "REGION", description = "The Region (default: the function ARN's).")
  String region;

  @Option(names = "--manifest-generator", description = "The job generates its manifest by listing --source-bucket.")
  boolean manifestGenerator;

  @Option(names = "--acl", description = "The copy sets a canned ACL on its destination objects (adds s3:PutObjectAcl).")
  boolean acl;

  @Option(names = "--write", paramLabel = "DIR", description = "Write the policies as files in DIR instead of printing them.")
  Path write;

  @Override
  public Integer call() throws IOException {
    if (write != null) {
      dev.s3batch.tools.aws.S3Uri.requireLocal("--write", write.toString(), CliException::usage);
    }
    Map<String, ObjectNode> files;
    try {
      files = IamRenderer.render(new RenderRequest(functionArn, manifest, report, sourceBucket, destinationBucket,
          action, accountId, region, manifestGenerator, acl));
    } catch (IamInputException e) {
      throw CliException.usage(e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    // Built here, not in a static field: picocli instantiates every command to build the model.
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    if (write == null) {
      for (Map.Entry<String, ObjectNode> e : files.entrySet()) {
        out.println("# " + e.getKey());
        out.println(json.writeValueAsString(e.getValue()));
      }
      return ExitCodes.OK;
    }
    if (Files.exists(write) && !Files.isDirectory(write)) {
      throw CliException.usage("--write " + write + ": not a directory");
    }
    Files.createDirectories(write);
    for (Map.Entry<String, ObjectNode> e : files.entrySet()) {
      Path target = write.resolve(e.getKey());
      Path temp = write.resolve("." + e.getKey() + ".tmp");
      Files.writeString(temp, json.writeValueAsString(e.getValue()) + "\n", StandardCharsets.UTF_8);
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      out.println("wrote " + target);
    }
    return ExitCodes.OK;
  }
}
