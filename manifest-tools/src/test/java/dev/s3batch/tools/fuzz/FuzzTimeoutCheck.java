package dev.s3batch.tools.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Not a fuzz target: the check that the fuzz execution's per-input timeout ({@code fuzz.timeout},
 * libFuzzer's {@code -timeout}) reports a hanging input as a finding. Every input but the empty one
 * spins forever; run it as README "Fuzzing" shows and the build fails with libFuzzer's {@code
 * timeout after 1 seconds} on the first input the fuzzer makes. (Inputs kept in an {@code Inputs}
 * folder are replayed as plain JUnit invocations before fuzzing starts, outside that timeout: a
 * hang kept there must be found by a fuzz run, not replayed.) The class name does
 * not end in {@code FuzzTest}, so the suite's fuzz execution leaves it out, and the default
 * execution leaves out every {@code jazzer}-tagged test.
 */
class FuzzTimeoutCheck {

  @FuzzTest
  void spin_onHang_isReportedAsATimeout(byte[] input) {
    if (input.length > 0) {
      while (!Thread.currentThread().isInterrupted()) {
        Thread.onSpinWait();
      }
    }
  }
}
