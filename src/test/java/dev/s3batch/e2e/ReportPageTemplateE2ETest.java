package dev.s3batch.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.s3batch.tools.iam.Policies;
import dev.s3batch.tools.report.ReportManifest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code iam/report-page.yaml}: it parses, every reference resolves, the function runs the built
 * page code behind the Web Adapter with a streaming, IAM-authorized API, its role is exactly
 * {@link Policies#reportPageRole()}, and the handler script it names starts the page.
 */
class ReportPageTemplateE2ETest {

  private static final Path ROOT = Path.of("").toAbsolutePath();
  private static final Path TEMPLATE = ROOT.resolve("iam/report-page.yaml");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static Map<String, Object> template;

  @BeforeAll
  static void parse() throws IOException {
    template = CloudFormationYaml.read(TEMPLATE);
  }

  @Test
  void template_parsed_isASamTemplateWhoseReferencesAllResolve() {
    assertThat(template).containsEntry("Transform", "AWS::Serverless-2016-10-31");
    assertThat(TemplateReferences.names(template, "Resources"))
        .containsExactlyInAnyOrder("PageFunction", "PageRole", "PageApi", "PageLogGroup");
    assertThat(TemplateReferences.unresolved(template)).isEmpty();
  }

  @Test
  @SuppressWarnings("unchecked")
  void function_runsBehindTheWebAdapter_streamingThroughAnIamApi() {
    Map<String, Object> fn = properties("PageFunction");
    assertThat(fn).containsEntry("Handler", "run.sh").containsEntry("Timeout", 900)
        .containsEntry("Layers", List.of(Map.of("Ref", "WebAdapterLayerArn")))
        .containsEntry("Role", Map.of("Fn::GetAtt", List.of("PageRole", "Arn")));
    Map<String, Object> env = (Map<String, Object>) ((Map<String, Object>) fn.get("Environment")).get("Variables");
    assertThat(env).containsEntry("AWS_LAMBDA_EXEC_WRAPPER", "/opt/bootstrap")
        .containsEntry("AWS_LWA_INVOKE_MODE", "response_stream").containsKey("PORT")
        .containsEntry("S3BATCH_REPORT", Map.of("Fn::Sub", "s3://${ReportBucket}/${ReportPrefix}"));
    Map<String, Object> events = (Map<String, Object>) fn.get("Events");
    assertThat(events).isNotEmpty();
    for (Object e : events.values()) {
      Map<String, Object> event = (Map<String, Object>) e;
      Map<String, Object> p = (Map<String, Object>) event.get("Properties");
      assertThat(event).containsEntry("Type", "Api");
      assertThat(p).containsEntry("ResponseTransferMode", "RESPONSE_STREAM").containsEntry("TimeoutInMillis", 900000)
          .containsEntry("RestApiId", Map.of("Ref", "PageApi"));
    }
    Map<String, Object> auth = (Map<String, Object>) properties("PageApi").get("Auth");
    assertThat(auth).containsEntry("DefaultAuthorizer", "AWS_IAM");
    Map<String, Object> layer = (Map<String, Object>) ((Map<String, Object>) template.get("Parameters")).get("WebAdapterLayerArn");
    assertThat(layer).doesNotContainKey("Default");
  }

  @Test
  @SuppressWarnings("unchecked")
  void role_policy_isExactlyTheReportPageRole() {
    Map<String, Object> role = properties("PageRole");
    Map<String, Object> policy = (Map<String, Object>) ((List<Object>) role.get("Policies")).get(0);
    assertThat(TemplateReferences.asWritten(policy.get("PolicyDocument"))).isEqualTo(JSON.convertValue(Policies.reportPageRole(), Map.class));
    assertThat(TemplateReferences.asWritten(role.get("AssumeRolePolicyDocument")))
        .isEqualTo(JSON.convertValue(Policies.functionRoleTrust(), Map.class));
  }

  @Test
  void codeUri_builtFolder_holdsTheJarAndAnExecutableRunScriptThatServesThePage(@TempDir Path dir) throws Exception {
    Path code = TEMPLATE.getParent().resolve((String) properties("PageFunction").get("CodeUri")).normalize();
    assertThat(code).isEqualTo(ROOT.resolve("manifest-tools/target/report-page"));
    assertThat(code.resolve("s3batch.jar")).exists();
    assertThat(Files.getPosixFilePermissions(code.resolve("run.sh"))).contains(PosixFilePermission.OWNER_EXECUTE,
        PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_EXECUTE);

    Path job = Files.createDirectories(dir.resolve("job-lambda/results"));
    byte[] rows = "photos,a.jpg,,failed,200,PermanentFailure,gone\n".getBytes(StandardCharsets.UTF_8);
    Files.write(job.resolve("f" + "0".repeat(39) + ".csv"), rows);
    String md5 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5").digest(rows));
    Files.write(job.resolveSibling("manifest.json"), ReportManifest.of(Instant.now(), List.of(
        new ReportManifest.ResultFile("failed", "reports", md5, "job-lambda/results/f" + "0".repeat(39) + ".csv"))).toJson());
    // As Lambda starts it: the handler script from the task root, the Web Adapter's PORT, the report from the template.
    ProcessBuilder pb = new ProcessBuilder(code.resolve("run.sh").toString()).directory(dir.toFile())
        .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
    pb.environment().put("LAMBDA_TASK_ROOT", code.toString());
    pb.environment().put("PORT", "0");
    pb.environment().put("S3BATCH_REPORT", dir.resolve("job-lambda").toString());
    Process page = pb.start();
    try {
      URI uri = url(page, dir.resolve("out.txt"));
      HttpResponse<String> summary = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(uri.resolve("api/summary")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(summary.statusCode()).isEqualTo(200);
      assertThat(JSON.readTree(summary.body()).get("failed").asLong()).isEqualTo(1);
    } finally {
      page.destroy();
      page.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static URI url(Process page, Path out) throws Exception {
    Pattern at = Pattern.compile(" at (http://127\\.0\\.0\\.1:\\d+/) ");
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (System.nanoTime() < deadline) {
      Matcher m = at.matcher(Files.readString(out));
      if (m.find()) {
        return URI.create(m.group(1));
      }
      assertThat(page.isAlive()).as(Files.readString(out.resolveSibling("err.txt"))).isTrue();
      Thread.sleep(100);
    }
    throw new AssertionError("run.sh printed no URL within 2 minutes");
  }


  private static Map<String, Object> properties(String resource) {
    return TemplateReferences.properties(template, resource);
  }
}
