package dev.s3batch.tools.cli;

import dev.s3batch.tools.job.JobDraft;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --generate} and the filters of S3's manifest generator, for {@code job submit}. */
public final class GeneratorOptions {

  @Option(names = "--generate", paramLabel = "S3_URI", description = "Let S3 list the objects: s3://BUCKET[/PREFIX] (instead of --manifest).")
  String generate;

  @Option(names = "--match-prefix", paramLabel = "PREFIX", description = "With --generate: another key prefix; repeatable.")
  List<String> prefixes = new ArrayList<>();

  @Option(names = "--match-suffix", paramLabel = "SUFFIX", description = "With --generate: keys ending so; repeatable.")
  List<String> suffixes = new ArrayList<>();

  @Option(names = "--match-substring", paramLabel = "TEXT", description = "With --generate: keys containing it; repeatable.")
  List<String> substrings = new ArrayList<>();

  @Option(names = "--created-after", paramLabel = "WHEN", description = "With --generate: 2024-05-31 or 2024-05-31T12:00:00Z.")
  String createdAfter;

  @Option(names = "--created-before", paramLabel = "WHEN", description = "With --generate: 2024-05-31 or 2024-05-31T12:00:00Z.")
  String createdBefore;

  @Option(names = "--size-greater-than", paramLabel = "BYTES", description = "With --generate.")
  Long sizeGreaterThan;

  @Option(names = "--size-less-than", paramLabel = "BYTES", description = "With --generate.")
  Long sizeLessThan;

  @Option(names = "--storage-class", paramLabel = "CLASS", description = "With --generate: STANDARD, GLACIER, ...; repeatable.")
  List<String> storageClasses = new ArrayList<>();

  @Option(names = "--eligible-for-replication", description = "With --generate: only objects the bucket's replication rules cover.")
  boolean eligibleForReplication;

  @Option(names = "--generated-manifest-to", paramLabel = "S3_URI", description = "With --generate: keep the generated manifest under s3://BUCKET/PREFIX.")
  String output;

  /** The generator draft, or null without {@code --generate}. */
  JobDraft.GeneratorDraft draft() {
    if (generate == null) {
      boolean anyFilter = !prefixes.isEmpty() || !suffixes.isEmpty() || !substrings.isEmpty() || createdAfter != null
          || createdBefore != null || sizeGreaterThan != null || sizeLessThan != null || !storageClasses.isEmpty()
          || eligibleForReplication || output != null;
      if (anyFilter) {
        throw CliException.usage("the manifest generator options (--match-*, --created-*, --size-*, --storage-class, "
            + "--eligible-for-replication, --generated-manifest-to) need --generate");
      }
      return null;
    }
    return new JobDraft.GeneratorDraft(generate, prefixes, suffixes, substrings, createdAfter, createdBefore,
        sizeGreaterThan, sizeLessThan, storageClasses, eligibleForReplication, output);
  }
}
