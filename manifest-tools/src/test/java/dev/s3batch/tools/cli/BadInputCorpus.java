package dev.s3batch.tools.cli;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bad-input corpus: one row per case, each a command line as a user types it, the files it
 * reads, the exit code it must give and the message it must print (on stderr, or for a task
 * refused by the function, in the response on stdout). In arguments, files and messages,
 * {@code {dir}} is the case's own folder and {@code {endpoint}} a local HTTP endpoint that
 * counts the connections made to it. {@link BadInputCorpusTest} runs every row.
 */
final class BadInputCorpus {

  /**
   * One case.
   *
   * @param area events, keys, manifests (CSV, inventory, JSON lines), reports or CLI arguments
   * @param name what is wrong
   * @param files the files in {@code {dir}} before the run, by name
   * @param args the command line
   * @param exit the exit code it must give
   * @param message the message it must print
   */
  record Case(String area, String name, Map<String, byte[]> files, List<String> args, int exit, String message) {
    @Override
    public String toString() {
      return area + ": " + name;
    }
  }

  private final List<Case> cases = new ArrayList<>();
  private final Map<String, byte[]> files = new LinkedHashMap<>();
  private String area;

  private BadInputCorpus area(String name) {
    this.area = name;
    return this;
  }

  /** A file for the next case. */
  private BadInputCorpus file(String name, String content) {
    return file(name, content.getBytes(StandardCharsets.UTF_8));
  }

  private BadInputCorpus file(String name, byte[] content) {
    files.put(name, content);
    return this;
  }

  /** A case: the command line's words follow the message. */
  private BadInputCorpus c(String name, int exit, String message, String... args) {
    cases.add(new Case(area, name, Map.copyOf(files), Arrays.asList(args), exit, message));
    files.clear();
    return this;
  }

  /** {@code manifest build ARGS -o {dir}/out.csv}. */
  private static String[] build(String... args) {
    return with(with(new String[] {"manifest", "build"}, args), "-o", "{dir}/out.csv");
  }

  private static String[] with(String[] head, String... tail) {
    String[] all = Arrays.copyOf(head, head.length + tail.length);
    System.arraycopy(tail, 0, all, head.length, tail.length);
    return all;
  }

  static List<Case> all() {
    BadInputCorpus t = new BadInputCorpus();
    cli(t);
    events(t);
    keys(t);
    manifests(t);
    reports(t);
    return List.copyOf(t.cases);
  }

    private static final String[] LOCAL = {"job", "run-local", "--report", "{dir}/report", "--endpoint-url", "{endpoint}"};

  private static void cli(BadInputCorpus t) {
    t.area("CLI arguments");
    t.c("unknown command", 2, "Unmatched argument at index 0: 'frobnicate'", "frobnicate");
    t.c("unknown option", 2, "Unknown option: '--frobnicate'", "manifest", "build", "--frobnicate");
    t.c("manifest build without input", 2, "Error: Missing required argument (specify one of these): (--keys=FILE | --csv=FILE | --jsonl=FILE | --list=S3URI)", "manifest", "build", "-o", "{dir}/out.csv");
    t.file("k.txt", "a\n").c("--keys without --bucket", 2, "--keys needs --bucket: the key list names keys, not buckets", build("--keys", "{dir}/k.txt"));
    t.file("k.txt", "a\n").file("c.csv", "b,a\n").c("two inputs", 2, "Error: --keys=FILE, --csv=FILE are mutually exclusive (specify only one)",
        build("--keys", "{dir}/k.txt", "--csv", "{dir}/c.csv"));
    t.file("k.txt", "a\n").c("bucket name with uppercase", 2, "--bucket \"My_Bucket\" is not a bucket name: only lowercase letters, digits, '.' and '-' are allowed",
        build("--keys", "{dir}/k.txt", "--bucket", "My_Bucket"));
    t.file("k.txt", "a\n").c("--max-rows 0", 2, "--max-rows 0: give at least 1",
        build("--keys", "{dir}/k.txt", "--bucket", "bkt", "--max-rows", "0"));
    t.file("k.txt", "a\n").c("--max-rows not a number", 2, "Invalid value for option '--max-rows': 'ten' is not a long",
        build("--keys", "{dir}/k.txt", "--bucket", "bkt", "--max-rows", "ten"));
    t.file("k.txt", "a\n").c("--min-size without --list", 2, "--versions, --min-size, --max-size, --modified-after, --modified-before and --storage-class need --list: only a listing knows versions, sizes, dates and storage classes",
        build("--keys", "{dir}/k.txt", "--bucket", "bkt", "--min-size", "10"));
    t.c("--min-size unknown unit", 2, "--min-size \"10XB\" is not a size: give bytes or a number with B, KB, MB, GB, TB, KiB, MiB, GiB or TiB", build("--list", "s3://bkt/p", "--min-size", "10XB",
        "--endpoint-url", "{endpoint}"));
    t.c("--modified-after not a time", 2, "--modified-after \"yesterday\" is not a date (2024-01-31) or date-time (2024-01-31T12:00:00Z)", build("--list", "s3://bkt/p",
        "--modified-after", "yesterday", "--endpoint-url", "{endpoint}"));
    t.c("--versions unknown", 2, "--versions \"sometimes\": give latest, noncurrent, delete-markers or all", build("--list", "s3://bkt/p",
        "--versions", "sometimes", "--endpoint-url", "{endpoint}"));
    t.c("--storage-class unknown", 2, "--storage-class GOLD is not an S3 storage class; known ones: [DEEP_ARCHIVE, EXPRESS_ONEZONE, FSX_ONTAP, FSX_OPENZFS, GLACIER, GLACIER_IR, INTELLIGENT_TIERING, ONEZONE_IA, OUTPOSTS, REDUCED_REDUNDANCY, SNOW, STANDARD, STANDARD_IA]", build("--list", "s3://bkt/p",
        "--storage-class", "GOLD", "--endpoint-url", "{endpoint}"));
    t.c("--list with one slash", 2, "--list \"s3:/bkt/p\": write s3:// with two slashes, as in s3://BUCKET/KEY", build("--list", "s3:/bkt/p", "--endpoint-url", "{endpoint}"));
    t.c("--list without scheme", 2, "--list \"bkt/p\": not an s3:// URI; write s3://BUCKET/KEY", build("--list", "bkt/p", "--endpoint-url", "{endpoint}"));
    t.file("k.txt", "a\n").c("--upload without key", 2, "--upload \"s3://bkt\" names no object: give s3://bucket/key, for example s3://bkt/manifests/manifest.csv", build("--keys", "{dir}/k.txt",
        "--bucket", "bkt", "--upload", "s3://bkt", "--endpoint-url", "{endpoint}"));
    t.file("k.txt", "a\n").c("--output in a missing folder", 2, "-o {dir}/no/such/out.csv: the directory {dir}/no/such does not exist",
        "manifest", "build", "--keys", "{dir}/k.txt", "--bucket", "bkt", "-o", "{dir}/no/such/out.csv");
    t.file("k.txt", "a\n").c("--keys is a folder", 2, "--keys {dir}: is a directory, not a file", build("--keys", "{dir}", "--bucket", "bkt"));
    t.c("--keys missing file", 2, "--keys {dir}/none.txt: no such file", build("--keys", "{dir}/none.txt", "--bucket", "bkt"));
    t.c("run-local without --manifest", 2, "Missing required option: '--manifest=s3://BUCKET/KEY|FILE'", LOCAL);
    t.file("m.csv", "bkt,a\n").c("run-local without --report", 2, "Missing required option: '--report=s3://BUCKET/PREFIX|DIR'",
        "job", "run-local", "--manifest", "{dir}/m.csv", "--endpoint-url", "{endpoint}");
    t.file("m.csv", "bkt,a\n").c("--concurrency 0", 2, "concurrency must be 1 to 10000, not 0", with(LOCAL, "--manifest", "{dir}/m.csv", "--action", "head", "--concurrency", "0"));
    t.file("m.csv", "bkt,a\n").c("--max-attempts 0", 2, "max attempts must be 1 to 100, not 0", with(LOCAL, "--manifest", "{dir}/m.csv", "--action", "head", "--max-attempts", "0"));
    t.file("m.csv", "bkt,a\n").c("--timeout negative", 2, "the timeout must be above 0 and at most 900 seconds (Lambda's limit)", with(LOCAL, "--manifest", "{dir}/m.csv", "--action", "head", "--timeout", "-5"));
    t.file("m.csv", "bkt,a\n").c("--schema 3.0", 2, "--schema \"3.0\" is not 1.0 or 2.0", with(LOCAL, "--manifest", "{dir}/m.csv", "--action", "head", "--schema", "3.0"));
    t.file("m.csv", "bkt,a\n").c("--report-scope unknown", 2, "Invalid value for option '--report-scope': expected one of [AllTasks, FailedTasksOnly] (case-insensitive) but was 'Some'",
        with(LOCAL, "--manifest", "{dir}/m.csv", "--action", "head", "--report-scope", "Some"));
    t.file("m.csv", "bkt,a\n").c("--arg without =", 2, "Value for option option '--arg' (KEY=VALUE) should be in KEY=VALUE format but was noequals", with(LOCAL, "--manifest", "{dir}/m.csv", "--action", "head", "--arg", "noequals"));
    t.file("m.csv", "bkt,a\n").c("--env contradicts --action", 2, "--action head and --env S3BATCH_ACTION=copy disagree: give one of them",
        with(LOCAL, "--manifest", "{dir}/m.csv", "--action", "head", "--env", "S3BATCH_ACTION=copy"));
    t.file("m.csv", "bkt,a\n").c("--env contradicts --region", 2, "--region us-east-1 and --env AWS_REGION=eu-west-1 disagree: give one of them",
        with(LOCAL, "--manifest", "{dir}/m.csv", "--action", "head", "--env", "AWS_REGION=eu-west-1", "--region", "us-east-1"));
    t.file("m.csv", "bkt,a\n").c("--env mistyped S3BATCH_ variable", 2, "the function's environment (--env and this shell's variables): unknown variable S3BATCH_DESTINATON_BUCKET: did you mean S3BATCH_DESTINATION_BUCKET?",
        with(LOCAL, "--manifest", "{dir}/m.csv", "--action", "head", "--env", "S3BATCH_DESTINATON_BUCKET=x"));
    t.file("m.csv", "bkt,a\n").c("--action unknown", 2, "--action frobnicate: no such action (known: [checksum, copy, delete, head, move, remove-delete-marker, revise, tag])", with(LOCAL, "--manifest", "{dir}/m.csv", "--action", "frobnicate"));
    t.c("--manifest with one slash", 2, "--manifest \"s3:/bkt/m.csv\": write s3:// with two slashes, as in s3://BUCKET/KEY", with(LOCAL, "--manifest", "s3:/bkt/m.csv", "--action", "head"));
    t.file("m.csv", "bkt,a\n").c("--report bucket name invalid", 2, "--report \"s3://Bad_Bucket/p\": \"Bad_Bucket\" is not a bucket name: only lowercase letters, digits, '.' and '-' are allowed",
        "job", "run-local", "--manifest", "{dir}/m.csv", "--action", "head", "--report", "s3://Bad_Bucket/p",
        "--endpoint-url", "{endpoint}");
    t.file("m.csv", "bkt,a\n").c("--endpoint-url not http", 2, "--endpoint-url \"ftp://127.0.0.1:1\": only http:// and https:// endpoints are supported",
        "job", "run-local", "--manifest", "{dir}/m.csv", "--action", "head", "--report", "{dir}/report",
        "--endpoint-url", "ftp://127.0.0.1:1");
    t.c("invoke without event or object", 2, "Error: Missing required argument (specify one of these): (--event=FILE | [--bucket=BUCKET --key=KEY [--version-id=ID] [--schema=1.0|2.0] [--arg=KEY=VALUE]...])", "invoke", "--action", "head", "--endpoint-url", "{endpoint}");
    t.c("invoke --bucket without --key", 2, "Error: Missing required argument(s): --key=KEY", "invoke", "--action", "head", "--bucket", "bkt", "--endpoint-url", "{endpoint}");
    t.file("e.json", "{}").c("invoke --event and --bucket", 2, "Error: --event=FILE and [--bucket=BUCKET --key=KEY [--version-id=ID] [--schema=1.0|2.0] [--arg=KEY=VALUE]...] are mutually exclusive (specify only one)",
        "invoke", "--action", "head", "--event", "{dir}/e.json", "--bucket", "bkt", "--key", "a", "--endpoint-url", "{endpoint}");
    t.c("invoke --timeout 0", 2, "--timeout 0: the timeout must be above 0 and at most 900 seconds (Lambda's limit)",
        "invoke", "--action", "head", "--bucket", "bkt", "--key", "a", "--timeout", "0", "--endpoint-url", "{endpoint}");
    t.file("m.csv", "bkt,a\n").c("--progress-every -1", 2, "--progress-every -1.0: give a number of seconds, or 0 for none",
        with(LOCAL, "--manifest", "{dir}/m.csv", "--action", "head", "--progress-every", "-1"));
    t.c("invoke --schema 9", 2, "--schema \"9\" is not 1.0 or 2.0", "invoke", "--action", "head", "--bucket", "bkt", "--key", "a", "--schema", "9",
        "--endpoint-url", "{endpoint}");
    t.c("invoke --arg with empty name", 3, "userArguments entry name \"\" has 0 characters: a name has 1 to 64", "invoke", "--action", "head", "--bucket", "bkt", "--key", "a", "--arg", "=v",
        "--endpoint-url", "{endpoint}");
    t.c("invoke --env without =", 2, "Value for option option '--env' (KEY=VALUE) should be in KEY=VALUE format but was NOEQ", "invoke", "--action", "head", "--bucket", "bkt", "--key", "a", "--env", "NOEQ",
        "--endpoint-url", "{endpoint}");
    t.c("invoke --event missing file", 2, "--event {dir}/none.json: no such file", "invoke", "--action", "head", "--event", "{dir}/none.json", "--endpoint-url", "{endpoint}");
    t.c("report review without REPORT", 2, "Missing required parameter: 'REPORT'", "report", "review");
    t.c("report review --top not a number", 2, "Invalid value for option '--top': 'x' is not an int", "report", "review", "{dir}", "--top", "x");
    t.c("job submit without options", 2, "Missing required options: '--function-arn=ARN', '--role-arn=ARN'", "job", "submit");
    t.c("s3 serve with a port out of range", 2, "--port 70000 is not a TCP port (0 to 65535)", "s3", "serve", "--port", "70000");
    t.c("iam render without options", 2, "Missing required options: '--function-arn=ARN', '--manifest=s3://BUCKET/KEY', '--report=s3://BUCKET/PREFIX', '--source-bucket=BUCKET', '--action=NAME'", "iam", "render");
  }

  private static final String[] INVOKE_HEAD = {"invoke", "--action", "head", "--endpoint-url", "{endpoint}", "--event", "{dir}/e.json"};
  private static final String TASK = "{\"taskId\":\"t1\",\"s3Key\":\"a\",\"s3BucketArn\":\"arn:aws:s3:::bkt\"}";

  private static String event(String job, String tasks) {
    return "{\"invocationSchemaVersion\":\"2.0\",\"invocationId\":\"aW52\",\"job\":" + job + ",\"tasks\":" + tasks + "}";
  }

  private static void events(BadInputCorpus t) {
    t.area("events");
    t.file("e.json", "{\"invocationSchemaVersion\":").c("not JSON", 1, "the function failed the invocation: {\"errorMessage\":\"event is not valid JSON: Unexpected end-of-input within/between Object entries at line 1, column 28\",\"errorType\":\"dev.s3batch.handler.event.InvalidEventException\"}", INVOKE_HEAD);
    t.file("e.json", "").c("empty", 1, "the function failed the invocation: {\"errorMessage\":\"event is empty: expected a JSON object\",\"errorType\":\"dev.s3batch.handler.event.InvalidEventException\"}", INVOKE_HEAD);
    t.file("e.json", "[" + TASK + "]").c("an array", 1, "the function failed the invocation: {\"errorMessage\":\"event is not a JSON object but an array\",\"errorType\":\"dev.s3batch.handler.event.InvalidEventException\"}", INVOKE_HEAD);
    t.file("e.json", "\"event\"").c("a string", 1, "the function failed the invocation: {\"errorMessage\":\"event is not a JSON object but a string\",\"errorType\":\"dev.s3batch.handler.event.InvalidEventException\"}", INVOKE_HEAD);
    t.file("e.json", "{\"invocationId\":\"aW52\",\"tasks\":[" + TASK + "]}").c("no invocationSchemaVersion", 1, "the function failed the invocation: {\"errorMessage\":\"event has no \\\"invocationSchemaVersion\\\"\",\"errorType\":\"dev.s3batch.handler.event.InvalidEventException\"}", INVOKE_HEAD);
    t.file("e.json", "{\"invocationSchemaVersion\":\"3.0\",\"invocationId\":\"aW52\",\"tasks\":[" + TASK + "]}")
        .c("unknown schema", 1, "the function failed the invocation: {\"errorMessage\":\"unknown invocationSchemaVersion \\\"3.0\\\": this handler knows 1.0 and 2.0\",\"errorType\":\"dev.s3batch.handler.event.InvalidEventException\"}", INVOKE_HEAD);
    t.file("e.json", "{\"invocationSchemaVersion\":\"1.0\",\"tasks\":[" + TASK + "]}").c("no invocationId", 1, "the function failed the invocation: {\"errorMessage\":\"event has no \\\"invocationId\\\"\",\"errorType\":\"dev.s3batch.handler.event.InvalidEventException\"}", INVOKE_HEAD);
    t.file("e.json", "{\"invocationSchemaVersion\":\"1.0\",\"invocationId\":\"\",\"tasks\":[" + TASK + "]}")
        .c("empty invocationId", 1, "the function failed the invocation: {\"errorMessage\":\"event has no \\\"invocationId\\\"\",\"errorType\":\"dev.s3batch.handler.event.InvalidEventException\"}", INVOKE_HEAD);
    t.file("e.json", "{\"invocationSchemaVersion\":\"1.0\",\"invocationId\":{},\"tasks\":[" + TASK + "]}")
        .c("invocationId an object", 1, "the function failed the invocation: {\"errorMessage\":\"event field \\\"invocationId\\\" is an object, not a string\",\"errorType\":\"dev.s3batch.handler.event.InvalidEventException\"}", INVOKE_HEAD);
    t.file("e.json", "{\"invocationSchemaVersion\":\"1.0\",\"invocationId\":\"aW52\"}").c("no tasks", 1, "the function failed the invocation: {\"errorMessage\":\"event has no \\\"tasks\\\" array\",\"errorType\":\"dev.s3batch.handler.event.InvalidEventException\"}", INVOKE_HEAD);
    t.file("e.json", "{\"invocationSchemaVersion\":\"1.0\",\"invocationId\":\"aW52\",\"tasks\":{}}").c("tasks an object", 1, "the function failed the invocation: {\"errorMessage\":\"event field \\\"tasks\\\" is an object, not an array\",\"errorType\":\"dev.s3batch.handler.event.InvalidEventException\"}", INVOKE_HEAD);
    t.file("e.json", event("{}", "[" + TASK + ",5]")).c("a task that is a number", 1, "the function failed the invocation: {\"errorMessage\":\"tasks[1] is a number, not an object\",\"errorType\":\"dev.s3batch.handler.event.InvalidEventException\"}", INVOKE_HEAD);
    t.file("e.json", event("{}", "[{\"s3Key\":\"a\",\"s3Bucket\":\"bkt\"}]")).c("a task without taskId", 1, "the function failed the invocation: {\"errorMessage\":\"tasks[0] has no \\\"taskId\\\"\",\"errorType\":\"dev.s3batch.handler.event.InvalidEventException\"}", INVOKE_HEAD);
    t.file("e.json", event("{}", "[{\"taskId\":[1],\"s3Key\":\"a\",\"s3Bucket\":\"bkt\"}]")).c("a taskId that is an array", 1, "the function failed the invocation: {\"errorMessage\":\"tasks[0] field \\\"taskId\\\" is an array, not a string\",\"errorType\":\"dev.s3batch.handler.event.InvalidEventException\"}", INVOKE_HEAD);
    t.file("e.json", event("[]", "[" + TASK + "]")).c("job an array", 1, "the function failed the invocation: {\"errorMessage\":\"event field \\\"job\\\" is an array, not an object\",\"errorType\":\"dev.s3batch.handler.event.InvalidEventException\"}", INVOKE_HEAD);
    t.file("e.json", event("{\"id\":\"j\",\"userArguments\":[]}", "[" + TASK + "]")).c("userArguments an array", 1, "the function failed the invocation: {\"errorMessage\":\"job.userArguments is an array, not an object\",\"errorType\":\"dev.s3batch.handler.event.InvalidEventException\"}", INVOKE_HEAD);
    t.file("e.json", event("{\"id\":\"j\",\"userArguments\":{\"k\":{}}}", "[" + TASK + "]")).c("a userArgument an object", 1, "the function failed the invocation: {\"errorMessage\":\"job.userArguments.k is an object, not a string\",\"errorType\":\"dev.s3batch.handler.event.InvalidEventException\"}", INVOKE_HEAD);
    t.file("e.json", event("{\"id\":\"j\",\"userArguments\":{\"k\":null}}", "[" + TASK + "]")).c("a userArgument null", 1, "the function failed the invocation: {\"errorMessage\":\"job.userArguments.k is null, not a string\",\"errorType\":\"dev.s3batch.handler.event.InvalidEventException\"}", INVOKE_HEAD);
    t.file("e.json", new byte[] {0, 0, 0, 'e', '\n'}).c("bytes that start like UTF-32", 1, "the function failed the invocation: {\"errorMessage\":\"event is not valid JSON text: Unexpected EOF in the middle of a 4-byte UTF-32 char: got 1, needed 4, at char #1, byte #5)\",\"errorType\":\"dev.s3batch.handler.event.InvalidEventException\"}", INVOKE_HEAD);
    t.file("e.json", event("{}", "[{\"taskId\":\"t1\",\"s3Key\":[\"a\"],\"s3Bucket\":\"bkt\"}]")).c("s3Key an array", 3, "tasks[0] (task t1) field \"s3Key\" is an array, not a string: [\"a\"]", INVOKE_HEAD);
    t.file("e.json", event("{}", "[{\"taskId\":\"t1\",\"s3Key\":\"a\"}]")).c("a task without bucket", 3, "task t1 names no bucket (neither s3Bucket nor s3BucketArn)", INVOKE_HEAD);
    t.file("e.json", event("{}", "[{\"taskId\":\"t1\",\"s3Bucket\":\"bkt\"}]")).c("a task without s3Key", 3, "task t1 has no s3Key", INVOKE_HEAD);
    t.file("e.json", event("{}", "[{\"taskId\":\"t1\",\"s3Key\":\"\",\"s3Bucket\":\"bkt\"}]")).c("an empty s3Key", 3, "task t1 has no s3Key", INVOKE_HEAD);
    t.file("e.json", event("{}", "[{\"taskId\":\"t1\",\"s3Key\":\"a\",\"s3Bucket\":{}}]")).c("s3Bucket an object", 3, "tasks[0] (task t1) field \"s3Bucket\" is an object, not a string: {}", INVOKE_HEAD);
    t.file("e.json", event("{\"userArguments\":{\"action\":\"frobnicate\"}}", "[" + TASK + "]")).c("unknown action", 3, "unknown action \"frobnicate\"; known actions: checksum, copy, delete, head, move, remove-delete-marker, revise, tag",
        "invoke", "--endpoint-url", "{endpoint}", "--event", "{dir}/e.json", "--env", "S3BATCH_ALLOWED_ACTIONS=*");
    t.file("e.json", event("{\"userArguments\":{\"action\":\"delete\"}}", "[" + TASK + "]")).c("action not allowed", 3, "action \"delete\" is not allowed by this function (allowed: head; set S3BATCH_ALLOWED_ACTIONS to allow more)", INVOKE_HEAD);
    t.file("e.json", event("{\"userArguments\":{\"allowedDestinations\":\"*\"}}", "[" + TASK + "]")).c("a guard rail set by the job", 3, "userArguments entry \"allowedDestinations\" cannot be set by a job: guard rails come only from the function's environment (S3BATCH_ALLOWED_DESTINATIONS)", INVOKE_HEAD);
    t.file("e.json", event("{\"userArguments\":{\"allowedActions\":\"*\"}}", "[" + TASK + "]")).c("allowedActions set by the job", 3, "userArguments entry \"allowedActions\" cannot be set by a job: guard rails come only from the function's environment (S3BATCH_ALLOWED_ACTIONS)", INVOKE_HEAD);
    t.file("e.json", event("{\"userArguments\":{\"destinatonBucket\":\"x\"}}", "[" + TASK + "]")).c("a mistyped setting", 3, "unknown userArguments entry \"destinatonBucket\": did you mean \"destinationBucket\"?", INVOKE_HEAD);
    t.file("e.json", event("{\"userArguments\":{\"DestinationBucket\":\"x\"}}", "[" + TASK + "]")).c("a setting in the wrong case", 3, "unknown userArguments entry \"DestinationBucket\": did you mean \"destinationBucket\"?", INVOKE_HEAD);
    t.file("e.json", event("{\"userArguments\":{\"storageClass\":\"GLACIER\"}}", "[" + TASK + "]")).c("a setting of another action", 3, "userArguments entry \"storageClass\" is a setting of other actions, not of \"head\": choose the action that reads it, or remove it", INVOKE_HEAD);
    t.file("e.json", event("{\"userArguments\":{\"s3batch.action\":\"head\"}}", "[" + TASK + "]")).c("a name with the s3batch. prefix", 3, "unknown userArguments entry \"s3batch.action\": names starting with s3batch. are the toolkit's and none is named so; the settings are named without it, e.g. action", INVOKE_HEAD);
    t.file("e.json", event("{\"userArguments\":{\"keyFormat\":\"xml\"}}", "[" + TASK + "]")).c("keyFormat unknown", 3, "invalid keyFormat \"xml\"; choose one of: plain, json, pipe, auto", INVOKE_HEAD);
    t.file("e.json", event("{\"userArguments\":{\"keyDecoding\":\"base64\"}}", "[" + TASK + "]")).c("keyDecoding unknown", 3, "invalid keyDecoding \"base64\"; choose one of: plus-as-space, percent-only", INVOKE_HEAD);
    t.file("e.json", event("{\"userArguments\":{\"missingKey\":\"ignore\"}}", "[" + TASK + "]")).c("missingKey unknown", 3, "invalid missingKey \"ignore\"; choose one of: permanent, temporary", INVOKE_HEAD);
    t.file("e.json", event("{\"userArguments\":{\"deadlineMargin\":\"soon\"}}", "[" + TASK + "]")).c("deadlineMargin not a number", 3, "invalid deadlineMargin \"soon\": give whole seconds, 0 or more", INVOKE_HEAD);
    StringBuilder eleven = new StringBuilder("{");
    for (int i = 0; i < 11; i++) {
      eleven.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":\"v\"");
    }
    t.file("e.json", event("{\"userArguments\":" + eleven + "}}", "[" + TASK + "]")).c("11 userArguments", 3, "userArguments has 11 entries: a job carries at most 10 (S3 Batch Operations' limit)", INVOKE_HEAD);
    t.file("e.json", event("{\"userArguments\":{\"" + "n".repeat(65) + "\":\"v\"}}", "[" + TASK + "]")).c("a userArgument name of 65 characters", 3, "userArguments entry name \"nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn...\" has 65 characters: a name has 1 to 64", INVOKE_HEAD);
    t.file("e.json", event("{\"userArguments\":{\"k\":\"" + "v".repeat(1025) + "\"}}", "[" + TASK + "]")).c("a userArgument value of 1,025 characters", 3, "userArguments entry \"k\" has a value of 1025 characters: a value has at most 1024", INVOKE_HEAD);
  }

  private static final String[] INVOKE_COPY = {"invoke", "--action", "copy", "--endpoint-url", "{endpoint}", "--event", "{dir}/e.json",
      "--env", "S3BATCH_DESTINATION_BUCKET=dest", "--env", "S3BATCH_ALLOWED_DESTINATIONS=dest"};

  private static String keyEvent(String s3Key, String userArguments) {
    return event("{\"id\":\"j\",\"userArguments\":" + userArguments + "}",
        "[{\"taskId\":\"t1\",\"s3Key\":\"" + s3Key + "\",\"s3Bucket\":\"bkt\"}]");
  }

  private static void key(BadInputCorpus t, String name, String s3Key, String userArguments, String message) {
    t.file("e.json", keyEvent(s3Key, userArguments)).c(name, 3, message, INVOKE_COPY);
  }

  private static void keys(BadInputCorpus t) {
    t.area("keys");
    key(t, "a bare % at the end", "100%", "{}", "malformed key: \"%\" at position 3 is not a %XX escape with two hex digits; key \"100%\"");
    key(t, "a % with one hex digit", "a%2", "{}", "malformed key: \"%2\" at position 1 is not a %XX escape with two hex digits; key \"a%2\"");
    key(t, "a % with no hex digits", "a%zzb", "{}", "malformed key: \"%zz\" at position 1 is not a %XX escape with two hex digits; key \"a%zzb\"");
    key(t, "bytes that are not UTF-8", "a%C3%28b", "{}", "malformed key: \"%C3\" at position 1 is not valid UTF-8; key \"a%C3%28b\"");
    key(t, "a lone high surrogate", "a\\ud800b", "{}", "malformed key: a lone UTF-16 surrogate at position 1 cannot be UTF-8; key \"a\ud800b\"");
    key(t, "a lone low surrogate", "a\\udc00b", "{}", "malformed key: a lone UTF-16 surrogate at position 1 cannot be UTF-8; key \"a\udc00b\"");
    key(t, "UTF-8 of a surrogate", "a%ED%A0%80b", "{}", "malformed key: \"%ED%A0%80\" at position 1 is not valid UTF-8; key \"a%ED%A0%80b\"");
    key(t, "an overlong UTF-8 slash", "a%C0%AFb", "{}", "malformed key: \"%C0\" at position 1 is not valid UTF-8; key \"a%C0%AFb\"");
    key(t, "json format, not JSON", "%7Bnot%20json", "{\"keyFormat\":\"json\"}", "key \"{not json\" is not JSON (keyFormat json): Unexpected character ('n' (code 110)): was expecting double-quote to start field name");
    key(t, "json format, an array", "%5B1%5D", "{\"keyFormat\":\"json\"}", "key \"[1]\" is not a JSON object (keyFormat json)");
    key(t, "json format, no origKey", "%7B%22newKey%22%3A%22b%22%7D", "{\"keyFormat\":\"json\"}", "JSON key {\"newKey\":\"b\"} names no object: it needs a non-empty string \"origKey\" (or \"key\") field");
    key(t, "json key with an empty origKey", "%7B%22origKey%22%3A%22%22%7D", "{}", "JSON key {\"origKey\":\"\"} names no object: it needs a non-empty string \"origKey\" (or \"key\") field");
    key(t, "json key with a numeric newKey", "%7B%22origKey%22%3A%22a%22%2C%22newKey%22%3A5%7D", "{}", "field \"newKey\" of the JSON key is a number, not a string; key {\"origKey\":\"a\",\"newKey\":5}");
    key(t, "json key with an object destinationBucket",
        "%7B%22origKey%22%3A%22a%22%2C%22destinationBucket%22%3A%7B%7D%7D", "{}", "field \"destinationBucket\" of the JSON key is an object, not a string; key {\"origKey\":\"a\",\"destinationBucket\":{}}");
    key(t, "pipe format without a pipe", "nokey", "{\"keyFormat\":\"pipe\"}", "key \"nokey\" has no '|': the pipe key format is key|argument");
    key(t, "pipe format with nothing before the pipe", "%7Cupper", "{\"keyFormat\":\"pipe\"}", "key \"|upper\" has nothing before its '|': the pipe key format is key|argument");
    key(t, "newKey with ../", "%7B%22origKey%22%3A%22a%22%2C%22newKey%22%3A%22..%2Fother%2Fx%22%7D", "{}",
        "task t1: destination key has a \"..\" path segment, which a path-normalising server reads as another folder or bucket; nothing written; key \"../other/x\"");
    key(t, "newKey with a leading /", "%7B%22origKey%22%3A%22a%22%2C%22newKey%22%3A%22%2Fx%22%7D", "{}", "task t1: destination key starts with '/': a destination key is relative to its bucket; nothing written; key \"/x\"");
    key(t, "newKey with a control character", "%7B%22origKey%22%3A%22a%22%2C%22newKey%22%3A%22x%5Cu001by%22%7D", "{}", "task t1: destination key holds a control character at position 1; nothing written; key \"x\\x1by\"");
    key(t, "newKey of 1,025 bytes", "%7B%22origKey%22%3A%22a%22%2C%22newKey%22%3A%22" + "x".repeat(1025) + "%22%7D", "{}", "task t1: destination key has 1025 bytes: a destination key must be 1 to 1,024 bytes of UTF-8; nothing written; key \"xxxx");
    key(t, "destinationBucket not allowed", "%7B%22origKey%22%3A%22a%22%2C%22destinationBucket%22%3A%22other%22%7D", "{}", "destination bucket not allowed: \"other\" (allowed: dest; set S3BATCH_ALLOWED_DESTINATIONS in the function's environment to allow more)");
    key(t, "destinationPrefix with ../", "a", "{\"destinationPrefix\":\"../other/\"}",
        "task t1: destinationPrefix has a \"..\" path segment, which a path-normalising server reads as another folder or bucket; nothing written; prefix \"../other/\"");
    key(t, "destinationPrefix with a leading /", "a", "{\"destinationPrefix\":\"/\"}",
        "task t1: destinationPrefix starts with '/': a destination key is relative to its bucket; nothing written; prefix \"/\"");
    key(t, "destinationBucket argument not allowed", "a", "{\"destinationBucket\":\"other\"}", "destination bucket not allowed: \"other\" (allowed: dest; set S3BATCH_ALLOWED_DESTINATIONS in the function's environment to allow more)");
    key(t, "an empty newKey", "%7B%22origKey%22%3A%22a%22%2C%22newKey%22%3A%22%22%7D", "{}", "task t1: destination key has 0 bytes: a destination key must be 1 to 1,024 bytes of UTF-8; nothing written; key \"\"");
  }

  private static final String[] LOCAL_M = with(LOCAL, "--action", "head", "--manifest", "{dir}/m.csv");
  private static final String[] BUILD_CSV = build("--csv", "{dir}/in.csv");
  private static final String[] BUILD_JSONL = build("--jsonl", "{dir}/in.jsonl");
  private static final String[] BUILD_KEYS = build("--keys", "{dir}/k.txt", "--bucket", "bkt");

  private static void manifests(BadInputCorpus t) {
    t.area("manifests (CSV)");
    t.file("m.csv", "bkt,a\nbkt,b,v1,extra\n").c("a row of four fields", 2, "--manifest {dir}/m.csv line 2: 4 fields; a manifest row is bucket,key or bucket,key,versionId (quote a key that holds a comma)", LOCAL_M);
    t.file("m.csv", "bkt,a\nbkt\n").c("a row of one field", 2, "--manifest {dir}/m.csv line 2: 1 field; a manifest row is bucket,key or bucket,key,versionId (quote a key that holds a comma)", LOCAL_M);
    t.file("m.csv", "bkt,a\nMy_Bucket,b\n").c("a bad bucket name", 2, "--manifest {dir}/m.csv line 2: \"My_Bucket\" is not a bucket name: only lowercase letters, digits, '.' and '-' are allowed", LOCAL_M);
    t.file("m.csv", "bkt,a\nbkt,\n").c("an empty key", 2, "--manifest {dir}/m.csv line 2: the key field has 0 characters; it holds 1 to 1,024", LOCAL_M);
    t.file("m.csv", "bkt," + "k".repeat(1025) + "\n").c("a key field over 1,024 characters", 2, "--manifest {dir}/m.csv line 1: the key field has 1025 characters; it holds 1 to 1,024", LOCAL_M);
    t.file("m.csv", "Bucket,Key\nbkt,a\n").c("a header row", 2, "--manifest {dir}/m.csv line 1: \"Bucket,Key\" is a header row; a manifest has no header row: delete the line", LOCAL_M);
    t.file("m.csv", "\uFEFFbkt,a\n").c("a byte-order mark", 2, "--manifest {dir}/m.csv line 1: the file starts with a UTF-8 byte-order mark, which S3 Batch Operations reads as part of the first bucket name; save the manifest as UTF-8 without BOM", LOCAL_M);
    t.file("m.csv", "bkt,a\nbkt,\"b\n").c("a quote left open", 2, "--manifest {dir}/m.csv line 2: a quoted field is not closed before the end of the input", LOCAL_M);
    t.file("m.csv", "bkt,a\nbkt,\"b\"c\n").c("text after a closing quote", 2, "--manifest {dir}/m.csv line 2: text after the closing quote of a field; double the quotes inside a quoted field (\"\")", LOCAL_M);
    t.file("m.csv", "bkt,a\nbkt,b\"c\n").c("a quote inside an unquoted field", 2, "--manifest {dir}/m.csv line 2: a quote inside an unquoted field; quote the whole field and double the quotes in it, as in \"my \"\"quoted\"\" key\"", LOCAL_M);
    t.file("m.csv", new byte[] {'b', 'k', 't', ',', 'a', '\n', 'b', 'k', 't', ',', (byte) 0xff, '\n'}).c("bytes that are not UTF-8", 2, "--manifest {dir}/m.csv line 2: not valid UTF-8", LOCAL_M);
    t.file("m.csv", "").c("an empty file", 2, "--manifest {dir}/m.csv: no rows; a job cannot run an empty manifest", LOCAL_M);
    t.file("m.csv", "\n\n\r\n").c("only blank lines", 2, "--manifest {dir}/m.csv: no rows; a job cannot run an empty manifest", LOCAL_M);
    t.c("a missing file", 2, "--manifest {dir}/m.csv: no such file", LOCAL_M);
    t.file("m.csv", "bkt,a\nbkt,b\n\nbkt,c,v,w\n").c("a fault after a blank line names its line", 2, "--manifest {dir}/m.csv line 4: 4 fields; a manifest row is bucket,key or bucket,key,versionId (quote a key that holds a comma)", LOCAL_M);
    t.file("m.csv", "bkt,a\nbkt,b\rbkt,c,d,e\r").c("CR line ends", 2, "--manifest {dir}/m.csv line 3: 4 fields; a manifest row is bucket,key or bucket,key,versionId (quote a key that holds a comma)", LOCAL_M);
    t.file("in.csv", "bkt,a\nbkt,b,v1,extra\n").c("build: a row of four fields", 2, "{dir}/in.csv line 2: 4 fields; a row is bucket,key or bucket,key,versionId (quote a key that holds a comma)", BUILD_CSV);
    t.file("in.csv", "bkt,a\nMy_Bucket,b\n").c("build: a bad bucket name", 2, "{dir}/in.csv line 2: \"My_Bucket\" is not a bucket name: only lowercase letters, digits, '.' and '-' are allowed", BUILD_CSV);
    t.file("in.csv", "bkt,\"a\n").c("build: a quote left open", 2, "{dir}/in.csv line 1: a quoted field is not closed before the end of the input", BUILD_CSV);
    t.file("in.csv", "bkt,\n").c("build: an empty key", 2, "{dir}/in.csv line 1: an empty key; S3 keys have 1 to 1,024 bytes", BUILD_CSV);
    t.file("in.csv", "bkt," + "é".repeat(513) + "\n").c("build: a key over 1,024 bytes", 2, "{dir}/in.csv line 1: key \"éééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé...\" is 1026 bytes of UTF-8; S3 keys have at most 1,024", BUILD_CSV);
    t.file("in.csv", new byte[] {'b', 'k', 't', ',', (byte) 0xc3, '\n'}).c("build: bytes that are not UTF-8", 2, "{dir}/in.csv line 1: not valid UTF-8", BUILD_CSV);
    t.file("k.txt", "a\n" + "é".repeat(513) + "\n").c("build: --keys line over 1,024 bytes", 2, "{dir}/k.txt line 2: key \"éééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé...\" is 1026 bytes of UTF-8; S3 keys have at most 1,024", BUILD_KEYS);
    t.file("k.txt", new byte[] {'a', '\n', (byte) 0xfe, '\n'}).c("build: --keys bytes that are not UTF-8", 2, "{dir}/k.txt line 2: not valid UTF-8", BUILD_KEYS);

    t.area("manifests (inventory)");
    String inv = "{\"sourceBucket\":\"src\",\"destinationBucket\":\"arn:aws:s3:::inv\",\"fileFormat\":\"%s\","
        + "\"fileSchema\":\"%s\",\"files\":%s}";
    String[] localInv = with(LOCAL, "--action", "head", "--manifest", "{dir}/manifest.json");
    t.file("manifest.json", String.format(inv, "ORC", "Bucket, Key", "[{\"key\":\"d.csv\"}]")).c("fileFormat ORC", 2, "--manifest {dir}/manifest.json: inventory fileFormat \"ORC\" is not supported; only CSV inventories can be read", localInv);
    t.file("manifest.json", String.format(inv, "CSV", "Bucket, Size", "[{\"key\":\"d.csv\"}]")).c("fileSchema without Key", 2, "--manifest {dir}/manifest.json: inventory fileSchema \"Bucket, Size\" names no Bucket or no Key field", localInv);
    t.file("manifest.json", String.format(inv, "CSV", "Key, Size", "[{\"key\":\"d.csv\"}]")).c("fileSchema without Bucket", 2, "--manifest {dir}/manifest.json: inventory fileSchema \"Key, Size\" names no Bucket or no Key field", localInv);
    t.file("manifest.json", String.format(inv, "CSV", "Bucket, Key", "[]")).c("no files", 2, "--manifest {dir}/manifest.json: the inventory manifest lists no files", localInv);
    t.file("manifest.json", String.format(inv, "CSV", "Bucket, Key", "[{\"key\":\"none.csv\"}]")).c("a data file that is missing", 2, "--manifest {dir}/manifest.json: inventory file none.csv is not found under {dir} or its parent folders", localInv);
    t.file("manifest.json", "{\"fileFormat\": \"CSV\",").c("not JSON", 2, "--manifest {dir}/manifest.json: not a CSV manifest and not an inventory manifest.json: Unexpected end-of-input within/between Object entries", localInv);
    t.file("manifest.json", String.format(inv, "CSV", "Bucket, Key, VersionId", "[{\"key\":\"d.csv\"}]"))
        .file("d.csv", "src,a,v1\nsrc\n").c("a data row shorter than the schema", 2, "--manifest d.csv line 2: the inventory's fileSchema names 3 fields; this row has 1", localInv);
    t.file("manifest.json", String.format(inv, "CSV", "Bucket, Key", "[{\"key\":\"d.csv\"}]"))
        .file("d.csv", "src,a\nBad_Bucket,b\n").c("a data row with a bad bucket", 2, "--manifest d.csv line 2: \"Bad_Bucket\" is not a bucket name: only lowercase letters, digits, '.' and '-' are allowed", localInv);
    t.file("manifest.json", String.format(inv, "CSV", "Bucket, Key", "[{\"key\":\"d.csv\"}]"))
        .file("d.csv", "src,a\nsrc,\n").c("a data row with an empty key", 2, "--manifest d.csv line 2: the key is empty", localInv);
    t.file("manifest.json", String.format(inv, "CSV", "Bucket, Key", "[{\"key\":\"d.csv\"}]"))
        .file("d.csv", "").c("data files without rows", 2, "--manifest {dir}/manifest.json: no rows; a job cannot run an empty manifest", localInv);

    t.area("manifests (JSON lines)");
    t.file("in.jsonl", "{\"bucket\":\"bkt\",\"key\":\"a\"}\n{\"key\": oops}\n").c("a line that is not JSON", 2, "{dir}/in.jsonl line 2: not valid JSON: Unrecognized token 'oops': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')", BUILD_JSONL);
    t.file("in.jsonl", "{\"key\":\"a\"}\n").c("a line without bucket", 2, "{dir}/in.jsonl line 1: no bucket: give the line a \"bucket\" field or give --bucket", BUILD_JSONL);
    t.file("in.jsonl", "{\"bucket\":\"bkt\",\"key\":5}\n").c("a key that is a number", 2, "{dir}/in.jsonl line 1: \"key\" must be a string, not number", BUILD_JSONL);
    t.file("in.jsonl", "{\"bucket\":\"bkt\"}\n").c("a line without key", 2, "{dir}/in.jsonl line 1: an empty object: give {\"key\": ...} or task parameters", BUILD_JSONL);
    t.file("in.jsonl", "[\"bkt\",\"a\"]\n").c("a line that is an array", 2, "{dir}/in.jsonl line 1: not a JSON object: each line is one {...} object", BUILD_JSONL);
    t.file("in.jsonl", "{\"bucket\":\"Bad_Bucket\",\"key\":\"a\"}\n").c("a bad bucket name", 2, "{dir}/in.jsonl line 1: \"Bad_Bucket\" is not a bucket name: only lowercase letters, digits, '.' and '-' are allowed", BUILD_JSONL);
    t.file("in.jsonl", "{\"bucket\":\"bkt\",\"key\":\"\"}\n").c("an empty key", 2, "{dir}/in.jsonl line 1: an empty key; S3 keys have 1 to 1,024 bytes", BUILD_JSONL);
    t.file("in.jsonl", "{\"bucket\":\"bkt\",\"key\":\"" + "é".repeat(513) + "\"}\n").c("a key over 1,024 bytes", 2, "{dir}/in.jsonl line 1: key \"éééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé...\" is 1026 bytes of UTF-8; S3 keys have at most 1,024", BUILD_JSONL);
    t.file("in.jsonl", "{\"bucket\":\"bkt\",\"key\":\"a\",\"versionId\":7}\n").c("a versionId that is a number", 2, "{dir}/in.jsonl line 1: \"versionId\" must be a string, not number", BUILD_JSONL);
    t.file("in.jsonl", "{\"bucket\":\"bkt\",\"key\":\"a\"} {\"bucket\":\"bkt\",\"key\":\"b\"}\n").c("two objects on one line", 2, "{dir}/in.jsonl line 1: not valid JSON: Trailing token (of type START_OBJECT) found after value", BUILD_JSONL);
    t.file("in.jsonl", new byte[] {'{', '"', 'b', (byte) 0xff, '"', '}', '\n'}).c("bytes that are not UTF-8", 2, "{dir}/in.jsonl line 1: not valid UTF-8", BUILD_JSONL);
  }

  private static final String RESULT_OK = "bkt,a,,succeeded,200,,\"ok\"\n";

  private static String reportManifest(String results) {
    return "{\"Format\":\"Report_CSV_20180820\",\"ReportCreationDate\":\"2024-01-01T00:00:00.000Z\",\"Results\":" + results
        + ",\"ReportSchema\":\"Bucket, Key, VersionId, TaskStatus, ErrorCode, HTTPStatusCode, ResultMessage\"}";
  }

  private static String resultFile(String status, String md5) {
    return "[{\"TaskExecutionStatus\":\"" + status + "\",\"Bucket\":\"rep\",\"MD5Checksum\":\"" + md5
        + "\",\"Key\":\"job-1/results/r.csv\"}]";
  }

  private static void reports(BadInputCorpus t) {
    t.area("reports");
    String[] review = {"report", "review", "{dir}/manifest.json", "--retry-manifest", "{dir}/retry.csv"};
    t.c("no manifest.json", 2, "{dir}/manifest.json: no such file, and no job-<id>/manifest.json under {dir}/", "report", "review", "{dir}", "--retry-manifest", "{dir}/retry.csv");
    t.file("manifest.json", "{\"Format\":").c("manifest.json not JSON", 2, "{dir}/manifest.json: not JSON: Unexpected end-of-input within/between Object entries", review);
    t.file("manifest.json", "[]").c("manifest.json an array", 2, "{dir}/manifest.json: not a JSON object", review);
    t.file("manifest.json", "{\"Results\":[]}").c("manifest.json without Format", 2, "{dir}/manifest.json: field Format is missing or not a string", review);
    t.file("manifest.json", reportManifest("[{\"Bucket\":\"rep\",\"MD5Checksum\":\"x\",\"Key\":\"k\"}]"))
        .c("a result without TaskExecutionStatus", 2, "{dir}/manifest.json: field TaskExecutionStatus is missing or not a string", review);
    t.file("manifest.json", reportManifest("[{\"TaskExecutionStatus\":\"succeeded\",\"Bucket\":\"rep\",\"MD5Checksum\":5,\"Key\":\"k\"}]"))
        .c("an MD5Checksum that is a number", 2, "{dir}/manifest.json: field MD5Checksum is missing or not a string", review);
    t.file("manifest.json", reportManifest(resultFile("succeeded", "00000000000000000000000000000000")))
        .c("a result file that is missing", 1, "1 result file(s) missing or not matching the MD5 in manifest.json: {dir}/results/r.csv: no such file; no retry manifest written to {dir}/retry.csv: a report that fails its check cannot say which tasks to retry", review);
    t.file("manifest.json", reportManifest(resultFile("succeeded", "00000000000000000000000000000000")))
        .file("results/r.csv", RESULT_OK).c("a result file whose MD5 differs", 1, "1 result file(s) missing or not matching the MD5 in manifest.json: {dir}/results/r.csv: MD5 778890feb14c786ff5f29dbfc0ee1ab2 differs from manifest.json's 00000000000000000000000000000000; no retry manifest written to {dir}/retry.csv: a report that fails its check cannot say which tasks to retry", review);
    t.file("manifest.json", reportManifest(resultFile("succeeded", "md5")))
        .file("results/r.csv", RESULT_OK + "bkt,b,,succeeded,200\n").c("a row of five fields", 2, "{dir}/results/r.csv:2: a report row has 7 fields; this one has 5", review);
    t.file("manifest.json", reportManifest(resultFile("succeeded", "md5")))
        .file("results/r.csv", RESULT_OK + "bkt,b,,succeeded,200,,\"open\n").c("a row with a quote left open", 2, "{dir}/results/r.csv:2: a quoted field is not closed before the end of the input", review);
    t.file("manifest.json", reportManifest(resultFile("succeeded", "md5")))
        .file("results/r.csv", RESULT_OK + "bkt,b,,succeeded,200,,\"ok\"x\n").c("a row with text after a quote", 2, "{dir}/results/r.csv:2: text after the closing quote of a field; double the quotes inside a quoted field (\"\")", review);
    t.file("manifest.json", reportManifest(resultFile("succeeded", "md5")))
        .file("results/r.csv", RESULT_OK + "a,b,c,d,e,f,g,h\n").c("a row of eight fields", 2, "{dir}/results/r.csv:2: a report row has 7 fields; this one has 8", review);
    t.file("manifest.json", reportManifest("[]")).file("unprocessed.csv", "bkt\n").c("an unprocessed.csv row of one field", 2, "{dir}/unprocessed.csv:1: a manifest row is bucket,key or bucket,key,versionId; this one has 1 fields", review);
    t.file("manifest.json", reportManifest("[]")).file("unprocessed.csv", "bkt,a,v,x\n").c("an unprocessed.csv row of four fields", 2, "{dir}/unprocessed.csv:1: a manifest row is bucket,key or bucket,key,versionId; this one has 4 fields", review);
    t.file("job-1/manifest.json", "{").c("a folder whose only job's manifest.json is not JSON", 2, "{dir}/job-1/manifest.json: not JSON: Unexpected end-of-input: expected close marker for Object",
        "report", "review", "{dir}", "--retry-manifest", "{dir}/retry.csv");
    t.c("an s3:// report with one slash", 2, "REPORT \"s3:/rep/job-1/\": write s3:// with two slashes, as in s3://BUCKET/KEY", "report", "review", "s3:/rep/job-1/", "--endpoint-url", "{endpoint}");
  }
}
