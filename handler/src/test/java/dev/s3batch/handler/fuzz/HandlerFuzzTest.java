package dev.s3batch.handler.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.s3batch.handler.S3BatchHandler;
import dev.s3batch.handler.event.BatchEvent;
import dev.s3batch.handler.event.BatchTask;
import dev.s3batch.handler.event.EventReader;
import dev.s3batch.handler.event.InvalidEventException;
import dev.s3batch.handler.response.ResultCode;
import dev.s3batch.handler.testing.EchoProvider;
import dev.s3batch.handler.testing.Registries;
import dev.s3batch.handler.testing.TestLambdaContext;
import dev.s3batch.testkit.FuzzCount;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;

/**
 * The function's whole {@code handleRequest}, bytes in and bytes out, on any input: either the
 * output is one valid JSON document answering every task of the event, in order, with its own
 * task id and a known result code, or the invocation fails with an {@link InvalidEventException}
 * (a function error) for an event that cannot be answered. No other exception escapes. The
 * action is {@link EchoProvider}'s {@code echo}, which needs no S3: the S3 client is never asked
 * for (the test fails if it is), so nothing reaches a network. Seeds: the {@code Inputs} folder
 * beside this class in the test resources.
 */
class HandlerFuzzTest {

  private static final FuzzCount COUNT = FuzzCount.of("HandlerFuzzTest");

  @AfterAll
  static void report() {
    System.out.println(COUNT.summary());
  }

  private static final ObjectMapper STRICT = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();
  private static final AtomicInteger S3_ASKED = new AtomicInteger();
  private static final S3BatchHandler HANDLER = new S3BatchHandler(
      Map.of("S3BATCH_ACTION", "echo"),
      () -> {
        S3_ASKED.incrementAndGet();
        throw new IllegalStateException("the fuzzed handler asked for an S3 client");
      },
      Registries.with(EchoProvider.class));

  @FuzzTest
  void handleRequest_anyBytes_answersEveryTaskInJsonOrFailsTheInvocation(byte[] input) throws IOException {
    COUNT.add();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      HANDLER.handleRequest(new ByteArrayInputStream(input), out, TestLambdaContext.ample());
    } catch (InvalidEventException functionError) {
      assertThat(functionError.getMessage()).isNotBlank();
      assertThat(out.size()).as("bytes written before the function error").isZero();
      assertThatEventReaderRefuses(input);
      return;
    }
    BatchEvent event = EventReader.read(input);
    JsonNode response = STRICT.readTree(out.toByteArray());
    assertThat(response.get("invocationSchemaVersion").asText()).isEqualTo(event.invocationSchemaVersion().wire());
    assertThat(response.get("invocationId").asText()).isEqualTo(event.invocationId());
    assertThat(response.get("treatMissingKeysAs").asText()).isIn("PermanentFailure", "TemporaryFailure");
    List<String> answered = new ArrayList<>();
    for (JsonNode result : response.get("results")) {
      answered.add(result.get("taskId").asText());
      assertThat(ResultCode.valueOf(result.get("resultCode").asText())).isNotNull();
      assertThat(result.get("resultString").isTextual()).isTrue();
    }
    assertThat(answered).isEqualTo(event.tasks().stream().map(BatchTask::taskId).toList());
    assertThat(S3_ASKED.get()).as("times the S3 client was asked for").isZero();
  }

  private static void assertThatEventReaderRefuses(byte[] input) {
    try {
      EventReader.read(input);
    } catch (InvalidEventException expected) {
      return;
    }
    throw new AssertionError("handleRequest failed the invocation of an event that EventReader reads");
  }
}
