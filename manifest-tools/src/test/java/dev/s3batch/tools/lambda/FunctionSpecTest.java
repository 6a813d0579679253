package dev.s3batch.tools.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FunctionSpecTest {

  @Test
  void parse_nameHandlerAndJar_givesAJavaFunctionWithLambdasDefaults() {
    FunctionSpec spec = FunctionSpec.parse("s3batch=dev.s3batch.handler.S3BatchHandler::handleRequest@handler/x@1-lambda.jar");

    assertThat(spec.name()).isEqualTo("s3batch");
    assertThat(spec.handler()).isEqualTo("dev.s3batch.handler.S3BatchHandler::handleRequest");
    assertThat(spec.code()).isEqualTo(Path.of("handler/x@1-lambda.jar"));
    assertThat(spec.isJava()).isTrue();
    assertThat(spec.timeoutSeconds()).isEqualTo(FunctionSpec.DEFAULT_TIMEOUT_SECONDS);
    assertThat(spec.concurrency()).isEqualTo(FunctionSpec.DEFAULT_CONCURRENCY);
  }

  @Test
  void withEnv_calledTwice_laterValueWinsAndEarlierKeysStay() {
    FunctionSpec spec = FunctionSpec.parse("f").withCommand("./bootstrap")
        .withEnv(Map.of("A", "1", "B", "1")).withEnv(Map.of("B", "2"));

    assertThat(spec.env()).isEqualTo(Map.of("A", "1", "B", "2"));
    assertThat(spec.isJava()).isFalse();
  }

  @Test
  void parse_badValues_throwNamingWhatIsWrong() {
    assertThatThrownBy(() -> FunctionSpec.parse("f=NoHandler")).hasMessageContaining("NAME=HANDLER@JAR_OR_FOLDER");
    assertThatThrownBy(() -> FunctionSpec.parse("f=a.B::h@")).hasMessageContaining("NAME=HANDLER@JAR_OR_FOLDER");
    assertThatThrownBy(() -> FunctionSpec.parse("x".repeat(65))).hasMessageContaining("1 to 64");
    assertThatThrownBy(() -> FunctionSpec.parse("f=a b::c@x.jar")).hasMessageContaining("handler \"a b::c\"");
    assertThatThrownBy(() -> FunctionSpec.parse("f").withCommand("true").withQualifiers(java.util.List.of("a:b")))
        .hasMessageContaining("qualifier \"a:b\"");
    assertThatThrownBy(() -> FunctionSpec.parse("f").withCommand("true").withConcurrency(0))
        .hasMessageContaining("concurrency 0 is not between 1 and 1000");
  }
}
