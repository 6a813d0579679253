package dev.s3batch.tools.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The ids a local job gives its tasks and invocations: AWS's shapes, and never the same twice. */
class LocalIdsTest {

  @Test
  void randomId_isUnpaddedBase64Of24BytesAndDiffersEachTime() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String id = EventWriter.randomId();
      assertThat(id).hasSize(32).matches("[A-Za-z0-9+/]{32}");
      assertThat(Base64.getDecoder().decode(id)).hasSize(24);
      seen.add(id);
    }
    assertThat(seen).hasSize(10_000);
  }

  @Test
  void requestId_isARandomVersion4UuidAsLambdaGivesAndDiffersEachTime() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String id = new LocalContext(3000, line -> {}).getAwsRequestId();
      UUID uuid = UUID.fromString(id);
      assertThat(uuid.version()).isEqualTo(4);
      assertThat(uuid.variant()).isEqualTo(2);
      assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
      seen.add(id);
    }
    assertThat(seen).hasSize(10_000);
  }
}
