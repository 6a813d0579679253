package dev.s3batch.tools.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link PolicyValidator} on broken policies (each must fail, for the right reason) and on good ones. */
class PolicyValidatorTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      wrong-version               | Version must be "2012-10-17"
      statement-not-array         | Statement must be a non-empty array
      effect-maybe                | Effect must be Allow or Deny
      action-star                 | wildcard action "*"
      s3-star                     | wildcard action "s3:*"
      s3-get-wildcard             | wildcard action "s3:Get*"
      unknown-action              | unknown action "s3:GetObjects"
      action-without-service      | "GetObject" is not service:Action
      resource-star-unexplained   | "Resource": "*" without a Sid that says why it CannotBeScoped
      resource-not-arn            | "photos/*" is not an ARN
      every-bucket                | matches every bucket
      unknown-condition-operator  | unknown condition operator "StringEqualz"
      not-action-with-allow       | Allow with NotAction
      no-action                   | exactly one of Action and NotAction is required
      no-resource                 | exactly one of Resource and NotResource is required
      trust-principal-star        | Principal must name
      duplicate-sid               | Sid repeated
      sid-with-spaces             | Sid may hold only letters and digits
      unknown-element             | unknown element "Resources"
      """)
  void problems_brokenPolicy_namesTheFault(String name, String expected) throws IOException {
    JsonNode policy = read("invalid/" + name + ".json");
    assertThat(PolicyValidator.problems(policy)).as(name).anyMatch(p -> p.contains(expected));
    assertThatThrownBy(() -> PolicyValidator.check(name, policy)).hasMessageContaining(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"scoped-read", "unscopable-with-reason", "trust-with-conditions", "deny-with-not-resource"})
  void problems_goodPolicy_none(String name) throws IOException {
    assertThat(PolicyValidator.problems(read("valid/" + name + ".json"))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"[]", "\"policy\"", "{}"})
  void problems_notAPolicyObject_reported(String text) throws IOException {
    assertThat(PolicyValidator.problems(JSON.readTree(text))).isNotEmpty();
  }

  @ParameterizedTest(name = "{0} with {1}={2}")
  @CsvSource(delimiter = '|', textBlock = """
      function-role/copy.json        | SourceBucket | *      | matches every bucket
      job-role/permissions.json      | AccountId    | 12345  | is not an ARN
      function-role/head.json        | Region       | mars   | is not an ARN
      """)
  void problems_filesFilledWithBadValues_reported(String file, String placeholder, String value, String expected) {
    Map<String, String> values = new java.util.HashMap<>(PolicyFiles.SAMPLE);
    values.put(placeholder, value);
    assertThat(PolicyValidator.problems(Placeholders.fill(PolicyFiles.expected().get(file), values)))
        .anyMatch(p -> p.contains(expected));
  }

  private static JsonNode read(String resource) throws IOException {
    try (InputStream in = PolicyValidatorTest.class.getResourceAsStream("/policies/" + resource)) {
      assertThat(in).as(resource).isNotNull();
      return JSON.readTree(in);
    }
  }
}
