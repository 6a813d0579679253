package dev.s3batch.tools.manifest;

import java.util.Optional;

/**
 * The row rule of an {@code S3BatchOperations_CSV_20180820} manifest that {@code job run-local}
 * ({@link ManifestReader}) and {@code manifest upload} ({@link ManifestCheck}) share: a row is
 * {@code bucket,key} (2 fields) or {@code bucket,key,versionId} (3), and every row has as many
 * fields as the first (a version id on every row or on none). Each caller words a fault its own
 * way. Not thread-safe: one per manifest read.
 *
 * <pre>{@code
 * ManifestRowShape shape = new ManifestRowShape();
 * while (csv.next(row)) {
 *   Optional<ManifestRowShape.Fault> fault = shape.next(row.size());
 *   ...
 * }
 * boolean versioned = shape.width() == 3;
 * }</pre>
 */
final class ManifestRowShape {

  /** What is wrong with a row's field count. */
  enum Fault {
    /** Neither 2 nor 3 fields. */
    NOT_TWO_OR_THREE,
    /** 2 or 3 fields, but not as many as the rows before: a version id on some rows only. */
    VERSION_ON_SOME_ROWS
  }

  private int width = -1;

  /** Takes the next row's field count: its fault, or empty when it fits. */
  Optional<Fault> next(int fields) {
    if (fields != 2 && fields != 3) {
      return Optional.of(Fault.NOT_TWO_OR_THREE);
    }
    if (width >= 0 && fields != width) {
      return Optional.of(Fault.VERSION_ON_SOME_ROWS);
    }
    width = fields;
    return Optional.empty();
  }

  /** The field count of the rows that fit so far: 2 or 3, or -1 before the first. */
  int width() {
    return width;
  }
}
