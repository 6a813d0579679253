package dev.s3batch.tools.manifest;

import java.util.Optional;

/** Which entries of a ListObjectVersions listing become manifest rows ({@code --versions}). */
public enum VersionSelection {
  /** The current version of each object (a key whose latest version is a delete marker has none). */
  LATEST("latest"),
  /** Every version that is not the current one. */
  NONCURRENT("noncurrent"),
  /** Delete markers, current or not. */
  DELETE_MARKERS("delete-markers"),
  /** Every version and every delete marker. */
  ALL("all");

  private final String option;

  VersionSelection(String option) {
    this.option = option;
  }

  /** The value as given to {@code --versions}. */
  public String option() {
    return option;
  }

  /** The selection named {@code value}, empty for an unknown one. */
  public static Optional<VersionSelection> fromOption(String value) {
    for (VersionSelection v : values()) {
      if (v.option.equalsIgnoreCase(value)) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }

  /** Whether versions (as opposed to delete markers) are wanted. */
  boolean wantsVersion(boolean isLatest) {
    return switch (this) {
      case LATEST -> isLatest;
      case NONCURRENT -> !isLatest;
      case DELETE_MARKERS -> false;
      case ALL -> true;
    };
  }

  /** Whether delete markers are wanted. */
  boolean wantsDeleteMarkers() {
    return this == DELETE_MARKERS || this == ALL;
  }
}
