package dev.s3batch.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI's error printer: every message of every command, control characters escaped. */
class ErrorPrinterTest {

  /** ESC [2J (clear the screen), BEL, a right-to-left override. */
  private static final String NASTY = "\u001b[2J\u0007\u202e";
  private static final String SHOWN = "\\x1b[2J\\x07\\u202e";

  @TempDir Path dir;

  @Test
  void manifestBuild_badRowWithControlCharacters_printsTheKeyEscaped() throws IOException {
    Path keys = dir.resolve("keys.txt");
    Files.writeString(keys, "fine.jpg\n" + NASTY + "x".repeat(1100) + "\n", StandardCharsets.UTF_8);
    CliRun run = CliRun.of("manifest", "build", "--keys", keys.toString(), "--bucket", "photos", "-o",
        dir.resolve("m.csv").toString());
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).startsWith("s3batch: " + keys + " line 2: key \"" + SHOWN + "xxx")
        .contains("1108 bytes of UTF-8");
    assertOneCleanLine(run.err());
    assertThat(dir.resolve("m.csv")).doesNotExist();
  }

  @Test
  void manifestBuild_bucketWithControlCharacters_printsItEscaped() throws IOException {
    Path keys = dir.resolve("keys.txt");
    Files.writeString(keys, "a.jpg\n", StandardCharsets.UTF_8);
    CliRun run = CliRun.of("manifest", "build", "--keys", keys.toString(), "--bucket", "photos" + NASTY);
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("photos" + SHOWN);
    assertOneCleanLine(run.err());
  }

  @Test
  void parameterError_valueWithControlCharacters_printsItEscaped() {
    CliRun run = CliRun.of("report", "review", "r/", "--top", NASTY);
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains(SHOWN).contains("--top");
    for (String line : run.err().split("\n")) {
      assertOneCleanLine(line + "\n");
    }
  }

  @Test
  void errorLine_messageWithLineBreaksAndEscapes_staysOneLineKeepingBackslashes() {
    assertThat(Main.errorLine("key \"a\\x1b\" then\r\nforged " + NASTY))
        .isEqualTo("s3batch: key \"a\\x1b\" then\\r\\nforged " + SHOWN);
  }

  /** One line, ended by a line break, without a raw control character (C0, C1, DEL) or bidi control. */
  private static void assertOneCleanLine(String text) {
    assertThat(text).endsWith("\n");
    String line = text.substring(0, text.length() - 1);
    assertThat(line.chars().filter(c -> c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e)))
        .as("raw control characters in %s", line).isEmpty();
  }
}
