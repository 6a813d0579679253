package dev.s3batch.tools.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FunctionNameTest {

  @Test
  void parse_everyFormInvokeAccepts_givesNameAndQualifier() {
    assertThat(FunctionName.parse("my-function")).isEqualTo(new FunctionName("my-function", null, null, null));
    assertThat(FunctionName.parse("my-function:v1")).isEqualTo(new FunctionName("my-function", "v1", null, null));
    assertThat(FunctionName.parse("arn:aws:lambda:us-west-2:123456789012:function:my-function"))
        .isEqualTo(new FunctionName("my-function", null, "us-west-2", "123456789012"));
    assertThat(FunctionName.parse("arn:aws:lambda:us-west-2:123456789012:function:my-function:$LATEST"))
        .isEqualTo(new FunctionName("my-function", "$LATEST", "us-west-2", "123456789012"));
    assertThat(FunctionName.parse("123456789012:function:my-function"))
        .isEqualTo(new FunctionName("my-function", null, null, "123456789012"));
  }

  @Test
  void parse_notAFunctionName_givesNull() {
    assertThat(FunctionName.parse("")).isNull();
    assertThat(FunctionName.parse("two words")).isNull();
    assertThat(FunctionName.parse("arn:aws:s3:::bucket")).isNull();
    assertThat(FunctionName.parse("f:a:b")).isNull();
  }

  @Test
  void arn_partialName_usesTheLocalAccountAndTheServicesRegion() {
    assertThat(FunctionName.parse("f:live").arn("eu-west-1", "live")).isEqualTo("arn:aws:lambda:eu-west-1:123456789012:function:f:live");
  }
}
