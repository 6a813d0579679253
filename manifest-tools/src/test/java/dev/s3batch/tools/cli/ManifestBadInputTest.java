package dev.s3batch.tools.cli;

import static dev.s3batch.tools.cli.ManifestBuildCommandTest.files;
import static org.assertj.core.api.Assertions.assertThat;

import dev.s3batch.testkit.NastyKeys;
import dev.s3batch.tools.manifest.KeyEncoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every bad input: one message naming the option or file and line, exit code 2, no output file. */
class ManifestBadInputTest {

  @TempDir Path in;
  @TempDir Path out;

  private CliRun build(String... args) {
    List<String> all = new ArrayList<>(List.of("manifest", "build"));
    all.addAll(List.of(args));
    all.addAll(List.of("-o", out.resolve("m.csv").toString(), "--max-rows", "2"));
    return CliRun.of(all.toArray(String[]::new));
  }

  private void assertRejected(CliRun run, String message) throws IOException {
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).as(run.toString()).isEqualTo("s3batch: " + message + System.lineSeparator());
    assertThat(run.out()).isEmpty();
    assertThat(files(out)).as("files left in the output directory").isEmpty();
  }

  private Path file(String name, String content) throws IOException {
    return Files.writeString(in.resolve(name), content, StandardCharsets.UTF_8);
  }

  @Test
  void build_listWithoutS3Scheme_namesOption() throws IOException {
    assertRejected(build("--list", "my-bucket/prefix"), "--list \"my-bucket/prefix\": not an s3:// URI; write s3://BUCKET/KEY");
  }

  @Test
  void build_listWithBadBucketName_namesOptionAndRule() throws IOException {
    assertRejected(build("--list", "s3://My_Bucket/x"),
        "--list \"s3://My_Bucket/x\": \"My_Bucket\" is not a bucket name: only lowercase letters, digits, '.' and '-' are allowed");
  }

  @Test
  void build_uploadUriWithoutKey_namesOption() throws IOException {
    Path keys = file("keys.txt", "a\n");
    assertRejected(build("--keys", keys.toString(), "--bucket", "bkt", "--upload", "s3://bkt"),
        "--upload \"s3://bkt\" names no object: give s3://bucket/key, for example s3://bkt/manifests/manifest.csv");
  }

  @Test
  void build_missingInputFile_namesOptionAndFile() throws IOException {
    Path missing = in.resolve("nope.txt");
    assertRejected(build("--keys", missing.toString(), "--bucket", "bkt"), "--keys " + missing + ": no such file");
  }

  @Test
  void build_inputIsDirectory_namesOptionAndFile() throws IOException {
    assertRejected(build("--csv", in.toString()), "--csv " + in + ": is a directory, not a file");
  }

  @Test
  void build_jsonLineNotJson_namesFileAndLine() throws IOException {
    Path jsonl = file("in.jsonl", "{\"key\":\"a\"}\n{\"key\":\"b\"}\n{\"key\":\"c\"}\n{\"key\": oops}\n");
    CliRun run = build("--jsonl", jsonl.toString(), "--bucket", "bkt");
    assertThat(run.err()).startsWith("s3batch: " + jsonl + " line 4: not valid JSON: ");
    assertRejected(run, run.err().substring("s3batch: ".length()).strip());
  }

  @Test
  void build_jsonLineWithoutBucket_namesFileAndLine() throws IOException {
    Path jsonl = file("in.jsonl", "{\"origKey\":\"a\"}\n");
    assertRejected(build("--jsonl", jsonl.toString()),
        jsonl + " line 1: no bucket: give the line a \"bucket\" field or give --bucket");
  }

  @Test
  void build_csvRowWithFourFields_namesFileAndLine() throws IOException {
    Path csv = file("in.csv", "bkt,a\nbkt,b\nbkt,\"c\nd\"\nbkt,e,v,extra\n");
    assertRejected(build("--csv", csv.toString()),
        csv + " line 5: 4 fields; a row is bucket,key or bucket,key,versionId (quote a key that holds a comma)");
  }

  @Test
  void build_csvRowWithOneField_namesFileAndLine() throws IOException {
    Path csv = file("in.csv", "bkt,a\nkey-without-bucket\n");
    assertRejected(build("--csv", csv.toString()),
        csv + " line 2: 1 field; a row is bucket,key or bucket,key,versionId (quote a key that holds a comma)");
  }

  @Test
  void build_mixedVersionColumns_namesFirstOffendingLine() throws IOException {
    Path csv = file("in.csv", "bkt,a,v1\nbkt,b,v2\nbkt,c,v3\nbkt,d\nbkt,e\n");
    assertRejected(build("--csv", csv.toString()),
        csv + " line 4: this row has no version id but the rows before it have one; "
            + "a manifest has a version id on every row or on none");
  }

  @Test
  void build_keyOver1024Bytes_namesFileAndLine() throws IOException {
    Path keys = file("keys.txt", "a\nb\nc\n" + "x".repeat(1025) + "\n");
    assertRejected(build("--keys", keys.toString(), "--bucket", "bkt"),
        keys + " line 4: key \"" + "x".repeat(60) + "...\" is 1025 bytes of UTF-8; S3 keys have at most 1,024");
  }

  @Test
  void build_nastyKeyOf1024BytesWhoseEncodingExceeds1024Chars_namesFileAndLine() throws IOException {
    List<String> tooLong =
        NastyKeys.all().stream().filter(k -> KeyEncoder.encode(k).length() > 1024).toList();
    assertThat(tooLong).as("the corpus's 1,024-byte non-ASCII keys").hasSize(2);
    Path csv = file("in.csv", ManifestBuildCommandTest.csvRows("bkt", List.of("ok", tooLong.get(0))));
    CliRun run = build("--csv", csv.toString());
    assertRejected(run, csv + " line 2: key \"" + tooLong.get(0).substring(0, 60) + "...\" is "
        + KeyEncoder.encode(tooLong.get(0)).length()
        + " characters URL-encoded; a manifest's key field holds at most 1,024");
  }

  @Test
  void build_keysWithoutBucket_namesOption() throws IOException {
    Path keys = file("keys.txt", "a\n");
    assertRejected(build("--keys", keys.toString()), "--keys needs --bucket: the key list names keys, not buckets");
  }

  @Test
  void build_badSize_namesOption() throws IOException {
    assertRejected(build("--list", "s3://bkt/", "--min-size", "ten"),
        "--min-size \"ten\" is not a size: give bytes or a number with B, KB, MB, GB, TB, KiB, MiB, GiB or TiB");
  }

  @Test
  void build_unknownStorageClass_namesOption() throws IOException {
    CliRun run = build("--list", "s3://bkt/", "--storage-class", "standard,GLACIERR");
    assertThat(run.err()).startsWith("s3batch: --storage-class GLACIERR is not an S3 storage class; known ones: [");
    assertRejected(run, run.err().substring("s3batch: ".length()).strip());
  }

  @Test
  void build_badVersionsValue_namesOption() throws IOException {
    assertRejected(build("--list", "s3://bkt/", "--versions", "newest"),
        "--versions \"newest\": give latest, noncurrent, delete-markers or all");
  }

  @Test
  void build_filterWithoutList_namesOptions() throws IOException {
    Path keys = file("keys.txt", "a\n");
    CliRun run = build("--keys", keys.toString(), "--bucket", "bkt", "--min-size", "1");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("need --list");
  }

  @Test
  void build_emptyInput_isAnErrorAndWritesNothing() throws IOException {
    Path keys = file("keys.txt", "\n\n");
    assertRejected(build("--keys", keys.toString(), "--bucket", "bkt"),
        keys + ": no rows; nothing matched, and a job cannot run an empty manifest");
  }

  @Test
  void build_invalidUtf8_namesFileAndLine() throws IOException {
    Path keys = in.resolve("latin1.txt");
    Files.write(keys, new byte[] {'a', '\n', 'c', 'a', 'f', (byte) 0xE9, '\n'});
    assertRejected(build("--keys", keys.toString(), "--bucket", "bkt"), keys + " line 2: not valid UTF-8");
  }

  @Test
  void buildCsv_invalidUtf8InMultiLineKey_namesFileAndLine() throws IOException {
    Path csv = in.resolve("latin1.csv");
    byte[] head = "bkt,a\nbkt,\"x\ncaf".getBytes(StandardCharsets.US_ASCII);
    byte[] bytes = java.util.Arrays.copyOf(head, head.length + 3);
    bytes[head.length] = (byte) 0xE9; // Latin-1 é
    bytes[head.length + 1] = '"';
    bytes[head.length + 2] = '\n';
    Files.write(csv, bytes);
    assertRejected(build("--csv", csv.toString()), csv + " line 3: not valid UTF-8");
  }

  @Test
  void buildCsv_quoteInsideUnquotedKey_namesFileAndLine() throws IOException {
    Path csv = file("q.csv", "bkt,a\nbkt,my \"key\"\n");
    assertRejected(build("--csv", csv.toString()), csv + " line 2: a quote inside an unquoted field; quote the whole "
        + "field and double the quotes in it, as in \"my \"\"quoted\"\" key\"");
  }

  @Test
  void upload_invalidUtf8_namesFileAndLine() throws IOException {
    Path csv = in.resolve("m.csv");
    Files.write(csv, new byte[] {'b', 'k', 't', ',', 'a', '\n', 'b', 'k', 't', ',', (byte) 0xFF, '\n'});
    CliRun run = CliRun.of("manifest", "upload", csv.toString(), "s3://bkt/m.csv");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).isEqualTo("s3batch: " + csv + " line 2: not valid UTF-8" + System.lineSeparator());
  }

  @Test
  void build_errorAfterSeveralPartsWritten_leavesNeitherPartsNorTempFiles() throws IOException {
    StringBuilder csv = new StringBuilder();
    for (int i = 0; i < 9; i++) {
      csv.append("bkt,k").append(i).append('\n');
    }
    csv.append("bkt,k9,v9\n");
    Path file = file("in.csv", csv.toString());
    Files.writeString(out.resolve("unrelated.txt"), "kept");

    CliRun run = build("--csv", file.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains(file + " line 10: this row has a version id but the rows before it have none");
    assertThat(files(out)).containsExactly("unrelated.txt");
  }

  @Test
  void upload_manifestWithMixedColumns_namesFileAndLine() throws IOException {
    Path csv = file("m.csv", "bkt,a\nbkt,b,v1\n");
    CliRun run = CliRun.of("manifest", "upload", csv.toString(), "s3://bkt/m.csv");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).isEqualTo("s3batch: " + csv + " line 2: 3 fields after rows of 2; "
        + "a manifest has a version id on every row or on none" + System.lineSeparator());
  }

  @Test
  void upload_headerRow_saysManifestsHaveNoHeader() throws IOException {
    Path csv = file("m.csv", "Bucket,Key\nbkt,b\n");
    CliRun run = CliRun.of("manifest", "upload", csv.toString(), "s3://bkt/m.csv");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains(csv + " line 1: \"Bucket,Key\" is a header row; a manifest has no header row");
  }

  @Test
  void upload_targetWithoutKey_namesArgument() throws IOException {
    Path csv = file("m.csv", "bkt,a\n");
    CliRun run = CliRun.of("manifest", "upload", csv.toString(), "s3://bkt/");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("S3URI \"s3://bkt/\" names no object");
  }
}
