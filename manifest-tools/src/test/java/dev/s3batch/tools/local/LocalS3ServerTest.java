package dev.s3batch.tools.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

class LocalS3ServerTest {

  @Test
  void start_withDir_servesS3OnLoopbackAndKeepsFilesAfterClose(@TempDir Path dir) throws Exception {
    Path store = dir.resolve("store");
    int port;
    try (LocalS3Server server = LocalS3Server.start(0, store); S3Client s3 = server.client()) {
      port = server.endpoint().getPort();
      assertThat(server.endpoint().getHost()).isEqualTo("127.0.0.1");
      s3.createBucket(b -> b.bucket("kept"));
      s3.putObject(b -> b.bucket("kept").key("a b+c.txt"), RequestBody.fromString("hello"));

      assertThat(s3.getObjectAsBytes(b -> b.bucket("kept").key("a b+c.txt")).asUtf8String()).isEqualTo("hello");
    }

    assertThat(connects(port)).as("server stopped").isFalse();
    try (Stream<Path> files = Files.walk(store)) {
      assertThat(files.filter(Files::isRegularFile).count()).as("files kept in --dir").isPositive();
    }
  }

  @Test
  void start_withoutDir_deletesItsFilesOnClose() throws Exception {
    Path store;
    try (LocalS3Server server = LocalS3Server.start(0, null); S3Client s3 = server.client()) {
      store = server.store();
      s3.createBucket(b -> b.bucket("temporary"));
      assertThat(Files.exists(store)).isTrue();
    }

    assertThat(Files.exists(store)).isFalse();
  }

  private static boolean connects(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
