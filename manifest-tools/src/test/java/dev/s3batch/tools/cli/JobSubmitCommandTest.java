package dev.s3batch.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.s3batch.testkit.S3MockServer;
import dev.s3batch.tools.job.FakeS3Control;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

class JobSubmitCommandTest {

  static final String FUNCTION = "arn:aws:lambda:us-east-1:123456789012:function:resize:live";
  static final String ROLE = "arn:aws:iam::123456789012:role/s3batch-job";
  static final String MANIFEST = "photos,cat.jpg\nphotos,dog%20and%20cat.jpg\n";

  FakeS3Control control;
  String bucket;

  @BeforeEach
  void start() throws Exception {
    control = new FakeS3Control();
    bucket = S3MockServer.get().newBucket("jobs");
  }

  @AfterEach
  void stop() {
    control.close();
  }

  List<String> common() {
    return List.of("job", "submit", "--region", "us-east-1",
        "--endpoint-url", control.endpoint().toString(),
        "--s3-endpoint-url", S3MockServer.get().endpoint().toString());
  }

  String put(String b, String key, String content) {
    PutObjectResponse r = S3MockServer.get().client().putObject(p -> p.bucket(b).key(key), RequestBody.fromString(content));
    return r.eTag().replace("\"", "");
  }

  @Test
  void submit_manifestAndArguments_marshalsLambdaInvokeJob() throws Exception {
    String etag = put(bucket, "manifests/m.csv", MANIFEST);

    CliRun run = JobCli.run(JobCli.args(common(),
        "--function-arn", FUNCTION, "--role-arn", ROLE,
        "--arg", "width=640", "--arg", "mode=fit",
        "--manifest", "s3://" + bucket + "/manifests/m.csv",
        "--report", "s3://" + bucket + "/reports", "--report-scope", "FailedTasksOnly",
        "--priority", "42", "--description", "nightly resize"));

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().trim()).isEqualTo("job-1");
    assertThat(control.requests()).hasSize(1);
    FakeS3Control.Request r = control.requests().get(0);
    assertThat(r.method()).isEqualTo("POST");
    assertThat(r.path()).isEqualTo("/v20180820/jobs");
    assertThat(r.header("x-amz-account-id")).isEqualTo("123456789012");
    Document xml = parse(r.body());
    Element root = xml.getDocumentElement();
    assertThat(root.getTagName()).isEqualTo("CreateJobRequest");
    assertThat(root.getNamespaceURI()).isEqualTo("http://awss3control.amazonaws.com/doc/2018-08-20/");
    assertThat(text(root, "ConfirmationRequired")).isEqualTo("false");
    assertThat(text(child(child(root, "Operation"), "LambdaInvoke"), "FunctionArn")).isEqualTo(FUNCTION);
    assertThat(text(child(child(root, "Operation"), "LambdaInvoke"), "InvocationSchemaVersion")).isEqualTo("2.0");
    Element args = child(child(child(root, "Operation"), "LambdaInvoke"), "UserArguments");
    assertThat(entries(args)).containsExactly("width=640", "mode=fit");
    Element report = child(root, "Report");
    assertThat(text(report, "Bucket")).isEqualTo("arn:aws:s3:::" + bucket);
    assertThat(text(report, "Format")).isEqualTo("Report_CSV_20180820");
    assertThat(text(report, "Enabled")).isEqualTo("true");
    assertThat(text(report, "Prefix")).isEqualTo("reports");
    assertThat(text(report, "ReportScope")).isEqualTo("FailedTasksOnly");
    Element manifest = child(root, "Manifest");
    assertThat(text(child(manifest, "Spec"), "Format")).isEqualTo("S3BatchOperations_CSV_20180820");
    assertThat(members(child(child(manifest, "Spec"), "Fields"))).containsExactly("Bucket", "Key");
    assertThat(text(child(manifest, "Location"), "ObjectArn")).isEqualTo("arn:aws:s3:::" + bucket + "/manifests/m.csv");
    assertThat(text(child(manifest, "Location"), "ETag")).isEqualTo(etag).isEqualTo(md5(MANIFEST));
    assertThat(child(child(manifest, "Location"), "ObjectVersionId")).isNull();
    assertThat(text(root, "ClientRequestToken")).matches("[0-9a-f]{64}");
    assertThat(text(root, "Description")).isEqualTo("nightly resize");
    assertThat(text(root, "Priority")).isEqualTo("42");
    assertThat(text(root, "RoleArn")).isEqualTo(ROLE);
    assertThat(child(root, "ManifestGenerator")).isNull();
  }

  @Test
  void submit_sameJobTwice_createsItOnce() {
    put(bucket, "m.csv", MANIFEST);
    String[] args = JobCli.args(common(), "--function-arn", FUNCTION, "--role-arn", ROLE,
        "--manifest", "s3://" + bucket + "/m.csv", "--no-report", "--json");

    CliRun first = JobCli.run(args);
    CliRun second = JobCli.run(args);

    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(second.out()).isEqualTo(first.out()).contains("\"jobId\" : \"job-1\"");
    assertThat(control.jobsCreated()).isEqualTo(1);
    assertThat(FakeS3Control.element(control.requests().get(1).body(), "ClientRequestToken"))
        .isEqualTo(FakeS3Control.element(control.requests().get(0).body(), "ClientRequestToken"));
  }

  @Test
  void submit_changedManifest_getsANewToken() {
    put(bucket, "m.csv", MANIFEST);
    String[] args = JobCli.args(common(), "--function-arn", FUNCTION, "--role-arn", ROLE,
        "--manifest", "s3://" + bucket + "/m.csv", "--no-report");
    JobCli.run(args);
    put(bucket, "m.csv", MANIFEST + "photos,bird.jpg\n");

    CliRun second = JobCli.run(args);

    assertThat(second.out().trim()).isEqualTo("job-2");
    assertThat(control.jobsCreated()).isEqualTo(2);
  }

  @Test
  void submit_noReportSchema1_sendsReportDisabledAndNoArguments() throws Exception {
    put(bucket, "m.csv", MANIFEST);

    CliRun run = JobCli.run(JobCli.args(common(), "--function-arn", FUNCTION, "--role-arn", ROLE,
        "--manifest", "s3://" + bucket + "/m.csv", "--no-report", "--confirmation-required",
        "--account-id", "210987654321", "--client-token", "my-token"));

    assertThat(run.exitCode()).as(run.err()).isZero();
    FakeS3Control.Request r = control.requests().get(0);
    assertThat(r.header("x-amz-account-id")).isEqualTo("210987654321");
    Element root = parse(r.body()).getDocumentElement();
    assertThat(text(child(root, "Report"), "Enabled")).isEqualTo("false");
    assertThat(child(root, "Report").getChildNodes().getLength()).isEqualTo(1);
    assertThat(text(child(child(root, "Operation"), "LambdaInvoke"), "InvocationSchemaVersion")).isEqualTo("1.0");
    assertThat(child(child(child(root, "Operation"), "LambdaInvoke"), "UserArguments")).isNull();
    assertThat(text(root, "ConfirmationRequired")).isEqualTo("true");
    assertThat(text(root, "ClientRequestToken")).isEqualTo("my-token");
    assertThat(text(root, "Priority")).isEqualTo("10");
  }

  @Test
  void submit_versionedManifestWithVersionIds_sendsVersionAndThreeFields() throws Exception {
    String versioned = S3MockServer.get().newVersionedBucket("jobsv");
    PutObjectResponse put = S3MockServer.get().client().putObject(
        p -> p.bucket(versioned).key("m.csv"), RequestBody.fromString("photos,cat.jpg,v1\nphotos,dog.jpg,v7\n"));

    CliRun run = JobCli.run(JobCli.args(common(), "--function-arn", FUNCTION, "--role-arn", ROLE,
        "--manifest", "s3://" + versioned + "/m.csv", "--no-report"));

    assertThat(run.exitCode()).as(run.err()).isZero();
    Element manifest = child(parse(control.requests().get(0).body()).getDocumentElement(), "Manifest");
    assertThat(members(child(child(manifest, "Spec"), "Fields"))).containsExactly("Bucket", "Key", "VersionId");
    assertThat(put.versionId()).isNotBlank();
    assertThat(text(child(manifest, "Location"), "ObjectVersionId")).isEqualTo(put.versionId());
  }

  @Test
  void submit_generator_marshalsManifestGeneratorWithoutManifest() throws Exception {
    CliRun run = JobCli.run(JobCli.args(common(), "--function-arn", FUNCTION, "--role-arn", ROLE,
        "--generate", "s3://photos-bucket/raw/", "--match-suffix", ".jpg", "--created-after", "2024-01-01",
        "--size-greater-than", "1024", "--storage-class", "STANDARD", "--storage-class", "GLACIER_IR",
        "--generated-manifest-to", "s3://manifest-bucket/generated", "--report", "s3://report-bucket"));

    assertThat(run.exitCode()).as(run.err()).isZero();
    Element root = parse(control.requests().get(0).body()).getDocumentElement();
    assertThat(child(root, "Manifest")).isNull();
    Element gen = child(child(root, "ManifestGenerator"), "S3JobManifestGenerator");
    assertThat(text(gen, "SourceBucket")).isEqualTo("arn:aws:s3:::photos-bucket");
    assertThat(text(gen, "EnableManifestOutput")).isEqualTo("true");
    Element filter = child(gen, "Filter");
    assertThat(members(child(child(filter, "KeyNameConstraint"), "MatchAnyPrefix"))).containsExactly("raw/");
    assertThat(members(child(child(filter, "KeyNameConstraint"), "MatchAnySuffix"))).containsExactly(".jpg");
    assertThat(text(filter, "CreatedAfter")).isEqualTo("2024-01-01T00:00:00Z");
    assertThat(text(filter, "ObjectSizeGreaterThanBytes")).isEqualTo("1024");
    assertThat(members(child(filter, "MatchAnyStorageClass"))).containsExactly("STANDARD", "GLACIER_IR");
    Element out = child(gen, "ManifestOutputLocation");
    assertThat(text(out, "Bucket")).isEqualTo("arn:aws:s3:::manifest-bucket");
    assertThat(text(out, "ManifestPrefix")).isEqualTo("generated");
    assertThat(text(out, "ManifestFormat")).isEqualTo("S3InventoryReport_CSV_20211130");
    assertThat(child(child(root, "Report"), "Prefix")).isNull();
  }

  @Test
  void submit_dryRun_printsCliInputJsonOfTheFixtureAndSendsNothing() throws Exception {
    String fixed = "s3batch-dry-run-fixture";
    if (!S3MockServer.get().client().listBuckets().buckets().stream().anyMatch(b -> b.name().equals(fixed))) {
      S3MockServer.get().client().createBucket(b -> b.bucket(fixed));
    }
    put(fixed, "manifests/m.csv", MANIFEST);

    String[] args = JobCli.args(common(), "--function-arn", FUNCTION, "--role-arn", ROLE,
        "--arg", "width=640", "--manifest", "s3://" + fixed + "/manifests/m.csv",
        "--report", "s3://" + fixed + "/reports/", "--description", "nightly resize");

    CliRun run = JobCli.run(JobCli.args(List.of(args), "--dry-run"));

    assertThat(run.exitCode()).as(run.err()).isZero();
    String expected = Files.readString(Path.of("src/test/resources/requests/create-job-cli-input.json"));
    assertThat(run.out().trim()).isEqualTo(expected.trim());
    assertThat(control.requests()).isEmpty();

    // The same job sent for real: the SDK's XML equals, byte for byte, what botocore (the AWS CLI's
    // engine, 1.43.11) marshals from the dry-run JSON with `create-job --cli-input-json`.
    CliRun sent = JobCli.run(args);
    assertThat(sent.exitCode()).as(sent.err()).isZero();
    String botocore = Files.readString(Path.of("src/test/resources/requests/create-job-botocore.xml"));
    assertThat(control.requests().get(0).body().replaceFirst("^<\\?xml[^>]*\\?>", "")).isEqualTo(botocore.trim());
  }

  static Stream<Arguments> badInput() {
    String m = "--manifest";
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      many.add("--arg");
      many.add("k" + i + "=v");
    }
    return Stream.of(
        Arguments.of(List.of("--function-arn", "resize", "--role-arn", ROLE, m, "s3://b1x/m.csv", "--no-report"),
            "--function-arn \"resize\" is not a Lambda function ARN"),
        Arguments.of(List.of("--function-arn", "arn:aws:lambda:us-east-1:123:function:f", "--role-arn", ROLE, m, "s3://b1x/m.csv", "--no-report"),
            "is not a Lambda function ARN"),
        Arguments.of(List.of("--function-arn", FUNCTION, "--role-arn", "arn:aws:iam::123456789012:user/bob", m, "s3://b1x/m.csv", "--no-report"),
            "--role-arn \"arn:aws:iam::123456789012:user/bob\" is not an IAM role ARN"),
        Arguments.of(List.of("--function-arn", FUNCTION, "--role-arn", ROLE, m, "s3://b1x", "--no-report"),
            "--manifest \"s3://b1x\" names no object"),
        Arguments.of(List.of("--function-arn", FUNCTION, "--role-arn", ROLE, m, "b1x/m.csv", "--no-report"),
            "--manifest \"b1x/m.csv\": not an s3:// URI"),
        Arguments.of(List.of("--function-arn", FUNCTION, "--role-arn", ROLE, "--no-report"),
            "give --manifest s3://BUCKET/KEY or --generate"),
        Arguments.of(List.of("--function-arn", FUNCTION, "--role-arn", ROLE, m, "s3://b1x/m.csv", "--generate", "s3://b1x", "--no-report"),
            "--manifest and --generate cannot both be given"),
        Arguments.of(List.of("--function-arn", FUNCTION, "--role-arn", ROLE, m, "s3://b1x/m.csv"),
            "give --report s3://BUCKET/PREFIX"),
        Arguments.of(List.of("--function-arn", FUNCTION, "--role-arn", ROLE, m, "s3://b1x/m.csv", "--no-report", "--report-scope", "Some"),
            "--report-scope \"Some\" is not AllTasks or FailedTasksOnly"),
        Arguments.of(concat(List.of("--function-arn", FUNCTION, "--role-arn", ROLE, m, "s3://b1x/m.csv", "--no-report"), many),
            "--arg given 11 times: a job carries at most 10 user arguments"),
        Arguments.of(List.of("--function-arn", FUNCTION, "--role-arn", ROLE, m, "s3://b1x/m.csv", "--no-report", "--arg", "k".repeat(65) + "=v"),
            "a key has 1 to 64 characters, this one 65"),
        Arguments.of(List.of("--function-arn", FUNCTION, "--role-arn", ROLE, m, "s3://b1x/m.csv", "--no-report", "--arg", "k=" + "v".repeat(1025)),
            "--arg k: a value has at most 1024 characters, this one 1025"),
        Arguments.of(List.of("--function-arn", FUNCTION, "--role-arn", ROLE, m, "s3://b1x/m.csv", "--no-report", "--arg", "k=v", "--schema", "1.0"),
            "--arg needs --schema 2.0"),
        Arguments.of(List.of("--function-arn", FUNCTION, "--role-arn", ROLE, m, "s3://b1x/m.csv", "--no-report", "--priority", "-1"),
            "--priority -1: a priority is 0 to 2147483647"),
        Arguments.of(List.of("--function-arn", FUNCTION, "--role-arn", ROLE, m, "s3://b1x/m.csv", "--no-report", "--manifest-fields", "Bucket,Name"),
            "--manifest-fields \"Bucket,Name\": \"Name\" is not one of"),
        Arguments.of(List.of("--function-arn", FUNCTION, "--role-arn", ROLE, "--generate", "s3://b1x", "--no-report", "--storage-class", "COLD"),
            "--storage-class \"COLD\" is not one of"),
        Arguments.of(List.of("--function-arn", FUNCTION, "--role-arn", ROLE, m, "s3://b1x/m.csv", "--no-report", "--match-suffix", ".jpg"),
            "need --generate"),
        Arguments.of(List.of("--function-arn", FUNCTION, "--role-arn", ROLE, m, "s3://b1x/m.csv", "--no-report", "--account-id", "12ab"),
            "--account-id \"12ab\" is not a 12-digit AWS account id"));
  }

  @ParameterizedTest
  @MethodSource("badInput")
  void submit_badInput_exits2NamingTheOptionAndSendsNothing(List<String> args, String message) {
    CliRun run = JobCli.run(JobCli.args(common(), args.toArray(String[]::new)));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains(message);
    assertThat(control.requests()).isEmpty();
  }

  @Test
  void submit_manifestNotFound_exits2NamingTheUri() {
    CliRun run = JobCli.run(JobCli.args(common(), "--function-arn", FUNCTION, "--role-arn", ROLE,
        "--manifest", "s3://" + bucket + "/missing.csv", "--no-report"));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--manifest s3://" + bucket + "/missing.csv: no such object (HeadObject answered 404)");
    assertThat(control.requests()).isEmpty();
  }

  @Test
  void submit_wrongEtag_exits2ShowingTheRealOne() {
    String etag = put(bucket, "m.csv", MANIFEST);

    CliRun run = JobCli.run(JobCli.args(common(), "--function-arn", FUNCTION, "--role-arn", ROLE,
        "--manifest", "s3://" + bucket + "/m.csv", "--manifest-etag", "0123456789abcdef0123456789abcdef", "--no-report"));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--manifest-etag \"0123456789abcdef0123456789abcdef\" does not match")
        .contains("its ETag is \"" + etag + "\"");
    assertThat(control.requests()).isEmpty();
  }

  @Test
  void submit_rightEtagQuoted_isAccepted() {
    String etag = put(bucket, "m.csv", MANIFEST);

    CliRun run = JobCli.run(JobCli.args(common(), "--function-arn", FUNCTION, "--role-arn", ROLE,
        "--manifest", "s3://" + bucket + "/m.csv", "--manifest-etag", "\"" + etag + "\"", "--no-report"));

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(FakeS3Control.element(control.requests().get(0).body(), "ETag")).isEqualTo(etag);
  }

  @Test
  void submit_manifestWithFourColumns_exits2AskingForFields() {
    put(bucket, "m.csv", "photos,cat.jpg,v1,extra\n");

    CliRun run = JobCli.run(JobCli.args(common(), "--function-arn", FUNCTION, "--role-arn", ROLE,
        "--manifest", "s3://" + bucket + "/m.csv", "--no-report"));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("its first line has 4 columns").contains("--manifest-fields");
  }

  @Test
  void submit_badRequestException_exits1WithS3ControlsMessage() {
    put(bucket, "m.csv", MANIFEST);
    control.failNext(400, "BadRequestException", "Request invalid: the function does not exist");

    CliRun run = JobCli.run(JobCli.args(common(), "--function-arn", FUNCTION, "--role-arn", ROLE,
        "--manifest", "s3://" + bucket + "/m.csv", "--no-report"));

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("CreateJob: S3 Control rejected the request (BadRequestException: "
        + "Request invalid: the function does not exist, HTTP 400");
    assertThat(run.out()).isEmpty();
  }

  static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  static String md5(String s) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
  }

  static Document parse(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  static Element child(Element parent, String name) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getLocalName().equals(name)) {
        return e;
      }
    }
    return null;
  }

  static String text(Element parent, String name) {
    Element e = child(parent, name);
    return e == null ? null : e.getTextContent();
  }

  static List<String> members(Element list) {
    List<String> values = new ArrayList<>();
    NodeList nodes = list.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      values.add(nodes.item(i).getTextContent());
    }
    return values;
  }

  static List<String> entries(Element map) {
    List<String> values = new ArrayList<>();
    NodeList nodes = map.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      Element entry = (Element) nodes.item(i);
      values.add(text(entry, "key") + "=" + text(entry, "value"));
    }
    return values;
  }
}
