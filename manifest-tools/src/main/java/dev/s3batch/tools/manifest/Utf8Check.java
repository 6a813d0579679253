package dev.s3batch.tools.manifest;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Strict UTF-8 validation of a byte range, by the well-formed sequences of Unicode's table 3-7
 * (no overlong forms, no surrogates, nothing above U+10FFFF): the bytes a strict JDK decoder
 * ({@code CodingErrorAction.REPORT}) accepts. Hand-written because the JDK's only validator, a
 * {@link java.nio.charset.CharsetDecoder}, costs a decode into chars per line; {@code
 * bench/manifest-build.sh} measures the byte path it serves. {@code Utf8CheckTest} checks it
 * against the JDK decoder.
 */
final class Utf8Check {

  private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private Utf8Check() {}

  /** The index of the first byte of the first ill-formed sequence in {@code [from, to)}, or -1. */
  static int firstInvalid(byte[] a, int from, int to) {
    int i = from;
    while (i < to) {
      if (i + 8 <= to && ((long) LONG.get(a, i) & 0x8080808080808080L) == 0) {
        i += 8;
        continue;
      }
      int b = a[i];
      if (b >= 0) {
        i++;
        continue;
      }
      b &= 0xFF;
      int start = i;
      if (b < 0xC2) {
        return start;
      } else if (b < 0xE0) {
        if (i + 1 >= to || !continuation(a[i + 1])) {
          return start;
        }
        i += 2;
      } else if (b < 0xF0) {
        if (i + 2 >= to) {
          return start;
        }
        int b1 = a[i + 1] & 0xFF;
        boolean ok = b == 0xE0 ? b1 >= 0xA0 && b1 <= 0xBF : b == 0xED ? b1 >= 0x80 && b1 <= 0x9F : continuation(a[i + 1]);
        if (!ok || !continuation(a[i + 2])) {
          return start;
        }
        i += 3;
      } else if (b < 0xF5) {
        if (i + 3 >= to) {
          return start;
        }
        int b1 = a[i + 1] & 0xFF;
        boolean ok = b == 0xF0 ? b1 >= 0x90 && b1 <= 0xBF : b == 0xF4 ? b1 >= 0x80 && b1 <= 0x8F : continuation(a[i + 1]);
        if (!ok || !continuation(a[i + 2]) || !continuation(a[i + 3])) {
          return start;
        }
        i += 4;
      } else {
        return start;
      }
    }
    return -1;
  }

  private static boolean continuation(byte b) {
    return (b & 0xC0) == 0x80;
  }
}
