package dev.s3batch.tools.job;

/**
 * What HeadObject (and a ranged GetObject of the first bytes) told about a manifest object.
 *
 * @param etag the ETag without quotes, as the AWS CLI passes it to CreateJob
 * @param versionId the version id, or null in an unversioned bucket
 * @param firstLine the manifest's first line, or null when it was not read
 */
public record ManifestObject(String etag, String versionId, String firstLine) {}
