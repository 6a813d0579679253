package dev.s3batch.handler.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.s3batch.handler.event.BatchEvent;
import dev.s3batch.handler.event.BatchTask;
import dev.s3batch.handler.event.EventReader;
import dev.s3batch.handler.event.InvalidEventException;
import dev.s3batch.testkit.FuzzCount;
import org.junit.jupiter.api.AfterAll;

/**
 * The event reader on any bytes: an event with every required field, or an
 * {@link InvalidEventException} with a message; never another exception. Seeds: the
 * {@code Inputs} folder beside this class in the test resources.
 */
class EventReaderFuzzTest {

  private static final FuzzCount COUNT = FuzzCount.of("EventReaderFuzzTest");

  @AfterAll
  static void report() {
    System.out.println(COUNT.summary());
  }

  @FuzzTest
  void read_anyBytes_givesAnEventOrInvalidEvent(byte[] input) {
    COUNT.add();
    BatchEvent event;
    try {
      event = EventReader.read(input);
    } catch (InvalidEventException e) {
      assertThat(e.getMessage()).isNotBlank();
      return;
    }
    assertThat(event.invocationId()).isNotEmpty();
    assertThat(event.invocationSchemaVersion()).isNotNull();
    assertThat(event.job().userArguments()).doesNotContainValue(null);
    for (BatchTask task : event.tasks()) {
      assertThat(task.taskId()).isNotEmpty();
    }
  }
}
