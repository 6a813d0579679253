package dev.s3batch.handler.internal.copy;

/**
 * What a copy did.
 *
 * @param source the source, pinned to the version and ETag copied
 * @param target where the copy is
 * @param eTag the ETag of the object at the target, quoted
 * @param versionId the copy's version id, or null
 * @param alreadyCopied true when the target already held the same content and nothing was copied
 * @param partsCopied parts copied by this invocation (0 for a one-call copy)
 * @param partsResumed parts found already copied by an earlier invocation
 * @param lostUploadsAborted empty uploads aborted that lost CreateMultipartUpload answers had opened
 *     (see {@link UploadCreation})
 * @param cleanUpProblem why such an upload may be left open, or null
 */
public record CopyResult(
    SourceObject source, Target target, String eTag, String versionId, boolean alreadyCopied, int partsCopied,
    int partsResumed, int lostUploadsAborted, String cleanUpProblem) {

  /** A result with nothing to say about lost uploads. */
  public CopyResult(SourceObject source, Target target, String eTag, String versionId, boolean alreadyCopied,
      int partsCopied, int partsResumed) {
    this(source, target, eTag, versionId, alreadyCopied, partsCopied, partsResumed, 0, null);
  }

  /** The result string for the report. */
  public String message(String verb) {
    if (alreadyCopied) {
      return "already copied " + source.location() + " to " + target.location() + " (" + source.size()
          + " bytes, etag " + eTag + ")";
    }
    String parts = partsCopied + partsResumed == 0 ? ""
        : ", " + (partsCopied + partsResumed) + " parts" + (partsResumed == 0 ? "" : ", " + partsResumed + " resumed");
    String lost = lostUploadsAborted == 0 ? ""
        : "; aborted " + lostUploadsAborted + " empty upload" + (lostUploadsAborted == 1 ? "" : "s")
            + " a lost CreateMultipartUpload answer had opened";
    return verb + " " + source.location() + " to " + target.location() + (versionId == null ? "" : "?versionId=" + versionId)
        + " (" + source.size() + " bytes" + parts + ", etag " + eTag + ")" + lost
        + (cleanUpProblem == null ? "" : "; " + cleanUpProblem);
  }
}
