package dev.s3batch.tools.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ManifestRowShapeTest {

  @Test
  void next_twoOrThreeFieldsOnEveryRow_fitsAndKeepsTheWidth() {
    ManifestRowShape shape = new ManifestRowShape();
    assertThat(shape.width()).isEqualTo(-1);
    assertThat(shape.next(3)).isEmpty();
    assertThat(shape.next(3)).isEmpty();
    assertThat(shape.width()).isEqualTo(3);
  }

  @Test
  void next_oneOrFourFields_isNotTwoOrThree() {
    ManifestRowShape shape = new ManifestRowShape();
    assertThat(shape.next(1)).contains(ManifestRowShape.Fault.NOT_TWO_OR_THREE);
    assertThat(shape.next(4)).contains(ManifestRowShape.Fault.NOT_TWO_OR_THREE);
    assertThat(shape.width()).isEqualTo(-1);
  }

  @Test
  void next_versionColumnAfterRowsWithout_isVersionOnSomeRowsAndKeepsTheEarlierWidth() {
    ManifestRowShape shape = new ManifestRowShape();
    assertThat(shape.next(2)).isEmpty();
    assertThat(shape.next(3)).isEqualTo(Optional.of(ManifestRowShape.Fault.VERSION_ON_SOME_ROWS));
    assertThat(shape.width()).isEqualTo(2);
  }
}
