package dev.s3batch.tools.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ReadAheadDigestTest {

  @Test
  void read_randomSizesAndChunks_returnsTheBytesAndTheirMd5() throws Exception {
    long seed = System.nanoTime();
    SplittableRandom random = new SplittableRandom(seed);
    for (int c = 0; c < 200; c++) {
      byte[] data = new byte[random.nextInt(3 << 18)];
      for (int i = 0; i < data.length; i++) {
        data[i] = (byte) random.nextInt(256);
      }
      int prefix = data.length == 0 ? 0 : random.nextInt(data.length + 1);
      ByteArrayOutputStream seen = new ByteArrayOutputStream();
      try (ReadAheadDigest in = new ReadAheadDigest(new ByteArrayInputStream(data))) {
        byte[] chunk = new byte[1 + random.nextInt(70_000)];
        while (seen.size() < prefix) {
          int n = in.read(chunk, 0, Math.min(chunk.length, prefix - seen.size()));
          seen.write(chunk, 0, n);
        }
        String md5 = in.md5Hex();
        assertThat(md5).as("seed %d case %d", seed, c)
            .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data)));
        assertThat(in.read()).isEqualTo(-1);
      }
      byte[] expected = java.util.Arrays.copyOf(data, prefix);
      assertThat(seen.toByteArray()).as("seed %d case %d", seed, c).isEqualTo(expected);
    }
  }

  @Test
  void read_sourceFails_throwsItsException() {
    InputStream failing = new InputStream() {
      @Override
      public int read() throws IOException {
        throw new IOException("disk gone");
      }
    };
    assertThatThrownBy(() -> {
      try (ReadAheadDigest in = new ReadAheadDigest(failing)) {
        in.read(new byte[10], 0, 10);
      }
    }).isInstanceOf(IOException.class).hasMessage("disk gone");
  }

  @Test
  @Timeout(20)
  void close_beforeTheEnd_returnsOnceTheSourceIsClosed() throws Exception {
    java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
    InputStream endless = new InputStream() {
      @Override
      public int read() {
        return 'x';
      }

      @Override
      public void close() {
        closed.set(true);
      }
    };
    ReadAheadDigest in = new ReadAheadDigest(endless);
    assertThat(in.read(new byte[100], 0, 100)).isEqualTo(100);
    in.close();
    assertThat(closed).isTrue();
  }

  @Test
  @Timeout(20) // the reader used to wait forever for the chunk a dead read-ahead thread never sent
  void read_sourceThrowsUnchecked_throwsItAsIOException() {
    InputStream failing = new InputStream() {
      @Override
      public int read() {
        throw new IllegalStateException("connection reset");
      }
    };
    assertThatThrownBy(() -> {
      try (ReadAheadDigest in = new ReadAheadDigest(failing)) {
        in.read(new byte[10], 0, 10);
      }
    }).isInstanceOf(IOException.class).hasMessage("connection reset");
  }
}
