package dev.s3batch.tools.manifest;

import java.io.IOException;

/**
 * The rows of another source whose raw key ends with a suffix ({@code --suffix} for file inputs;
 * a listing applies it through its {@link ObjectFilter}).
 *
 * @param source the source filtered
 * @param suffix the suffix a key must end with
 */
public record SuffixKeySource(KeySource source, String suffix) implements KeySource {

  @Override
  public void forEach(RowSink sink) throws IOException {
    source.forEach(
        (bucket, key, versionId) -> {
          if (key.endsWith(suffix)) {
            sink.row(bucket, key, versionId);
          }
        });
  }

  @Override
  public String name() {
    return source.name();
  }
}
