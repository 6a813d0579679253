package dev.s3batch.tools.manifest;

import dev.s3batch.tools.aws.S3Uri;
import dev.s3batch.tools.csv.CsvFormatException;
import dev.s3batch.tools.csv.CsvParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads an existing {@code S3BatchOperations_CSV_20180820} file through once before it is uploaded:
 * every row has the same number of fields (2, or 3 with version ids: {@link ManifestRowShape}, the
 * rule {@code job run-local} reads by too), a valid bucket name and a non-empty key field of at
 * most 1,024 characters; bytes that are not UTF-8 are refused. Says whether the rows carry version ids.
 */
public final class ManifestCheck {

  private ManifestCheck() {}

  /**
   * Checks the manifest.
   *
   * @return whether the rows carry version ids
   * @throws ManifestException naming the file and line of the first bad row
   */
  public static boolean versioned(InputFile input) throws IOException {
    ManifestRowShape shape = new ManifestRowShape();
    List<String> f = new ArrayList<>(4);
    try (CsvParser csv = input.openCsv()) {
      while (csv.next(f)) {
        String where = input.name() + " line " + csv.line() + ": ";
        Optional<ManifestRowShape.Fault> fault = shape.next(f.size());
        if (fault.isPresent()) {
          throw new ManifestException(where + f.size() + switch (fault.get()) {
            case NOT_TWO_OR_THREE -> " fields; a manifest row is bucket,key or bucket,key,versionId";
            case VERSION_ON_SOME_ROWS -> " fields after rows of " + shape.width()
                + "; a manifest has a version id on every row or on none";
          });
        }
        String why = S3Uri.bucketNameProblem(f.get(0)).orElse(null);
        if (why != null) {
          throw new ManifestException(where + "\"" + f.get(0) + "\" is not a bucket name: " + why
              + (csv.line() == 1 ? " (a manifest has no header row)" : ""));
        }
        if (f.get(1).isEmpty() || f.get(1).length() > ManifestWriter.MAX_KEY_FIELD_CHARS) {
          throw new ManifestException(where + "the key field has " + f.get(1).length() + " characters; it holds 1 to 1,024");
        }
      }
    } catch (CsvFormatException e) {
      throw input.fault(e);
    }
    if (shape.width() < 0) {
      throw new ManifestException(input.name() + ": no rows; a job cannot run an empty manifest");
    }
    return shape.width() == 3;
  }
}
