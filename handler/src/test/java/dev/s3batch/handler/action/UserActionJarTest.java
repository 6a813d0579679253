package dev.s3batch.handler.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.s3batch.handler.response.ResultCode;
import dev.s3batch.handler.spi.ActionProvider;
import dev.s3batch.handler.testing.Invoke;
import dev.s3batch.testkit.S3MockServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A user's action, compiled here from source into its own jar with a services file (as a user
 * would ship it), found by name through a class loader that holds the jar, and run by the handler.
 */
class UserActionJarTest {

  private static final String PROVIDER = """
      package com.example.shout;

      import dev.s3batch.handler.spi.ActionProvider;
      import dev.s3batch.handler.spi.ObjectAction;
      import dev.s3batch.handler.spi.TaskOutcome;
      import java.util.Set;
      import software.amazon.awssdk.core.sync.RequestBody;

      public final class ShoutProvider implements ActionProvider {
        public String name() { return "shout"; }
        public Set<String> settings() { return Set.of("suffix"); }
        public ObjectAction create() {
          return (task, context) -> {
            String text = context.s3().getObjectAsBytes(b -> b.bucket(task.bucket()).key(task.key())).asUtf8String();
            String target = task.key() + context.setting("suffix").orElse(".shout");
            context.s3().putObject(b -> b.bucket(task.bucket()).key(target), RequestBody.fromString(text.toUpperCase()));
            return TaskOutcome.succeeded("shouted into " + target);
          };
        }
      }
      """;

  private static final String IMPOSTOR = """
      package com.example.shout;

      import dev.s3batch.handler.spi.ActionProvider;
      import dev.s3batch.handler.spi.ObjectAction;
      import dev.s3batch.handler.spi.TaskOutcome;

      public final class ImpostorDeleteProvider implements ActionProvider {
        public String name() { return "delete"; }
        public ObjectAction create() { return (task, context) -> TaskOutcome.succeeded("impostor"); }
      }
      """;

  private static URLClassLoader loader;

  @BeforeAll
  static void buildUserJar(@TempDir Path dir) throws IOException {
    Path src = dir.resolve("src/com/example/shout");
    Files.createDirectories(src);
    Files.writeString(src.resolve("ShoutProvider.java"), PROVIDER);
    Files.writeString(src.resolve("ImpostorDeleteProvider.java"), IMPOSTOR);
    Path classes = Files.createDirectories(dir.resolve("classes"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    int rc = javac.run(null, null, errors, "-d", classes.toString(), "-classpath", classpath(),
        src.resolve("ShoutProvider.java").toString(), src.resolve("ImpostorDeleteProvider.java").toString());
    assertThat(rc).as(errors.toString(StandardCharsets.UTF_8)).isZero();

    Path jar = dir.resolve("shout-action.jar");
    try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
        Stream<Path> compiled = Files.walk(classes)) {
      for (Path c : compiled.filter(Files::isRegularFile).toList()) {
        out.putNextEntry(new JarEntry(classes.relativize(c).toString().replace('\\', '/')));
        out.write(Files.readAllBytes(c));
        out.closeEntry();
      }
      out.putNextEntry(new JarEntry("META-INF/services/" + ActionProvider.class.getName()));
      out.write("com.example.shout.ShoutProvider\ncom.example.shout.ImpostorDeleteProvider\n"
          .getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, UserActionJarTest.class.getClassLoader());
  }

  /** The handler's SPI and the SDK, where the test's own classes come from. */
  private static String classpath() {
    return Stream.of(ActionProvider.class, S3Client.class, RequestBody.class,
            software.amazon.awssdk.core.SdkClient.class, software.amazon.awssdk.utils.SdkAutoCloseable.class,
            software.amazon.awssdk.awscore.AwsClient.class, software.amazon.awssdk.core.SdkPojo.class,
            software.amazon.awssdk.awscore.AwsRequest.class, software.amazon.awssdk.http.ContentStreamProvider.class)
        .map(c -> {
          try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
          } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
          }
        })
        .distinct()
        .reduce((a, b) -> a + java.io.File.pathSeparator + b)
        .orElseThrow();
  }

  @Test
  void registry_userJarOnClassLoader_findsActionByName() {
    ActionRegistry registry = new ActionRegistry(loader);

    assertThat(registry.find("shout")).get().extracting(ActionProvider::name).isEqualTo("shout");
    assertThat(registry.names()).contains("shout", "delete", "revise", "tag", "checksum", "remove-delete-marker");
    assertThat(new ActionRegistry().find("shout")).isEmpty();
  }

  @Test
  void registry_userProviderNamedLikeBuiltIn_cannotReplaceIt() {
    ActionRegistry registry = new ActionRegistry(loader);

    assertThat(registry.find("delete")).get()
        .satisfies(p -> assertThat(p.create()).isInstanceOf(DeleteAction.class));
  }

  @Test
  void handler_userAction_runsWithItsDeclaredSetting() {
    S3Client s3 = S3MockServer.get().client();
    String bucket = S3MockServer.get().newBucket("user-action");
    s3.putObject(b -> b.bucket(bucket).key("hi.txt"), RequestBody.fromString("hello"));

    var reply = Invoke.action("shout").userArgument("suffix", ".loud").on(bucket, "hi.txt")
        .run(s3, new ActionRegistry(loader));

    assertThat(reply.only().resultCode()).isEqualTo(ResultCode.Succeeded);
    assertThat(reply.only().resultString()).isEqualTo("shouted into hi.txt.loud");
    assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("hi.txt.loud")).asUtf8String()).isEqualTo("HELLO");
  }

  @Test
  void handler_userActionWithNearMissOfItsSetting_failsPermanentlyNamingIt() {
    S3Client s3 = S3MockServer.get().client();

    var reply = Invoke.action("shout").userArgument("sufix", ".loud").on("any-bucket", "hi.txt")
        .run(s3, new ActionRegistry(loader));

    assertThat(reply.only().resultCode()).isEqualTo(ResultCode.PermanentFailure);
    assertThat(reply.only().resultString()).isEqualTo("unknown userArguments entry \"sufix\": did you mean \"suffix\"?");
  }

  @Test
  void handler_userActionWithArgumentUnlikeAnySetting_runsAndTheArgumentIsPassedOn() {
    S3Client s3 = S3MockServer.get().client();
    String bucket = S3MockServer.get().newBucket("user-action");
    s3.putObject(b -> b.bucket(bucket).key("hi.txt"), RequestBody.fromString("hello"));

    var reply = Invoke.action("shout").userArgument("volume", "11").userArgument("suffix", ".v")
        .on(bucket, "hi.txt").run(s3, new ActionRegistry(loader));

    assertThat(reply.only().resultCode()).as(reply.only().resultString()).isEqualTo(ResultCode.Succeeded);
    assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("hi.txt.v")).asUtf8String()).isEqualTo("HELLO");
  }

  @Test
  void handler_environmentVariableOfAUserActionsSetting_isKnownAndItsNearMissRefused() {
    S3Client s3 = S3MockServer.get().client();
    String bucket = S3MockServer.get().newBucket("user-action");
    s3.putObject(b -> b.bucket(bucket).key("hi.txt"), RequestBody.fromString("hello"));

    var reply = Invoke.action("shout").env("S3BATCH_SUFFIX", ".env").on(bucket, "hi.txt")
        .run(s3, new ActionRegistry(loader));

    assertThat(reply.only().resultString()).isEqualTo("shouted into hi.txt.env");
    assertThatThrownBy(() -> new dev.s3batch.handler.S3BatchHandler(
            Map.of("S3BATCH_ACTION", "shout", "S3BATCH_SUFIX", ".env"), () -> s3, new ActionRegistry(loader)))
        .isInstanceOf(dev.s3batch.handler.InvalidConfigurationException.class)
        .hasMessage("unknown variable S3BATCH_SUFIX: did you mean S3BATCH_SUFFIX?");
    assertThatThrownBy(() -> new dev.s3batch.handler.S3BatchHandler(
            Map.of("S3BATCH_ACTION", "head", "S3BATCH_SUFFIX", ".env"), () -> s3))
        .as("without the user's jar, no action declares suffix")
        .isInstanceOf(dev.s3batch.handler.InvalidConfigurationException.class);
  }
}
