package dev.s3batch.tools.cli;

import picocli.CommandLine.Command;

/** {@code s3batch manifest}: groups its subcommands. */
@Command(
    name = "manifest",
    mixinStandardHelpOptions = true,
    description = "Build and upload URL-encoded S3 Batch Operations CSV manifests.",
    subcommands = {ManifestBuildCommand.class, ManifestUploadCommand.class})
public final class ManifestCommand {}
