package dev.s3batch.tools.manifest;

import dev.s3batch.tools.csv.CsvFormatException;
import dev.s3batch.tools.csv.CsvParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Raw {@code bucket,key[,versionId]} rows, RFC 4180 quoting allowed so that keys with commas,
 * quotes or line breaks can be given. The key is raw (it is URL-encoded on the way out); an empty
 * third field means no version id.
 *
 * <pre>{@code
 * my-bucket,photos/cat.jpg
 * my-bucket,"reports/q1, final ""v2"".pdf"
 * }</pre>
 */
public final class CsvKeySource implements KeySource {

  private final InputFile input;
  private final ProgressListener progress;

  /**
   * @param input the CSV file
   * @param progress hears how many records were read
   */
  public CsvKeySource(InputFile input, ProgressListener progress) {
    this.input = input;
    this.progress = progress;
  }

  @Override
  public void forEach(RowSink sink) throws IOException {
    long records = 0;
    List<String> f = new ArrayList<>(4);
    try (CsvParser csv = input.openCsv()) {
      while (csv.next(f)) {
        records++;
        if ((records & 0xFFFF) == 0) {
          progress.listed(records);
        }
        if (f.size() != 2 && f.size() != 3) {
          throw new ManifestException(
              name() + " line " + csv.line() + ": " + f.size() + (f.size() == 1 ? " field" : " fields")
                  + "; a row is bucket,key or bucket,key,versionId (quote a key that holds a comma)");
        }
        String version = f.size() == 3 && !f.get(2).isEmpty() ? f.get(2) : null;
        try {
          sink.row(f.get(0), f.get(1), version);
        } catch (ManifestException e) {
          throw e.at(name() + " line " + csv.line());
        }
      }
    } catch (CsvFormatException e) {
      throw input.fault(e);
    }
    progress.listed(records);
  }

  @Override
  public String name() {
    return input.name();
  }
}
