package dev.s3batch.handler.internal.copy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PartPlanTest {

  private static final long MIB = 1L << 20;

  @Test
  void of_fiveTebibytes_fitsInPartsOfAtMostFiveGibibytes() {
    PartPlan plan = PartPlan.of(5L << 40, 256 * MIB);

    assertThat(plan.count()).isEqualTo(PartPlan.MAX_DATA_PARTS);
    assertThat(plan.length(1)).isBetween(512 * MIB, PartPlan.MAX_PART);
    assertThat(plan.offset(plan.count()) + plan.length(plan.count())).isEqualTo(5L << 40);
  }

  @Test
  void of_smallObject_cutsNearEqualPartsOfAtLeastTheWantedSize() {
    PartPlan plan = PartPlan.of(23 * MIB, 5 * MIB);

    assertThat(plan.count()).isEqualTo(4);
    assertThat(plan.range(1)).isEqualTo("bytes=0-6029311");
    assertThat(plan.range(4)).isEqualTo("bytes=18087936-24117247");
  }

  @Test
  void of_objectBeyondWhatNineThousandPartsHold_isRefused() {
    assertThatThrownBy(() -> PartPlan.of(PartPlan.MAX_PART * PartPlan.MAX_DATA_PARTS + 1, 5 * MIB))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("larger than a multipart copy allows");
  }

  @Test
  void of_randomSizes_partsTileTheObjectWithinS3Limits() {
    long seed = new SplittableRandom().nextLong();
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < 5_000; i++) {
      long size = random.nextInt(3) == 0 ? 1 + random.nextLong(1L << 30) : 1 + random.nextLong(5L << 40);
      long wanted = PartPlan.MIN_PART + random.nextLong(PartPlan.MAX_PART - PartPlan.MIN_PART + 1);
      PartPlan plan = PartPlan.of(size, wanted);
      String why = "seed " + seed + ", size " + size + ", wanted part size " + wanted;
      assertThat(plan.count()).as(why).isBetween(1, PartPlan.MAX_DATA_PARTS);
      assertThat(plan.offset(1)).as(why).isZero();
      for (int n : new int[] {1, 2, plan.count() - 1, plan.count()}) {
        if (n >= 1 && n <= plan.count()) {
          assertThat(plan.length(n)).as(why).isBetween(1L, PartPlan.MAX_PART);
          if (plan.count() <= size / wanted) {
            assertThat(plan.length(n)).as(why).isGreaterThanOrEqualTo(wanted);
          }
          if (plan.count() > 1) {
            assertThat(plan.length(n)).as(why).isGreaterThanOrEqualTo(PartPlan.MIN_PART);
          }
          if (n < plan.count()) {
            assertThat(plan.offset(n + 1)).as(why).isEqualTo(plan.offset(n) + plan.length(n));
          }
        }
      }
      assertThat(plan.offset(plan.count()) + plan.length(plan.count())).as(why).isEqualTo(size);
      assertThat(plan.length(1) - plan.length(plan.count())).as(why).isBetween(0L, 1L);
    }
  }
}
