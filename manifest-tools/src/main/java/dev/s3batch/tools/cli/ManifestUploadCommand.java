package dev.s3batch.tools.cli;

import dev.s3batch.tools.aws.S3Uri;
import dev.s3batch.tools.manifest.InputFile;
import dev.s3batch.tools.manifest.ManifestCheck;
import dev.s3batch.tools.manifest.ManifestException;
import dev.s3batch.tools.manifest.ManifestUploader;
import dev.s3batch.tools.manifest.ManifestUris;
import dev.s3batch.tools.manifest.UploadedManifest;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code s3batch manifest upload FILE s3://bucket/key}: checks a manifest file, uploads it and
 * prints the JSON that {@code aws s3control create-job --manifest} takes, with the real ETag.
 */
@Command(
    name = "upload",
    mixinStandardHelpOptions = true,
    description = {
      "Check a manifest file, upload it, and print the create-job --manifest JSON (Spec and Location with the bare ETag).",
      "Example: s3batch manifest upload manifest.csv s3://my-bucket/manifests/manifest.csv"
    })
public final class ManifestUploadCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The manifest file (bucket,key[,versionId] rows, keys URL-encoded).")
  String file;

  @Parameters(index = "1", paramLabel = "S3URI", description = "Where to upload it: s3://bucket/key.")
  String target;

  @Mixin AwsOptions aws;

  @Override
  public Integer call() throws IOException {
    try {
      String local = ManifestUris.local(file, "FILE");
      S3Uri to = ManifestUris.parseObject(target, "S3URI");
      boolean versioned = ManifestCheck.versioned(new InputFile("FILE", local, System.in));
      try (S3Client s3 = aws.clients().s3()) {
        uploadParts(s3, List.of(local), to, false, versioned, spec.commandLine().getOut());
      }
      return ExitCodes.OK;
    } catch (ManifestException e) {
      throw new CliException(ExitCodes.USAGE, e.getMessage(), e);
    } catch (SdkException e) {
      throw new CliException(ExitCodes.FAILED, "S3 answered an error: " + e.getMessage(), e);
    }
  }

  /**
   * Uploads each part (part {@code n} of a split manifest to the target with {@code -0000n} before
   * its extension) and prints one create-job JSON line per part.
   */
  static void uploadParts(
      S3Client s3, List<String> parts, S3Uri target, boolean split, boolean versioned, PrintWriter out) {
    for (int i = 0; i < parts.size(); i++) {
      S3Uri to = split ? ManifestUploader.partTarget(target, i + 1) : target;
      UploadedManifest uploaded = ManifestUploader.upload(s3, Path.of(parts.get(i)), to, versioned);
      out.println(uploaded.toCreateJobJson());
    }
    out.flush();
  }
}
