package dev.s3batch.tools.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class IamRendererTest {

  private static final String FUNCTION = "arn:aws:lambda:eu-west-1:123456789012:function:s3batch";

  static List<String> actions() {
    return ActionPermissions.actions();
  }

  private static RenderRequest request(String action, String destination) {
    return new RenderRequest(FUNCTION, "s3://manifests/jobs/m.csv", "s3://reports/batch", "photos", destination,
        action, null, null, false, false);
  }

  @ParameterizedTest
  @MethodSource("actions")
  void render_eachAction_givesFourValidPoliciesWithNoPlaceholderLeft(String action) {
    Map<String, ObjectNode> files =
        IamRenderer.render(request(action, ActionPermissions.needsDestination(action) ? "photos-copy" : null));
    assertThat(files).containsOnlyKeys("job-role-trust.json", "job-role-permissions.json", "function-role-trust.json",
        "function-role-permissions.json");
    files.forEach((name, policy) -> {
      assertThat(PolicyValidator.problems(policy)).as(name).isEmpty();
      assertThat(policy.toString()).as(name).doesNotContain("${");
    });
  }

  @Test
  void render_head_scopesEveryStatementToTheGivenFunctionManifestReportAndBucket() {
    Map<String, ObjectNode> files = IamRenderer.render(request("head", null));
    assertThat(resources(files.get("job-role-permissions.json"))).containsExactly(
        FUNCTION, FUNCTION + ":*", "arn:aws:s3:::manifests/jobs/m.csv", "arn:aws:s3:::reports/batch/*");
    JsonNode trust = files.get("job-role-trust.json").path("Statement").get(0).path("Condition");
    assertThat(trust.path("StringEquals").path("aws:SourceAccount").asText()).isEqualTo("123456789012");
    assertThat(trust.path("ArnLike").path("aws:SourceArn").asText()).isEqualTo("arn:aws:s3:eu-west-1:123456789012:job/*");
    assertThat(resources(files.get("function-role-permissions.json"))).containsExactly(
        "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/s3batch",
        "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/s3batch:*",
        "arn:aws:s3:::photos/*", "arn:aws:s3:::photos");
  }

  @Test
  void render_qualifiedFunctionArn_grantsTheFunctionByName() {
    Map<String, ObjectNode> files = IamRenderer.render(new RenderRequest(FUNCTION + ":7", "s3://man/k.csv", "s3://rep",
        "photos", null, "head", "123456789012", "eu-west-1", false, false));
    assertThat(resources(files.get("job-role-permissions.json")))
        .contains(FUNCTION, FUNCTION + ":*", "arn:aws:s3:::rep/*");
  }

  @Test
  void render_manifestGeneratorAndAcl_addTheirStatements() {
    Map<String, ObjectNode> files = IamRenderer.render(new RenderRequest(FUNCTION, "s3://manifests/generated",
        "s3://reports/", "photos", "photos-copy", "copy", null, null, true, true));
    assertThat(resources(files.get("job-role-permissions.json")))
        .contains("arn:aws:s3:::photos", "arn:aws:s3:::manifests/generated/*", "arn:aws:s3:::reports/*");
    assertThat(files.get("function-role-permissions.json").toString()).contains("s3:PutObjectAcl");
    assertThat(IamRenderer.render(request("copy", "photos-copy")).get("function-role-permissions.json").toString())
        .doesNotContain("s3:PutObjectAcl");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
      --function-arn       | arn:aws:lambda:eu-west-1:123:function:s3batch | s3://manifests/m.csv | head | null
      --function-arn       | arn:aws:s3:::bucket                           | s3://manifests/m.csv | head | null
      --manifest           | FUNCTION                                      | s3://manifests       | head | null
      --manifest           | FUNCTION                                      | s3://manifests/      | head | null
      --manifest           | FUNCTION                                      | manifests/m.csv      | head | null
      --manifest           | FUNCTION                                      | s3://UPPER/m.csv     | head | null
      --action             | FUNCTION                                      | s3://manifests/m.csv | frobnicate | null
      --destination-bucket | FUNCTION                                      | s3://manifests/m.csv | copy | null
      --destination-bucket | FUNCTION                                      | s3://manifests/m.csv | head | other
      """)
  void render_badInput_namesTheOption(String option, String functionArn, String manifest, String action,
      String destination) {
    String arn = "FUNCTION".equals(functionArn) ? FUNCTION : functionArn;
    assertThatThrownBy(() -> IamRenderer.render(new RenderRequest(arn, manifest, "s3://reports", "photos",
        destination, action, null, null, false, false)))
        .isInstanceOfSatisfying(IamInputException.class, e -> assertThat(e.option()).isEqualTo(option))
        .hasMessageStartingWith(option + ": ");
  }

  @Test
  void render_accountOrRegionOtherThanTheFunctions_isRefused() {
    assertThatThrownBy(() -> IamRenderer.render(new RenderRequest(FUNCTION, "s3://man/k", "s3://rep", "photos", null,
        "head", "210987654321", null, false, false))).hasMessageStartingWith("--account-id: ");
    assertThatThrownBy(() -> IamRenderer.render(new RenderRequest(FUNCTION, "s3://man/k", "s3://rep", "photos", null,
        "head", null, "us-east-1", false, false))).hasMessageStartingWith("--region: ");
    assertThatThrownBy(() -> IamRenderer.render(new RenderRequest(FUNCTION, "s3://man/k", "s3://rep", "photos", null,
        "head", null, null, false, true))).hasMessageStartingWith("--acl: ");
  }

  private static List<String> resources(ObjectNode policy) {
    List<String> out = new ArrayList<>();
    policy.path("Statement").forEach(s -> s.path("Resource").forEach(r -> out.add(r.asText())));
    return out;
  }
}
