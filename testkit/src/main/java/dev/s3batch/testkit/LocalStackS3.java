package dev.s3batch.testkit;

import cloud.localstack.Localstack;
import cloud.localstack.docker.annotation.LocalstackDockerConfiguration;
import java.net.URI;
import java.util.Map;

/**
 * Starts LocalStack's S3 in Docker through {@code localstack-utils}, its ports published on
 * 127.0.0.1 only. Settings (system properties): {@code s3batch.localstack.image} (default
 * {@value #DEFAULT_IMAGE}) and {@code s3batch.localstack.port} (default {@value #DEFAULT_PORT}).
 * The container stops with the JVM.
 */
final class LocalStackS3 {

  static final String DEFAULT_IMAGE = "localstack/localstack:3.8";
  static final int DEFAULT_PORT = 4566;

  private LocalStackS3() {}

  /** Checks Docker, starts LocalStack; returns the S3 endpoint. */
  static URI start() {
    DockerProbe.requireDocker();
    String image = System.getProperty("s3batch.localstack.image", DEFAULT_IMAGE);
    int colon = image.lastIndexOf(':');
    String name = colon > 0 ? image.substring(0, colon) : image;
    String tag = colon > 0 ? image.substring(colon + 1) : "latest";
    int port = Integer.getInteger("s3batch.localstack.port", DEFAULT_PORT);
    LocalstackDockerConfiguration config =
        LocalstackDockerConfiguration.builder()
            .imageName(name)
            .imageTag(tag)
            .portEdge(LoopbackConnectors.ADDRESS + ":" + port)
            .portElasticSearch(LoopbackConnectors.ADDRESS + ":4571")
            .environmentVariables(Map.of("SERVICES", "s3"))
            .build();
    Localstack.INSTANCE.startup(config);
    Runtime.getRuntime().addShutdownHook(new Thread(Localstack.INSTANCE::stop, "localstack-stop"));
    return URI.create("http://" + LoopbackConnectors.ADDRESS + ":" + port);
  }
}
