package dev.s3batch.tools.manifest;

import dev.s3batch.tools.csv.CsvFormatException;
import dev.s3batch.tools.csv.CsvParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an existing {@code S3BatchOperations_CSV_20180820} file through once before it is uploaded:
 * the rules of {@link ManifestRows}, which {@code job run-local} reads by too (same messages);
 * bytes that are not UTF-8 and a byte-order mark (the file is uploaded as it is) are refused. Says
 * whether the rows carry version ids.
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
    ManifestRows rules = new ManifestRows();
    List<String> f = new ArrayList<>(4);
    try (CsvParser csv = input.openManifestCsv()) {
      while (csv.next(f)) {
        long line = csv.line();
        rules.problem(f, line).ifPresent(p -> {
          throw new ManifestException(input.name() + " line " + line + ": " + p);
        });
      }
    } catch (CsvFormatException e) {
      throw input.fault(e);
    }
    if (rules.none()) {
      throw new ManifestException(input.name() + ": " + ManifestRows.NO_ROWS);
    }
    return rules.versioned();
  }
}
