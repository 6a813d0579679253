package dev.s3batch.tools.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * The failed rows of a report, paged and searched without holding them: an index of blocks of
 * about {@value #BLOCK_BYTES} bytes of the failed tasks' result files (where each block starts,
 * how long it is, which failed row it starts with), so a page is one ranged read of a block or
 * two, and memory is one small record per megabyte of failed rows (about a thousand for a 1 GB
 * report) whatever the report's size. A search streams the failed files through and keeps only
 * the page it returns. Immutable once built, so thread-safe.
 *
 * <pre>{@code
 * FailedRows failed = FailedRows.index(reader);
 * FailedRows.Page page = failed.page(100, 50);                      // rows 100 to 149
 * FailedRows.Page hits = failed.search(r -> r.key().contains("x"), 0, 50);
 * }</pre>
 */
public final class FailedRows {

  /** About how many bytes of result file one block holds (a row longer than that makes its block longer). */
  static final int BLOCK_BYTES = 1 << 20;

  private record Block(int file, long offset, int length, long first, int count) {}

  /**
   * A page of failed rows.
   *
   * @param total how many rows there are (for a search: how many match)
   * @param from the ordinal of the first row of the page, from 0
   * @param rows the rows, at most the size asked for
   */
  public record Page(long total, long from, List<ReportRow> rows) {
    public Page {
      rows = List.copyOf(rows);
    }
  }

  private final ReportReader reader;
  private final List<ResultFiles.Entry> files;
  private final List<Block> blocks;
  private final long total;

  private FailedRows(ReportReader reader, List<ResultFiles.Entry> files, List<Block> blocks, long total) {
    this.reader = reader;
    this.files = files;
    this.blocks = blocks;
    this.total = total;
  }

  /**
   * Reads the failed tasks' result files once and indexes them. A missing file is left out (the
   * review names it).
   *
   * @throws InvalidReportException when a file holds a row that is not a report row
   */
  public static FailedRows index(ReportReader reader) throws IOException {
    List<ResultFiles.Entry> files = ResultFiles.of(reader);
    List<Block> blocks = new ArrayList<>();
    long total = 0;
    for (int i = 0; i < files.size(); i++) {
      if (files.get(i).failed()) {
        total = index(reader, files.get(i), i, total, blocks);
      }
    }
    return new FailedRows(reader, files, List.copyOf(blocks), total);
  }

  private static long index(ReportReader reader, ResultFiles.Entry file, int fileIndex, long total, List<Block> blocks)
      throws IOException {
    byte[] buf = new byte[BLOCK_BYTES];
    int length = 0;
    long offset = 0;
    boolean end = false;
    InputStream source;
    try {
      source = ResultFiles.open(reader, file);
    } catch (InvalidReportException missing) {
      return total; // the review names it; its rows cannot be shown
    }
    try (InputStream in = source) {
      while (true) {
        if (!end) {
          int n = in.readNBytes(buf, length, buf.length - length);
          end = n < buf.length - length;
          length += n;
        }
        if (length == 0) {
          return total;
        }
        int records = end ? length : recordsEnd(buf, length);
        if (records == 0) {
          buf = Arrays.copyOf(buf, buf.length * 2); // one row longer than the buffer
          continue;
        }
        long[] count = new long[1];
        ReportReader.readRows(new ByteArrayInputStream(buf, 0, records), file.where(), row -> {
          if (row.failed()) {
            count[0]++;
          }
        });
        if (count[0] > 0) {
          blocks.add(new Block(fileIndex, offset, records, total, (int) count[0]));
          total += count[0];
        }
        System.arraycopy(buf, records, buf, 0, length - records);
        length -= records;
        offset += records;
      }
    }
  }

  /**
   * Where the last whole CSV record in {@code buf[0, length)} ends (after its line break), 0 when
   * there is none; {@code buf} starts at a record. Quotes open a field only at its start and a
   * doubled quote inside one is text, as {@link dev.s3batch.tools.csv.CsvParser} reads them.
   */
  static int recordsEnd(byte[] buf, int length) {
    int last = 0;
    boolean fieldStart = true;
    boolean quoted = false;
    boolean closed = false;
    for (int i = 0; i < length; i++) {
      byte c = buf[i];
      if (quoted) {
        if (c == '"') {
          quoted = false;
          closed = true;
        }
      } else if (closed && c == '"') {
        quoted = true;
        closed = false;
      } else {
        closed = false;
        if (c == ',') {
          fieldStart = true;
        } else if (c == '\n' || c == '\r') {
          fieldStart = true;
          last = i + 1;
        } else {
          quoted = c == '"' && fieldStart;
          fieldStart = false;
        }
      }
    }
    return last;
  }

  /** How many failed rows the report holds. */
  public long total() {
    return total;
  }

  /** The failed rows from ordinal {@code from} (from 0), at most {@code size} of them. */
  public Page page(long from, int size) throws IOException {
    List<ReportRow> rows = new ArrayList<>(Math.min(size, 1000));
    int b = blockOf(from);
    long[] ordinal = new long[1];
    for (; b >= 0 && b < blocks.size() && rows.size() < size; b++) {
      Block block = blocks.get(b);
      ResultFiles.Entry file = files.get(block.file());
      byte[] bytes = ResultFiles.read(reader, file, block.offset(), block.length());
      ordinal[0] = block.first();
      ResultFiles.rows(bytes, file, row -> {
        if (row.failed()) {
          if (ordinal[0] >= from && rows.size() < size) {
            rows.add(row);
          }
          ordinal[0]++;
        }
      });
    }
    return new Page(total, from, rows);
  }

  /** The failed rows that {@code match}, from the {@code from}th match on, at most {@code size}; counts them all. */
  public Page search(Predicate<ReportRow> match, long from, int size) throws IOException {
    List<ReportRow> rows = new ArrayList<>(Math.min(size, 1000));
    long[] matches = new long[1];
    for (ResultFiles.Entry file : files) {
      if (!file.failed()) {
        continue;
      }
      InputStream source;
      try {
        source = ResultFiles.open(reader, file);
      } catch (InvalidReportException missing) {
        continue; // not indexed either
      }
      try (InputStream in = source) {
        ReportReader.readRows(in, file.where(), row -> {
          if (row.failed() && match.test(row)) {
            if (matches[0] >= from && rows.size() < size) {
              rows.add(row);
            }
            matches[0]++;
          }
        });
      }
    }
    return new Page(matches[0], from, rows);
  }

  /** The block that holds failed row {@code ordinal}; -1 past the end. */
  private int blockOf(long ordinal) {
    int lo = 0;
    int hi = blocks.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      Block b = blocks.get(mid);
      if (ordinal < b.first()) {
        hi = mid - 1;
      } else if (ordinal >= b.first() + b.count()) {
        lo = mid + 1;
      } else {
        return mid;
      }
    }
    return -1;
  }
}
