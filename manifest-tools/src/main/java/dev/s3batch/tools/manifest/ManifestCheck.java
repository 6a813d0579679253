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

  /**
   * Checks a manifest's first row by the same rules, from the manifest's first bytes (all that
   * {@code job submit} reads of it): no byte-order mark, UTF-8, no header row, a valid bucket name,
   * a key field of 1 to 1,024 characters. A row of neither 2 nor 3 fields is left to the caller,
   * whose columns may be named otherwise.
   *
   * @param name the manifest, for messages ({@code NAME line 1: problem})
   * @throws ManifestException naming line 1 when the row breaks a rule
   */
  public static void firstRow(String name, byte[] head) throws IOException {
    if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
      throw new ManifestException(name + " line 1: " + ManifestRows.BYTE_ORDER_MARK);
    }
    List<String> f = new ArrayList<>(4);
    try (CsvParser csv = CsvParser.strict(new java.io.ByteArrayInputStream(head))) {
      if (!csv.next(f) || csv.line() != 1 || (f.size() != 2 && f.size() != 3)) {
        return;
      }
    } catch (CsvFormatException e) {
      if (e.line() == 1 && e.problem().equals("not valid UTF-8")) {
        throw new ManifestException(name + " line 1: " + e.problem(), e);
      }
      return;
    }
    new ManifestRows().problem(f, 1).ifPresent(p -> {
      throw new ManifestException(name + " line 1: " + p);
    });
  }
}
