package dev.s3batch.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s3batch.tools.iam.ActionPermissions;
import dev.s3batch.tools.iam.Policies;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code iam/template.yaml}: it parses, deploys the handler class that is in the built artifact,
 * references only what it defines, and its policies are exactly {@link ActionPermissions}'s.
 */
class IamTemplateE2ETest {

  private static final Path ROOT = Path.of("").toAbsolutePath();
  private static final Path TEMPLATE = ROOT.resolve("iam/template.yaml");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static Map<String, Object> template;

  @BeforeAll
  static void parse() throws IOException {
    template = CloudFormationYaml.read(TEMPLATE);
  }

  @Test
  void template_parsed_isASamTemplateWithTheFourResources() {
    assertThat(template).containsEntry("AWSTemplateFormatVersion", "2010-09-09")
        .containsEntry("Transform", "AWS::Serverless-2016-10-31");
    assertThat(TemplateReferences.names(template, "Resources"))
        .containsExactlyInAnyOrder("Function", "FunctionRole", "JobRole", "FunctionLogGroup");
  }

  @Test
  void function_handlerAndCodeUri_nameAClassInTheBuiltArtifact() throws Exception {
    Map<String, Object> fn = properties("Function");
    String handler = (String) fn.get("Handler");
    String className = handler.substring(0, handler.indexOf("::"));
    String method = handler.substring(handler.indexOf("::") + 2);
    Class<?> type = Class.forName(className);
    assertThat(RequestStreamHandler.class).isAssignableFrom(type);
    assertThat(type.getMethod(method, InputStream.class, OutputStream.class, Context.class)).isNotNull();

    Path artifact = TEMPLATE.getParent().resolve((String) fn.get("CodeUri")).normalize();
    assertThat(artifact).isEqualTo(ROOT.resolve("handler/target/s3batch-handler-0.1.0-SNAPSHOT-lambda.jar"));
    assertThat(artifact).as("the deployment artifact (built by the handler module's package phase)").exists();
    try (JarFile jar = new JarFile(artifact.toFile())) {
      assertThat(jar.getEntry(className.replace('.', '/') + ".class")).as(className + " in " + artifact).isNotNull();
      assertThat(jar.getEntry("software/amazon/awssdk/services/s3/S3Client.class")).as("shaded SDK").isNotNull();
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void function_prebuiltArtifact_isNotRebuiltBySamBuild() {
    Map<String, Object> resources = (Map<String, Object>) template.get("Resources");
    Map<String, Object> fn = (Map<String, Object>) resources.get("Function");
    assertThat((Map<String, Object>) fn.get("Metadata")).containsEntry("SkipBuild", true);
  }

  @Test
  @SuppressWarnings("unchecked")
  void function_settings_areTheDocumentedOnes() {
    Map<String, Object> fn = properties("Function");
    Map<String, Object> parameters = (Map<String, Object>) template.get("Parameters");
    assertThat(fn).containsEntry("Runtime", "java21").containsEntry("Timeout", 900)
        .containsEntry("AutoPublishAlias", "live")
        .containsEntry("Architectures", List.of(Map.of("Ref", "Architecture")))
        .containsEntry("MemorySize", Map.of("Ref", "MemorySize"))
        .containsEntry("Role", Map.of("Fn::GetAtt", List.of("FunctionRole", "Arn")));
    assertThat(((Map<String, Object>) parameters.get("Architecture")).get("Default")).isEqualTo("arm64");
    assertThat(((Map<String, Object>) parameters.get("MemorySize")).get("Default")).isEqualTo(1024);
    assertThat(fn.get("ReservedConcurrentExecutions").toString()).contains("ReservedConcurrency");
    assertThat(fn.get("SnapStart").toString()).contains("UseSnapStart", "PublishedVersions");
    Map<String, Object> env = (Map<String, Object>) ((Map<String, Object>) fn.get("Environment")).get("Variables");
    assertThat(env).containsKeys("S3BATCH_ACTION", "S3BATCH_ALLOWED_ACTIONS", "S3BATCH_ALLOWED_DESTINATIONS",
        "S3BATCH_DESTINATION_BUCKET", "S3BATCH_DESTINATION_PREFIX", "S3BATCH_KEY_FORMAT");
    assertThat(((Map<String, Object>) parameters.get("Action")).get("AllowedValues"))
        .isEqualTo(ActionPermissions.actions());
    Map<String, Object> outputs = (Map<String, Object>) template.get("Outputs");
    assertThat(outputs).containsKeys("FunctionArn", "JobRoleArn");
    assertThat(((Map<String, Object>) outputs.get("FunctionArn")).get("Value")).isEqualTo(Map.of("Ref", "Function.Version"));
  }

  @Test
  void template_references_allResolve() {
    assertThat(TemplateReferences.unresolved(template)).isEmpty();
  }

  @Test
  void referenceCheck_onABrokenTemplate_reportsEveryDanglingReference() {
    Map<String, Object> broken = CloudFormationYamlTestSupport.parse("""
        Parameters:
          Name: {Type: String}
        Conditions:
          IsX: !Equals [!Ref Name, x]
        Resources:
          Role:
            Type: AWS::IAM::Role
            DependsOn: Ghost
            Properties:
              RoleName: !Sub "${Name}-${Missing}-${AWS::Region}"
              Path: !If [NoSuchCondition, a, b]
              Tags: [!Ref Nowhere, !GetAtt Phantom.Arn, !Ref Role]
        """);
    assertThat(TemplateReferences.unresolved(broken)).hasSize(5)
        .anyMatch(p -> p.contains("Ghost")).anyMatch(p -> p.contains("${Missing}"))
        .anyMatch(p -> p.contains("NoSuchCondition")).anyMatch(p -> p.contains("Nowhere"))
        .anyMatch(p -> p.contains("Phantom"));
  }

  @Test
  void functionRole_policyForEachAction_isExactlyActionPermissions() {
    for (String action : ActionPermissions.actions()) {
      String condition = "Is" + String.join("", capitalized(action.split("-")));
      assertThat(conditionalPolicy("FunctionRole", condition))
          .as("FunctionRole policy under %s", condition).isEqualTo(json(Policies.functionRole(action)));
    }
    assertThat(conditionalPolicy("FunctionRole", "GrantAcl"))
        .isEqualTo(json(Policies.functionRoleAddOn(ActionPermissions.ACL_ADD_ON)));
    assertThat(TemplateReferences.asWritten(properties("FunctionRole").get("AssumeRolePolicyDocument")))
        .isEqualTo(json(Policies.functionRoleTrust()));
  }

  @Test
  @SuppressWarnings("unchecked")
  void jobRole_trustAndPolicies_areExactlyTheFiles() {
    Map<String, Object> job = properties("JobRole");
    assertThat(TemplateReferences.asWritten(job.get("AssumeRolePolicyDocument"))).isEqualTo(json(Policies.jobRoleTrust()));
    Map<String, Object> always = (Map<String, Object>) ((List<Object>) job.get("Policies")).get(0);
    assertThat(TemplateReferences.asWritten(always.get("PolicyDocument"))).isEqualTo(json(Policies.jobRolePermissions()));
    assertThat(conditionalPolicy("JobRole", "GeneratesManifest")).isEqualTo(json(Policies.manifestGenerator()));
  }

  @SuppressWarnings("unchecked")
  private static Object conditionalPolicy(String role, String condition) {
    for (Object p : (List<Object>) properties(role).get("Policies")) {
      if (p instanceof Map<?, ?> m && m.get("Fn::If") instanceof List<?> branches && condition.equals(branches.get(0))) {
        assertThat(branches.get(2)).isEqualTo(Map.of("Ref", "AWS::NoValue"));
        return TemplateReferences.asWritten(((Map<String, Object>) branches.get(1)).get("PolicyDocument"));
      }
    }
    throw new AssertionError(role + " has no policy under condition " + condition);
  }


  private static Object json(ObjectNode policy) {
    return JSON.convertValue(policy, Map.class);
  }

  private static Map<String, Object> properties(String resource) {
    return TemplateReferences.properties(template, resource);
  }

  private static List<String> capitalized(String[] words) {
    List<String> out = new ArrayList<>();
    for (String w : words) {
      out.add(Character.toUpperCase(w.charAt(0)) + w.substring(1));
    }
    return out;
  }

  /** Parses YAML text with the template reader, for the negative tests. */
  static final class CloudFormationYamlTestSupport {
    static Map<String, Object> parse(String yaml) {
      try {
        Path file = Files.createTempFile("template", ".yaml");
        Files.writeString(file, yaml);
        try {
          return CloudFormationYaml.read(file);
        } finally {
          Files.delete(file);
        }
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }
}
