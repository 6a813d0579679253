package dev.s3batch.testkit;

import com.adobe.testing.s3mock.S3MockApplication;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Starts Adobe S3Mock inside the JVM on 127.0.0.1 and a free port; it stops with the JVM. */
final class S3MockStarter {

  private S3MockStarter() {}

  /** Starts S3Mock; returns its HTTP endpoint. */
  static URI start() {
    try {
      Path root = Files.createTempDirectory("s3mock-");
      S3MockApplication app =
          S3MockApplication.start(
              new HashMap<>(Map.of(
                  S3MockApplication.PROP_HTTP_PORT, S3MockApplication.RANDOM_PORT,
                  S3MockApplication.PROP_HTTPS_PORT, S3MockApplication.RANDOM_PORT,
                  "server.address", LoopbackConnectors.ADDRESS,
                  "spring.main.sources", LoopbackConnectors.class.getName(),
                  "com.adobe.testing.s3mock.store.root", root.toString(),
                  "com.adobe.testing.s3mock.max-payload-size", "64MB",
                  S3MockApplication.PROP_SILENT, true,
                  "spring.main.banner-mode", "off",
                  "logging.level.root", "WARN")));
      Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "s3mock-stop"));
      return URI.create("http://" + LoopbackConnectors.ADDRESS + ":" + app.getHttpPort());
    } catch (IOException e) {
      throw new IllegalStateException("cannot create the S3Mock store folder", e);
    }
  }
}
