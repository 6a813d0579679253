package dev.s3batch.tools.cli;

import dev.s3batch.tools.aws.S3Uri;
import dev.s3batch.tools.manifest.BucketNames;
import dev.s3batch.tools.manifest.ConsoleProgress;
import dev.s3batch.tools.manifest.CsvKeySource;
import dev.s3batch.tools.manifest.FileManifestOutput;
import dev.s3batch.tools.manifest.InputFile;
import dev.s3batch.tools.manifest.JsonLinesKeySource;
import dev.s3batch.tools.manifest.KeyListSource;
import dev.s3batch.tools.manifest.KeySource;
import dev.s3batch.tools.manifest.ListingKeySource;
import dev.s3batch.tools.manifest.ManifestBuilder;
import dev.s3batch.tools.manifest.ManifestException;
import dev.s3batch.tools.manifest.ManifestOutput;
import dev.s3batch.tools.manifest.ManifestUris;
import dev.s3batch.tools.manifest.ObjectFilter;
import dev.s3batch.tools.manifest.ProgressListener;
import dev.s3batch.tools.manifest.Sizes;
import dev.s3batch.tools.manifest.SkippedKeysWriter;
import dev.s3batch.tools.manifest.StreamManifestOutput;
import dev.s3batch.tools.manifest.SuffixKeySource;
import dev.s3batch.tools.manifest.VersionSelection;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code s3batch manifest build}: streams keys from a file or an S3 listing into a URL-encoded
 * {@code S3BatchOperations_CSV_20180820} manifest (a file, split files, or stdout), and optionally
 * uploads it and prints the {@code create-job --manifest} JSON.
 */
@Command(
    name = "build",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Build an S3 Batch Operations CSV manifest (no header; keys URL-encoded so they decode the same either way "
          + "a function reads '+').",
      "Give one input: --keys, --csv, --jsonl (FILE, or - for stdin) or --list s3://bucket/prefix.",
      "Output goes to a temporary file renamed when complete; on bad input nothing is left behind (exit 2).",
      "With --skip-invalid FILE, rows that cannot be in a manifest go to FILE instead and the rest is built (exit 3)."
    })
public final class ManifestBuildCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Input input;

  static final class Input {
    @Option(names = "--keys", paramLabel = "FILE", description = "One raw key per line (needs --bucket).")
    String keys;

    @Option(names = "--csv", paramLabel = "FILE", description = "Raw bucket,key[,versionId] rows; RFC 4180 quotes allowed.")
    String csv;

    @Option(names = "--jsonl", paramLabel = "FILE",
        description = "One JSON object per line: {\"bucket\",\"key\",\"versionId\"}, or task parameters that become a JSON key.")
    String jsonl;

    @Option(names = "--list", paramLabel = "S3URI", description = "List s3://bucket/prefix (ListObjectsV2, or ListObjectVersions with --versions).")
    String list;
  }

  @Option(names = "--bucket", paramLabel = "BUCKET", description = "Bucket of every key (--keys) or of lines without one (--jsonl).")
  String bucket;

  @Option(names = "--versions", paramLabel = "WHICH",
      description = "With --list: list versions and write version ids: latest, noncurrent, delete-markers or all.")
  String versions;

  @Option(names = "--suffix", paramLabel = "TEXT", description = "Keep keys that end with TEXT (for example .jpg).")
  String suffix;

  @Option(names = "--min-size", paramLabel = "SIZE", description = "With --list: keep objects of at least SIZE (500, 10KB, 1MiB).")
  String minSize;

  @Option(names = "--max-size", paramLabel = "SIZE", description = "With --list: keep objects of at most SIZE.")
  String maxSize;

  @Option(names = "--modified-after", paramLabel = "TIME",
      description = "With --list: keep objects last modified at or after TIME (2024-01-01 or 2024-01-01T12:00:00Z).")
  String modifiedAfter;

  @Option(names = "--modified-before", paramLabel = "TIME", description = "With --list: keep objects last modified before TIME.")
  String modifiedBefore;

  @Option(names = "--storage-class", paramLabel = "CLASS", split = ",",
      description = "With --list: keep objects of these storage classes (STANDARD,GLACIER,...).")
  List<String> storageClasses = new ArrayList<>();

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the manifest to FILE (default: stdout).")
  String output;

  @Option(names = "--max-rows", paramLabel = "N", description = "Split into files of at most N rows: out-00001.csv, out-00002.csv, ...")
  Long maxRows;

  @Option(names = "--upload", paramLabel = "S3URI",
      description = "Upload the manifest to s3://bucket/key and print the create-job --manifest JSON.")
  String upload;

  @Option(names = "--skip-invalid", paramLabel = "FILE",
      description = "Write rows that cannot be in a manifest (a key over 1,024 bytes or encoded characters, ...) to FILE, "
          + "one JSON object with the reason per line, and build the rest (exit 3 when any was skipped).")
  String skipInvalid;

  @Option(names = {"-q", "--quiet"}, description = "No progress line and no summary on stderr.")
  boolean quiet;

  @Mixin AwsOptions aws;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      checkOptions();
      Path outputFile = output == null ? null : Path.of(ManifestUris.local(output, "-o"));
      S3Uri listing = input.list == null ? null : ManifestUris.parse(input.list, "--list");
      VersionSelection selection = versions == null ? null : VersionSelection.fromOption(versions)
          .orElseThrow(() -> CliException.usage(
              "--versions \"" + versions + "\": give latest, noncurrent, delete-markers or all"));
      ObjectFilter filter = listing == null ? null : filter();
      S3Uri target = upload == null ? null : ManifestUris.parseObject(upload, "--upload");
      Path skipFile = skipInvalid == null ? null : Path.of(ManifestUris.local(skipInvalid, "--skip-invalid"));
      boolean split = maxRows != null;
      try (SkippedKeysWriter skipped = skipFile == null ? null : SkippedKeysWriter.open(skipFile, "--skip-invalid")) {
        return build(out, err, outputFile, listing, selection, filter, target, split, skipped);
      }
    } catch (ManifestException e) {
      throw new CliException(ExitCodes.USAGE, e.getMessage(), e);
    } catch (SdkException e) {
      throw new CliException(ExitCodes.FAILED, "S3 answered an error: " + e.getMessage(), e);
    }
  }

  private int build(PrintWriter out, PrintWriter err, Path outputFile, S3Uri listing, VersionSelection selection,
      ObjectFilter filter, S3Uri target, boolean split, SkippedKeysWriter skipped) throws IOException {
    Path tempDir = output == null && target != null ? Files.createTempDirectory("s3batch-manifest-") : null;
    ManifestOutput sink =
        outputFile != null ? FileManifestOutput.of(outputFile, split, "-o")
            : tempDir != null ? FileManifestOutput.of(tempDir.resolve("manifest.csv"), split, "-o")
            : new StreamManifestOutput(out, "stdout");
    ProgressListener progress =
        quiet || System.console() == null ? ProgressListener.NONE : new ConsoleProgress(err, System::nanoTime);
    S3Client s3 = input.list != null || target != null ? aws.clients().s3() : null;
    try {
      ManifestBuilder.Result result = ManifestBuilder.build(
          source(s3, listing, selection, filter, progress), sink, split ? maxRows : Long.MAX_VALUE, progress, skipped);
      if (!quiet && (output != null || tempDir == null)) {
        err.printf("wrote %,d %s%s to %s%n", result.rows(), result.rows() == 1 ? "row" : "rows",
            result.versioned() ? " with version ids" : "",
            String.join(", ", result.parts()));
      }
      if (target != null) {
        ManifestUploadCommand.uploadParts(s3, result.parts(), target, split, result.versioned(), out);
      }
      if (result.skipped() > 0) {
        err.printf("%,d %s skipped, see %s%n", result.skipped(), result.skipped() == 1 ? "key" : "keys", skipInvalid);
        err.flush();
        return ExitCodes.TASKS_FAILED;
      }
    } finally {
      if (s3 != null) {
        s3.close();
      }
      if (tempDir != null) {
        deleteTree(tempDir);
      }
    }
    return ExitCodes.OK;
  }

  private void checkOptions() {
    if (input.keys != null && bucket == null) {
      throw CliException.usage("--keys needs --bucket: the key list names keys, not buckets");
    }
    if ((input.csv != null || input.list != null) && bucket != null) {
      throw CliException.usage("--bucket is for --keys and --jsonl; " + (input.csv != null
          ? "a --csv row names its bucket in its first field" : "--list names its bucket in the s3:// URI"));
    }
    if (input.list == null && (versions != null || minSize != null || maxSize != null
        || modifiedAfter != null || modifiedBefore != null || !storageClasses.isEmpty())) {
      throw CliException.usage(
          "--versions, --min-size, --max-size, --modified-after, --modified-before and --storage-class need --list: "
              + "only a listing knows versions, sizes, dates and storage classes");
    }
    if (maxRows != null && maxRows < 1) {
      throw CliException.usage("--max-rows " + maxRows + ": give at least 1");
    }
    if (maxRows != null && output == null && upload == null) {
      throw CliException.usage("--max-rows needs -o FILE (or --upload): split manifests are numbered files");
    }
  }

  private KeySource source(
      S3Client s3, S3Uri listing, VersionSelection selection, ObjectFilter filter, ProgressListener progress) {
    KeySource source;
    if (input.keys != null) {
      source = new KeyListSource(inputFile("--keys", input.keys), checked(bucket), progress);
    } else if (input.csv != null) {
      source = new CsvKeySource(inputFile("--csv", input.csv), progress);
    } else if (input.jsonl != null) {
      source = new JsonLinesKeySource(inputFile("--jsonl", input.jsonl),
          bucket == null ? null : checked(bucket), progress);
    } else {
      return new ListingKeySource(s3, listing, selection, filter, progress);
    }
    return suffix == null ? source : new SuffixKeySource(source, suffix);
  }

  private static InputFile inputFile(String option, String path) {
    return new InputFile(option, ManifestUris.local(path, option), System.in);
  }

  private static String checked(String bucket) {
    try {
      BucketNames.check(bucket);
      return bucket;
    } catch (ManifestException e) {
      throw CliException.usage("--bucket " + e.getMessage());
    }
  }

  private ObjectFilter filter() {
    return new ObjectFilter(
        suffix,
        minSize == null ? null : Sizes.parse(minSize, "--min-size"),
        maxSize == null ? null : Sizes.parse(maxSize, "--max-size"),
        modifiedAfter == null ? null : Sizes.parseTime(modifiedAfter, "--modified-after"),
        modifiedBefore == null ? null : Sizes.parseTime(modifiedBefore, "--modified-before"),
        Set.copyOf(storageClasses));
  }

  private static void deleteTree(Path dir) throws IOException {
    try (var files = Files.list(dir)) {
      for (Path p : files.toList()) {
        Files.deleteIfExists(p);
      }
    }
    Files.deleteIfExists(dir);
  }
}
