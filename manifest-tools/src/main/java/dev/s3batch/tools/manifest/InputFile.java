package dev.s3batch.tools.manifest;

import dev.s3batch.tools.csv.CsvFormatException;
import dev.s3batch.tools.csv.CsvParser;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A text input given as FILE, or {@code -} for stdin: UTF-8 (bytes that are not UTF-8 are an error
 * naming the line, never replaced), a leading byte-order mark skipped.
 *
 * @param option the option that named it, for messages ({@code --keys})
 * @param path the file name as given, or {@code -}
 * @param stdin what {@code -} reads
 */
public record InputFile(String option, String path, InputStream stdin) {

  /** The name messages use: the path, or {@code stdin}. */
  public String name() {
    return "-".equals(path) ? "stdin" : path;
  }

  /**
   * Opens the input.
   *
   * @throws ManifestException when the file is missing, a directory or unreadable
   */
  public BufferedReader open() {
    BufferedReader reader = new BufferedReader(new StrictUtf8Reader(stream(), name()), 1 << 16);
    return skipBom(reader);
  }

  /**
   * Opens the input as raw bytes, for a reader that checks UTF-8 and skips a byte-order mark
   * itself ({@link KeyLines}).
   *
   * @throws ManifestException when the file is missing, a directory or unreadable
   */
  public InputStream openBytes() {
    return stream();
  }

  /**
   * Opens the input as CSV read by a {@link CsvParser#strict(InputStream) strict} parser (bytes
   * that are not UTF-8 are an error), a leading byte-order mark skipped. Turn its faults into
   * messages with {@link #fault}.
   *
   * @throws ManifestException when the file is missing, a directory or unreadable
   */
  public CsvParser openCsv() {
    BufferedInputStream in = new BufferedInputStream(stream(), 4);
    if (!startsWithBom(in)) {
      reset(in);
    }
    return CsvParser.strict(in);
  }

  /**
   * Opens the input as a manifest that goes to S3 Batch Operations as it is: like {@link #openCsv},
   * but a leading byte-order mark is refused ({@code NAME line 1: ...}), not skipped.
   *
   * @throws ManifestException when the file is missing, unreadable or starts with a byte-order mark
   */
  public CsvParser openManifestCsv() {
    BufferedInputStream in = new BufferedInputStream(stream(), 4);
    if (startsWithBom(in)) {
      try {
        in.close();
      } catch (IOException e) {
        // refused anyway
      }
      throw new ManifestException(name() + " line 1: " + ManifestRows.BYTE_ORDER_MARK);
    }
    reset(in);
    return CsvParser.strict(in);
  }

  private boolean startsWithBom(BufferedInputStream in) {
    try {
      in.mark(3);
      byte[] bom = in.readNBytes(3);
      return bom.length == 3 && (bom[0] & 0xFF) == 0xEF && (bom[1] & 0xFF) == 0xBB && (bom[2] & 0xFF) == 0xBF;
    } catch (IOException e) {
      throw new ManifestException(name() + ": cannot read it: " + e.getMessage());
    }
  }

  private void reset(BufferedInputStream in) {
    try {
      in.reset();
    } catch (IOException e) {
      throw new ManifestException(name() + ": cannot read it: " + e.getMessage());
    }
  }

  /** A CSV fault in this input, said as {@code NAME line N: problem}. */
  public ManifestException fault(CsvFormatException e) {
    return new ManifestException(name() + " line " + e.line() + ": " + e.problem(), e);
  }

  private InputStream stream() {
    InputStream in;
    if ("-".equals(path)) {
      in = stdin;
    } else {
      Path p = Path.of(path);
      if (Files.isDirectory(p)) {
        throw new ManifestException(option + " " + path + ": is a directory, not a file");
      }
      try {
        in = Files.newInputStream(p);
      } catch (NoSuchFileException e) {
        throw new ManifestException(option + " " + path + ": no such file");
      } catch (AccessDeniedException e) {
        throw new ManifestException(option + " " + path + ": permission denied");
      } catch (IOException e) {
        throw new ManifestException(option + " " + path + ": cannot read it: " + e.getMessage());
      }
    }
    return in;
  }

  private BufferedReader skipBom(BufferedReader reader) {
    try {
      reader.mark(1);
      if (reader.read() != '\uFEFF') {
        reader.reset();
      }
    } catch (IOException e) {
      throw new ManifestException(name() + ": cannot read it: " + e.getMessage());
    }
    return reader;
  }
}
